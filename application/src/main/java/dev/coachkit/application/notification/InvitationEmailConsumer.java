package dev.coachkit.application.notification;

import dev.coachkit.application.events.EventConsumer;
import dev.coachkit.application.notification.port.out.Mailer;
import dev.coachkit.application.events.EventEnvelope;

/** {@code member.invited}: e-mails the invitee the link that accepts the invitation. */
public final class InvitationEmailConsumer implements EventConsumer {

    private final Mailer mailer;
    private final String publicUrl;

    /** @param publicUrl where clients reach the API, e.g. {@code https://api.example.com} */
    public InvitationEmailConsumer(Mailer mailer, String publicUrl) {
        this.mailer = mailer;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    @Override
    public String name() {
        return "invitation-email";
    }

    @Override
    public boolean wants(String eventType) {
        return "member.invited".equals(eventType);
    }

    @Override
    public void consume(EventEnvelope event) {
        String link = publicUrl + "/invitations/" + event.payload().get("acceptToken") + "/accept";
        mailer.send(new Mailer.Email(String.valueOf(event.payload().get("email")),
                "You are invited to join CoachKit as " + event.payload().get("role"),
                "You have been invited to join an organization on CoachKit as "
                        + event.payload().get("role") + ".\n\nAccept the invitation (valid until "
                        + event.payload().get("expiresAt") + "):\n" + link + "\n"));
    }
}
