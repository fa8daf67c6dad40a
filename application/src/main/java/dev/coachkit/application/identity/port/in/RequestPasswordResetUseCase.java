package dev.coachkit.application.identity.port.in;

import java.util.Optional;

/**
 * Asks for a password-reset link to be mailed to an address. Answers alike, in comparable time, whether or not
 * an account has the address: the account is looked up, and the link stored, audited and mailed, after the
 * answer.
 *
 * @throws dev.coachkit.domain.shared.InvalidInputException naming {@code email} when it is not an address
 * @throws dev.coachkit.domain.shared.TooManyRequestsException after too many requests from the client address
 *         or for the e-mail
 */
public interface RequestPasswordResetUseCase {

    void requestReset(Command command);

    /** @param clientIp the client address, for its limit and the audit trail */
    record Command(String email, Optional<String> clientIp) {}
}
