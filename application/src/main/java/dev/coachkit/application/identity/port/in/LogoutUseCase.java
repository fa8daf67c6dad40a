package dev.coachkit.application.identity.port.in;

import java.util.Optional;

/** Ends a session: revokes the refresh token's family and the caller's access token. */
public interface LogoutUseCase {

    void logout(Command command);

    record Command(AuthenticateUseCase.Caller caller, String refreshToken, Optional<String> clientIp) {
        /** Never prints the token. */
        @Override
        public String toString() {
            return "Logout[caller=" + caller.actor() + "]";
        }
    }
}
