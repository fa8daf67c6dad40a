package dev.coachkit.application.identity;

import dev.coachkit.application.events.EventPayload;
import dev.coachkit.application.events.EventType;
import dev.coachkit.domain.identity.EmailAddress;
import dev.coachkit.domain.identity.MemberInvited;
import dev.coachkit.domain.shared.Role;
import java.util.List;

/** How identity's events are stored: names, subjects and payload keys as version 1 wrote them. */
public final class IdentityEventTypes {

    private IdentityEventTypes() {}

    public static List<EventType<?>> all() {
        return List.of(MEMBER_INVITED);
    }

    static final EventType<MemberInvited> MEMBER_INVITED =
            EventType.of(MemberInvited.class, "member.invited", "invitation", MemberInvited::invitationId)
                    .writing(event -> EventPayload.builder().put("email", event.email().value())
                            .put("role", event.role()).put("invitedBy", event.invitedBy())
                            .put("expiresAt", event.expiresAt()).put("acceptToken", event.acceptToken())
                            .put("verifyToken", event.verifyToken()).build())
                    .reading((head, payload) -> new MemberInvited(head.tenantId(), head.subjectId(),
                            new EmailAddress(payload.string("email")), payload.constant("role", Role.class),
                            payload.account("invitedBy"), payload.instant("expiresAt"), payload.string("acceptToken"),
                            payload.optionalString("verifyToken"), head.occurredAt()));
}
