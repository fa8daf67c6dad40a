package dev.coachkit.application.identity.port.in;

import dev.coachkit.domain.shared.TenantId;
import java.util.Optional;

/** Signs an account in to one of its tenants: the one asked for, or the most recently joined. */
public interface LoginUseCase {

    /** @throws dev.coachkit.domain.shared.AuthenticationException with one message for every failure */
    AuthResult login(Command command);

    record Command(String email, String password, Optional<TenantId> tenantId, Optional<String> clientIp) {
        /** Never prints the password. */
        @Override
        public String toString() {
            return "Login[email=" + email + ", tenantId=" + tenantId + "]";
        }
    }
}
