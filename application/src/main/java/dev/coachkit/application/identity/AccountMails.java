package dev.coachkit.application.identity;

import dev.coachkit.application.notification.port.out.Mailer;
import dev.coachkit.application.shared.AppUrl;
import dev.coachkit.domain.identity.EmailAddress;
import java.time.Instant;

/**
 * The e-mails that carry an account's single-use links. Each link is {@code <appUrl><path>?token=<token>}: the
 * web app reads the token and calls the API, so a mail client's link preview (a GET) uses nothing up.
 */
final class AccountMails {

    private final AppUrl appUrl;

    AccountMails(AppUrl appUrl) {
        this.appUrl = appUrl;
    }

    Mailer.Email passwordReset(EmailAddress to, String token, Instant expiresAt) {
        return new Mailer.Email(to.value(), "Reset your CoachKit password",
                "Someone asked to reset the password of the CoachKit account of this address.\n\n"
                        + "Choose a new password (the link works once, until " + expiresAt + "):\n"
                        + appUrl.resetPasswordLink(token) + "\n\n"
                        + "If it was not you, ignore this e-mail: your password stays as it is.\n");
    }

    Mailer.Email verification(EmailAddress to, String token, Instant expiresAt) {
        return new Mailer.Email(to.value(), "Confirm your e-mail address for CoachKit",
                "Welcome to CoachKit.\n\nConfirm that this address is yours (the link works until " + expiresAt
                        + "):\n" + appUrl.verifyEmailLink(token) + "\n");
    }
}
