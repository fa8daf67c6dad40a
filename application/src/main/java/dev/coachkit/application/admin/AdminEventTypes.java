package dev.coachkit.application.admin;

import dev.coachkit.application.events.EventPayload;
import dev.coachkit.application.events.EventType;
import dev.coachkit.domain.admin.ExportRequested;
import dev.coachkit.domain.admin.MemberErased;
import dev.coachkit.domain.shared.AccountId;
import java.util.List;

/** How the admin context's events are stored: names, subjects and payload keys as version 1 wrote them. */
public final class AdminEventTypes {

    private AdminEventTypes() {}

    public static List<EventType<?>> all() {
        return List.of(MEMBER_ERASED, EXPORT_REQUESTED);
    }

    static List<EventType<?>> erasure() {
        return List.of(MEMBER_ERASED);
    }

    static List<EventType<?>> exports() {
        return List.of(EXPORT_REQUESTED);
    }

    static final EventType<MemberErased> MEMBER_ERASED =
            EventType.of(MemberErased.class, "user.erased", "account", event -> event.accountId().value())
                    .writing(event -> EventPayload.builder().put("mediaIds", event.mediaIds()).build())
                    .reading((head, payload) -> new MemberErased(head.tenantId(),
                            AccountId.of(head.subjectId()), payload.uuids("mediaIds"),
                            head.occurredAt()));

    /** Version 1 names the scope ({@code user} or {@code tenant}) beside the member's id. */
    static final EventType<ExportRequested> EXPORT_REQUESTED =
            EventType.of(ExportRequested.class, "export.requested", "export", ExportRequested::exportId)
                    .writing(event -> EventPayload.builder()
                            .put("scope", event.member().isPresent() ? "user" : "tenant")
                            .put("userId", event.member()).build())
                    .reading((head, payload) -> new ExportRequested(head.tenantId(), head.subjectId(),
                            payload.optionalAccount("userId"), head.occurredAt()));
}
