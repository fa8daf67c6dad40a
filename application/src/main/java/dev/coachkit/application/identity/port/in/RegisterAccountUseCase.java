package dev.coachkit.application.identity.port.in;

import dev.coachkit.domain.identity.ClientDevice;
import java.util.Optional;

/** Creates an account, its organization and its ADMIN membership, and signs it in. */
public interface RegisterAccountUseCase {

    AuthResult register(Command command);

    /** Raw client input; the use case validates it into domain values. */
    record Command(String email, String password, String firstName, String lastName, String organizationName,
            Optional<String> clientIp, Optional<String> userAgent) {

        /** A registration whose user agent is unknown. */
        public Command(String email, String password, String firstName, String lastName, String organizationName,
                Optional<String> clientIp) {
            this(email, password, firstName, lastName, organizationName, clientIp, Optional.empty());
        }

        /** Where the new account's first session is signed in from. */
        public ClientDevice device() {
            return ClientDevice.of(clientIp, userAgent);
        }

        /** Never prints the password. */
        @Override
        public String toString() {
            return "Register[email=" + email + ", organizationName=" + organizationName + "]";
        }
    }
}
