package dev.coachkit.application.notification;

import dev.coachkit.application.events.EventConsumer;
import dev.coachkit.application.notification.port.out.Mailer;
import dev.coachkit.application.notification.port.out.RecipientTimeZones;
import dev.coachkit.application.shared.AppUrl;
import dev.coachkit.domain.identity.IanaTimeZone;
import dev.coachkit.domain.identity.MemberInvited;

/**
 * {@code member.invited}: e-mails the invitee the link that accepts the invitation, valid until a time in
 * the invitee's zone when they already have an account (UTC otherwise), and the link that verifies the
 * address (for the account that accepts, or the invitee's existing one).
 */
public final class InvitationEmailConsumer implements EventConsumer<MemberInvited> {

    private final Mailer mailer;
    private final RecipientTimeZones timeZones;
    private final String publicUrl;
    private final AppUrl appUrl;

    /**
     * @param publicUrl where clients reach the API, e.g. {@code https://api.example.com}
     * @param appUrl where people open the verification link
     */
    public InvitationEmailConsumer(Mailer mailer, RecipientTimeZones timeZones, String publicUrl, AppUrl appUrl) {
        this.mailer = mailer;
        this.timeZones = timeZones;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.appUrl = appUrl;
    }

    @Override
    public String name() {
        return "invitation-email";
    }

    @Override
    public Class<MemberInvited> eventType() {
        return MemberInvited.class;
    }

    @Override
    public void consume(MemberInvited event) {
        String link = publicUrl + "/invitations/" + event.acceptToken() + "/accept";
        String until = LocalTimes.at(event.expiresAt(), timeZones.zoneOf(event.email()).orElse(IanaTimeZone.UTC));
        String verification = event.verifyToken().map(token -> "\nOnce you have joined, confirm that this address is"
                + " yours:\n" + appUrl.verifyEmailLink(token) + "\n").orElse("");
        mailer.send(new Mailer.Email(event.email().value(), "You are invited to join CoachKit as " + event.role(),
                "You have been invited to join an organization on CoachKit as " + event.role()
                        + ".\n\nAccept the invitation (valid until " + until + "):\n" + link + "\n"
                        + verification));
    }
}
