package dev.coachkit.application.identity.port.in;

import java.util.Optional;

/**
 * Marks the e-mail of the account with the token's address verified, once, before the token expires.
 *
 * @throws dev.coachkit.domain.shared.InvalidInputException naming {@code token} when it is unknown, expired or
 *         used, or when no account has its address (yet: an invitee who has not accepted)
 */
public interface VerifyEmailUseCase {

    void verifyEmail(Command command);

    record Command(String token, Optional<String> clientIp) {
        /** Never prints the token. */
        @Override
        public String toString() {
            return "VerifyEmail[<redacted>]";
        }
    }
}
