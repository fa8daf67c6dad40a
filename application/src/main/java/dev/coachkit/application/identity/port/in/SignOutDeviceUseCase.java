package dev.coachkit.application.identity.port.in;

import java.util.Optional;
import java.util.UUID;

/**
 * Signs one of the caller's devices out: its session's refresh tokens and access tokens stop working now.
 *
 * @throws dev.coachkit.domain.shared.NotFoundException when {@code sessionId} is not a live session of the
 *         caller's account, whoever else's it may be
 */
public interface SignOutDeviceUseCase {

    void signOut(Command command);

    record Command(AuthenticateUseCase.Caller caller, UUID sessionId, Optional<String> clientIp) {
        @Override
        public String toString() {
            return "SignOutDevice[caller=" + caller.actor() + ", sessionId=" + sessionId + "]";
        }
    }
}
