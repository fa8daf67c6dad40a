package dev.coachkit.application.identity.port.in;

import dev.coachkit.domain.identity.ClientDevice;
import dev.coachkit.domain.shared.TenantId;
import java.util.Optional;

/** Signs an account in to one of its tenants: the one asked for, or the most recently joined. */
public interface LoginUseCase {

    /** @throws dev.coachkit.domain.shared.AuthenticationException with one message for every failure */
    AuthResult login(Command command);

    /** {@code userAgent} is the client's {@code User-Agent}, recorded with the client address on the new session. */
    record Command(String email, String password, Optional<TenantId> tenantId, Optional<String> clientIp,
            Optional<String> userAgent) {

        /** A sign-in whose user agent is unknown. */
        public Command(String email, String password, Optional<TenantId> tenantId, Optional<String> clientIp) {
            this(email, password, tenantId, clientIp, Optional.empty());
        }

        /** Where the session is signed in from. */
        public ClientDevice device() {
            return ClientDevice.of(clientIp, userAgent);
        }

        /** Never prints the password. */
        @Override
        public String toString() {
            return "Login[email=" + email + ", tenantId=" + tenantId + "]";
        }
    }
}
