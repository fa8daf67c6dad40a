package dev.coachkit.application.identity.port.in;

import java.util.Optional;

/**
 * Changes the caller's password, given the current one. Every other session of the account is signed
 * out (refresh and access tokens); the caller's own session goes on.
 *
 * @throws dev.coachkit.domain.shared.InvalidInputException naming {@code currentPassword} when it is wrong,
 *         {@code newPassword} when the new one breaks the password policy
 * @throws dev.coachkit.domain.shared.TooManyRequestsException after too many guesses at the account's
 *         password, sign-in attempts included
 */
public interface ChangePasswordUseCase {

    void changePassword(Command command);

    record Command(AuthenticateUseCase.Caller caller, String currentPassword, String newPassword,
            Optional<String> clientIp) {
        /** Never prints a password. */
        @Override
        public String toString() {
            return "ChangePassword[caller=" + caller.actor() + "]";
        }
    }
}
