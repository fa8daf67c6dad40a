package dev.coachkit.application.identity;

import dev.coachkit.application.identity.port.out.AccountTokenRepository;
import dev.coachkit.application.identity.port.out.SecureTokens;
import dev.coachkit.application.notification.port.out.Mailer;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.IdGenerator;
import dev.coachkit.domain.identity.AccountToken;
import dev.coachkit.domain.identity.EmailAddress;
import dev.coachkit.domain.identity.TokenHash;
import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * Issues e-mail verification tokens for registration and invitations: drawn before the unit of work, stored
 * (as a hash) in it, and — for a registration — mailed after the answer, so a slow mail server never holds up a
 * sign-up nor fails one that committed.
 */
final class EmailVerifications {

    /** A drawn token and its row, not yet stored. */
    record Pending(String token, AccountToken row) {}

    private final AccountTokenRepository tokens;
    private final SecureTokens secureTokens;
    private final Mailer mailer;
    private final AccountMails mails;
    private final IdGenerator ids;
    private final Clock clock;
    private final Duration validity;
    private final Executor afterAnswer;

    EmailVerifications(AccountTokenRepository tokens, SecureTokens secureTokens, Mailer mailer, AccountMails mails,
            IdGenerator ids, Clock clock, Duration validity, Executor afterAnswer) {
        this.tokens = tokens;
        this.secureTokens = secureTokens;
        this.mailer = mailer;
        this.mails = mails;
        this.ids = ids;
        this.clock = clock;
        this.validity = validity;
        this.afterAnswer = afterAnswer;
    }

    Pending draw(EmailAddress email) {
        String token = secureTokens.newToken();
        return new Pending(token, AccountToken.emailVerification(ids.newId(), email, TokenHash.of(token), clock.now(),
                validity));
    }

    /** In the running unit of work. */
    void store(Pending pending) {
        tokens.add(pending.row());
    }

    /** After the answer, once the unit that stored it committed. */
    void mailAfterAnswer(Pending pending) {
        afterAnswer.execute(() -> mailer.send(mails.verification(pending.row().email(), pending.token(),
                pending.row().expiresAt())));
    }
}
