package dev.coachkit.application.identity.port.in;

import java.util.Optional;

/** Creates an account, its organization and its ADMIN membership, and signs it in. */
public interface RegisterAccountUseCase {

    AuthResult register(Command command);

    /** Raw client input; the use case validates it into domain values. */
    record Command(String email, String password, String firstName, String lastName, String organizationName,
            Optional<String> clientIp) {
        /** Never prints the password. */
        @Override
        public String toString() {
            return "Register[email=" + email + ", organizationName=" + organizationName + "]";
        }
    }
}
