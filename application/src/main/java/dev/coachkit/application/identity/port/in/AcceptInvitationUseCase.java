package dev.coachkit.application.identity.port.in;

import dev.coachkit.domain.identity.ClientDevice;
import java.util.Optional;

/**
 * Redeems an invitation: a new account is created from {@code newAccount}, or the membership is
 * attached to the already signed-in {@code caller}. Signs the account in to the invited tenant.
 */
public interface AcceptInvitationUseCase {

    AuthResult accept(Command command);

    record Command(String acceptToken, Optional<AuthenticateUseCase.Caller> caller, Optional<NewAccount> newAccount,
            Optional<String> clientIp, Optional<String> userAgent) {

        /** An acceptance whose user agent is unknown. */
        public Command(String acceptToken, Optional<AuthenticateUseCase.Caller> caller,
                Optional<NewAccount> newAccount, Optional<String> clientIp) {
            this(acceptToken, caller, newAccount, clientIp, Optional.empty());
        }

        /** Where the session in the invited tenant is signed in from. */
        public ClientDevice device() {
            return ClientDevice.of(clientIp, userAgent);
        }

        /** Never prints the token or a password. */
        @Override
        public String toString() {
            return "AcceptInvitation[signedIn=" + caller.isPresent() + ", newAccount=" + newAccount.isPresent() + "]";
        }
    }

    /** What a person without an account gives to create one. */
    record NewAccount(String password, String firstName, String lastName) {
        /** Never prints the password. */
        @Override
        public String toString() {
            return "NewAccount[firstName=" + firstName + ", lastName=" + lastName + "]";
        }
    }
}
