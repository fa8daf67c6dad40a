package dev.coachkit.application.identity.port.in;

import java.util.Optional;

/**
 * Sets a new password with a mailed reset token, once, before it expires. Every session of the account is
 * signed out (refresh and access tokens), and the e-mail counts as verified: the link reached it.
 *
 * @throws dev.coachkit.domain.shared.InvalidInputException naming {@code token} when it is unknown, expired or
 *         used, {@code newPassword} when the password breaks the password policy
 */
public interface ResetPasswordUseCase {

    void resetPassword(Command command);

    record Command(String token, String newPassword, Optional<String> clientIp) {
        /** Never prints the token or the password. */
        @Override
        public String toString() {
            return "ResetPassword[<redacted>]";
        }
    }
}
