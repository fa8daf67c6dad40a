package dev.coachkit.application.events;

import static dev.coachkit.application.testing.EventEnvelopeBuilder.anEnvelope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.application.admin.AdminEventTypes;
import dev.coachkit.application.community.CommunityEventTypes;
import dev.coachkit.application.events.envelope.EventEnvelope;
import dev.coachkit.application.identity.IdentityEventTypes;
import dev.coachkit.application.media.MediaEventTypes;
import dev.coachkit.application.payments.PaymentsEventTypes;
import dev.coachkit.application.scheduling.SchedulingEventTypes;
import dev.coachkit.domain.admin.ExportRequested;
import dev.coachkit.domain.admin.MemberErased;
import dev.coachkit.domain.community.CommentCreated;
import dev.coachkit.domain.community.PostCreated;
import dev.coachkit.domain.community.PostDeleted;
import dev.coachkit.domain.community.PostType;
import dev.coachkit.domain.community.SpaceMemberAdded;
import dev.coachkit.domain.community.SpaceMemberRemoved;
import dev.coachkit.domain.community.SpaceRole;
import dev.coachkit.domain.identity.EmailAddress;
import dev.coachkit.domain.identity.MemberInvited;
import dev.coachkit.domain.media.AnnotationCreated;
import dev.coachkit.domain.media.MediaDeleted;
import dev.coachkit.domain.media.MediaProcessed;
import dev.coachkit.domain.media.MediaStatus;
import dev.coachkit.domain.media.MediaUploaded;
import dev.coachkit.domain.payments.Money;
import dev.coachkit.domain.payments.OrderFailed;
import dev.coachkit.domain.payments.OrderPaid;
import dev.coachkit.domain.payments.OrderRefunded;
import dev.coachkit.domain.payments.OrderStatus;
import dev.coachkit.domain.scheduling.SessionCancelled;
import dev.coachkit.domain.scheduling.SessionReminderDue;
import dev.coachkit.domain.scheduling.SessionScheduled;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.DomainEvent;
import dev.coachkit.domain.shared.Role;
import dev.coachkit.domain.shared.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The registry: every event record survives the outbox's form, version 1 rows stay readable, bad ones are named. */
class EventTypesTest {

    private static final TenantId TENANT = TenantId.of(UUID.fromString("7e000000-0000-4000-8000-000000000001"));
    private static final AccountId ANN = AccountId.of(UUID.fromString("a0000000-0000-4000-8000-000000000001"));
    private static final AccountId BOB = AccountId.of(UUID.fromString("a0000000-0000-4000-8000-000000000002"));
    private static final UUID ID = UUID.fromString("5b000000-0000-4000-8000-000000000001");
    private static final UUID OTHER = UUID.fromString("5b000000-0000-4000-8000-000000000002");
    private static final Instant AT = Instant.parse("2026-12-07T10:15:30.123456Z");
    private static final Instant LATER = AT.plus(Duration.ofHours(2));

    private static final List<EventType<?>> ALL = Stream.of(IdentityEventTypes.all(), CommunityEventTypes.all(),
            MediaEventTypes.all(), SchedulingEventTypes.all(), AdminEventTypes.all(), PaymentsEventTypes.all())
            .flatMap(List::stream).toList();
    private static final Money PRICE = Money.of(25_000, "EUR");

    private final EventTypes types = new EventTypes(ALL);

    static Stream<DomainEvent> everyEventType() {
        return Stream.of(
                new MemberInvited(TENANT, ID, new EmailAddress("bo@club.test"), Role.ATHLETE, ANN, LATER, "t0k3n",
                        Optional.of("v3r1fy"), AT),
                new PostCreated(TENANT, ID, OTHER, ANN, PostType.TEXT, Optional.of("Monday"), AT),
                new PostCreated(TENANT, ID, OTHER, ANN, PostType.MEDIA, Optional.empty(), AT),
                new PostDeleted(TENANT, ID, OTHER, ANN, BOB, AT),
                new CommentCreated(TENANT, ID, OTHER, OTHER, BOB, ANN, AT),
                new SpaceMemberAdded(TENANT, ID, BOB, SpaceRole.OWNER, ANN, AT),
                new SpaceMemberRemoved(TENANT, ID, BOB, ANN, AT),
                new MediaUploaded(TENANT, ID, "tenants/x/media/y", "video/mp4", 5_000_000_000L, AT),
                new MediaProcessed(TENANT, ID, MediaStatus.FAILED, Optional.of("not a video"), AT),
                new MediaProcessed(TENANT, ID, MediaStatus.READY, Optional.empty(), AT),
                new MediaDeleted(TENANT, ID, MediaStatus.PENDING_UPLOAD, 0, AT),
                new AnnotationCreated(TENANT, ID, OTHER, BOB, ANN, Set.of(ANN, BOB), Set.of(OTHER), 2_500, AT),
                new AnnotationCreated(TENANT, ID, OTHER, BOB, ANN, Set.of(), Set.of(), 0, AT),
                new SessionScheduled(TENANT, ID, ANN, BOB, AT, LATER, BOB, AT),
                new SessionCancelled(TENANT, ID, ANN, BOB, AT, LATER, ANN, Optional.of("ill"), AT),
                new SessionCancelled(TENANT, ID, ANN, BOB, AT, LATER, ANN, Optional.empty(), AT),
                new SessionReminderDue(TENANT, ID, ANN, BOB, AT, LATER, Duration.ofMinutes(90), AT),
                new MemberErased(TENANT, BOB, List.of(ID, OTHER), AT),
                new ExportRequested(TENANT, ID, Optional.of(BOB), AT),
                new ExportRequested(TENANT, ID, Optional.empty(), AT),
                new OrderPaid(TENANT, ID, OTHER, BOB, Optional.of(ANN), PRICE, 10, Optional.of(OTHER), AT),
                new OrderPaid(TENANT, ID, OTHER, BOB, Optional.empty(), PRICE, 1, Optional.empty(), AT),
                new OrderFailed(TENANT, ID, OTHER, BOB, Optional.of(ANN), PRICE, OrderStatus.EXPIRED, AT),
                new OrderRefunded(TENANT, ID, OTHER, BOB, Optional.of(ANN), PRICE, 3, Optional.of("pi_1"), true,
                        Optional.of("late"), AT),
                new OrderRefunded(TENANT, ID, OTHER, BOB, Optional.empty(), PRICE, 0, Optional.empty(), false,
                        Optional.empty(), AT));
    }

    /** Each type's payload exactly as version 1 (the release before typed events) wrote it. */
    static Stream<Arguments> versionOnePayloads() {
        String ann = ANN.toString();
        String bob = BOB.toString();
        String other = OTHER.toString();
        Map<String, Object> session = Map.of("coachId", ann, "athleteId", bob, "startsAt", AT.toString(),
                "endsAt", LATER.toString());
        return Stream.of(
                Arguments.of(new MemberInvited(TENANT, ID, new EmailAddress("bo@club.test"), Role.ATHLETE, ANN, LATER,
                        "t0k3n", Optional.empty(), AT), "invitation", Map.of("email", "bo@club.test", "role", "ATHLETE", "invitedBy", ann,
                        "expiresAt", LATER.toString(), "acceptToken", "t0k3n")),
                Arguments.of(new PostCreated(TENANT, ID, OTHER, ANN, PostType.TEXT, Optional.of("Monday"), AT), "post",
                        Map.of("spaceId", other, "authorId", ann, "type", "TEXT", "title", "Monday")),
                Arguments.of(new PostCreated(TENANT, ID, OTHER, ANN, PostType.MEDIA, Optional.empty(), AT), "post",
                        Map.of("spaceId", other, "authorId", ann, "type", "MEDIA")),
                Arguments.of(new PostDeleted(TENANT, ID, OTHER, ANN, BOB, AT), "post",
                        Map.of("spaceId", other, "authorId", ann, "deletedBy", bob)),
                Arguments.of(new CommentCreated(TENANT, ID, OTHER, OTHER, BOB, ANN, AT), "comment",
                        Map.of("postId", other, "spaceId", other, "authorId", bob, "postAuthorId", ann)),
                Arguments.of(new SpaceMemberAdded(TENANT, ID, BOB, SpaceRole.MEMBER, ANN, AT), "space",
                        Map.of("accountId", bob, "role", "MEMBER", "addedBy", ann)),
                Arguments.of(new SpaceMemberRemoved(TENANT, ID, BOB, ANN, AT), "space",
                        Map.of("accountId", bob, "removedBy", ann)),
                Arguments.of(new MediaUploaded(TENANT, ID, "k", "video/mp4", 7L, AT), "media",
                        Map.of("objectKey", "k", "contentType", "video/mp4", "sizeBytes", 7L)),
                Arguments.of(new MediaProcessed(TENANT, ID, MediaStatus.FAILED, Optional.of("bad"), AT), "media",
                        Map.of("status", "FAILED", "failureReason", "bad")),
                Arguments.of(new MediaProcessed(TENANT, ID, MediaStatus.READY, Optional.empty(), AT), "media",
                        Map.of("status", "READY")),
                Arguments.of(new MediaDeleted(TENANT, ID, MediaStatus.READY, 9L, AT), "media",
                        Map.of("status", "READY", "sizeBytes", 9L)),
                Arguments.of(new AnnotationCreated(TENANT, ID, OTHER, BOB, ANN, Set.of(ANN), Set.of(OTHER), 2_500, AT),
                        "annotation", Map.of("mediaId", other, "authorId", bob, "uploaderId", ann,
                                "postAuthorIds", List.of(ann), "spaceIds", List.of(other), "atMs", 2_500L)),
                Arguments.of(new SessionScheduled(TENANT, ID, ANN, BOB, AT, LATER, BOB, AT), "session",
                        with(session, "bookedBy", bob)),
                Arguments.of(new SessionCancelled(TENANT, ID, ANN, BOB, AT, LATER, ANN, Optional.of("ill"), AT),
                        "session", with(with(session, "cancelledBy", ann), "reason", "ill")),
                Arguments.of(new SessionCancelled(TENANT, ID, ANN, BOB, AT, LATER, ANN, Optional.empty(), AT),
                        "session", with(session, "cancelledBy", ann)),
                Arguments.of(new SessionReminderDue(TENANT, ID, ANN, BOB, AT, LATER, Duration.ofMinutes(90), AT),
                        "session", with(session, "offsetMinutes", 90L)),
                Arguments.of(new MemberErased(TENANT, BOB, List.of(ID, OTHER), AT), "account",
                        Map.of("mediaIds", List.of(ID.toString(), other))),
                Arguments.of(new ExportRequested(TENANT, ID, Optional.of(BOB), AT), "export",
                        Map.of("scope", "user", "userId", bob)),
                Arguments.of(new ExportRequested(TENANT, ID, Optional.empty(), AT), "export",
                        Map.of("scope", "tenant")),
                Arguments.of(new OrderPaid(TENANT, ID, OTHER, BOB, Optional.of(ANN), PRICE, 10, Optional.of(OTHER), AT),
                        "order", Map.of("productId", other, "buyerId", bob, "coachId", ann, "amountCents", 25_000L,
                                "currency", "EUR", "credits", 10, "sessionId", other)),
                Arguments.of(new OrderFailed(TENANT, ID, OTHER, BOB, Optional.empty(), PRICE, OrderStatus.FAILED, AT),
                        "order", Map.of("productId", other, "buyerId", bob, "amountCents", 25_000L, "currency", "EUR",
                                "status", "FAILED")),
                Arguments.of(new OrderRefunded(TENANT, ID, OTHER, BOB, Optional.of(ANN), PRICE, 3, Optional.of("pi_1"),
                        true, Optional.of("late"), AT), "order", Map.of("productId", other, "buyerId", bob,
                                "coachId", ann, "amountCents", 25_000L, "currency", "EUR", "creditsWithdrawn", 3,
                                "paymentReference", "pi_1", "refundAtProvider", true, "reason", "late")));
    }

    @ParameterizedTest
    @MethodSource("versionOnePayloads")
    void every_event_is_stored_as_version_one_wrote_it(DomainEvent event, String subjectType,
            Map<String, Object> payload) {
        EventEnvelope envelope = types.envelope(UUID.randomUUID(), event);

        assertThat(envelope.subjectType()).isEqualTo(subjectType);
        assertThat(envelope.payload()).isEqualTo(payload);
    }

    @Test
    void a_new_version_needs_its_own_writer_and_reader() {
        EventType<Renamed> forgotten = EventType.of(Renamed.class, "thing.renamed", "thing", Renamed::thingId)
                .writing(event -> Map.of()).reading((head, payload) -> null)
                .nextVersion(v1 -> v1);

        assertThatThrownBy(() -> new EventTypes(List.of(forgotten)))
                .hasMessage("event type thing.renamed needs both a writer and a reader");
    }

    private static Map<String, Object> with(Map<String, Object> payload, String key, Object value) {
        Map<String, Object> more = new HashMap<>(payload);
        more.put(key, value);
        return more;
    }

    @ParameterizedTest
    @MethodSource("everyEventType")
    void every_event_reads_back_as_the_record_it_was(DomainEvent event) {
        EventEnvelope envelope = types.envelope(UUID.randomUUID(), event);

        assertThat(envelope.version()).isEqualTo(1);
        assertThat(envelope.tenantId()).isEqualTo(TENANT);
        assertThat(envelope.occurredAt()).isEqualTo(AT);
        assertThat(types.event(throughJson(envelope))).contains(event);
    }

    @Test
    void every_registered_record_class_has_a_sample_above() {
        assertThat(everyEventType().map(Object::getClass).distinct().toList())
                .containsExactlyInAnyOrderElementsOf(ALL.stream().map(EventType::javaType).toList());
    }

    @Test
    void a_post_created_row_as_version_one_wrote_it_is_read() {
        EventEnvelope stored = anEnvelope().withPayload(Map.of("spaceId", OTHER.toString(),
                "authorId", ANN.toString(), "type", "MEDIA")).build();

        assertThat(types.event(stored)).contains(new PostCreated(stored.tenantId(), stored.subjectId(), OTHER, ANN,
                PostType.MEDIA, Optional.empty(), stored.occurredAt()));
    }

    @Test
    void a_session_reminder_row_as_version_one_wrote_it_is_read() {
        EventEnvelope stored = anEnvelope().ofType("session.reminder").withPayload(Map.of(
                "coachId", ANN.toString(), "athleteId", BOB.toString(), "startsAt", "2026-12-08T09:00:00Z",
                "endsAt", "2026-12-08T10:00:00Z", "offsetMinutes", 1440)).build();

        SessionReminderDue reminder = (SessionReminderDue) types.event(stored).orElseThrow();

        assertThat(reminder.offset()).isEqualTo(Duration.ofDays(1));
        assertThat(reminder.sessionId()).isEqualTo(stored.subjectId());
        assertThat(reminder.startsAt()).isEqualTo(Instant.parse("2026-12-08T09:00:00Z"));
    }

    @Test
    void an_export_of_the_whole_organization_keeps_version_ones_scope() {
        EventEnvelope envelope = types.envelope(ID, new ExportRequested(TENANT, OTHER, Optional.empty(), AT));

        assertThat(envelope.payload()).isEqualTo(Map.of("scope", "tenant"));
    }

    @Test
    void a_type_nobody_here_knows_has_nothing_to_read() {
        assertThat(types.event(anEnvelope().ofType("payment.settled").build())).isEmpty();
    }

    @Test
    void a_payload_missing_a_value_names_the_type_and_the_key() {
        EventEnvelope broken = anEnvelope().withPayload(Map.of("spaceId", OTHER.toString(), "type", "TEXT")).build();

        assertThatThrownBy(() -> types.event(broken)).isInstanceOf(MalformedEventException.class)
                .hasMessage("post.created payload: authorId must be a string");
    }

    @Test
    void a_version_newer_than_this_core_reads_is_refused_not_guessed() {
        EventEnvelope fromTheFuture = new EventEnvelope(ID, "post.created", 2, TENANT, "post", OTHER, AT, Map.of());

        assertThatThrownBy(() -> types.event(fromTheFuture)).isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("version 2 was written by a newer CoachKit");
    }

    /** A test event whose second version renamed a key: version 1 rows are upgraded before they are read. */
    record Renamed(TenantId tenantId, UUID thingId, String label, Instant occurredAt) implements DomainEvent {}

    @Test
    void payloads_of_older_versions_are_upgraded_step_by_step() {
        EventType<Renamed> v2 = EventType.of(Renamed.class, "thing.renamed", "thing", Renamed::thingId)
                .nextVersion(v1 -> {
                    Map<String, Object> next = new HashMap<>(v1);
                    next.put("label", next.remove("name"));
                    return next;
                })
                .writing(event -> EventPayload.builder().put("label", event.label()).build())
                .reading((head, payload) -> new Renamed(head.tenantId(), head.subjectId(), payload.string("label"),
                        head.occurredAt()));
        EventTypes registry = new EventTypes(List.of(v2));
        EventEnvelope v1Row = new EventEnvelope(ID, "thing.renamed", 1, TENANT, "thing", OTHER, AT,
                Map.of("name", "old"));

        assertThat(registry.event(v1Row)).contains(new Renamed(TENANT, OTHER, "old", AT));
        assertThat(registry.envelope(ID, new Renamed(TENANT, OTHER, "new", AT)).version()).isEqualTo(2);
    }

    @Test
    void two_types_with_one_name_are_refused() {
        EventType<Renamed> once = EventType.of(Renamed.class, "post.created", "post", Renamed::thingId)
                .writing(event -> Map.of()).reading((head, payload) -> null);

        assertThatThrownBy(() -> new EventTypes(List.of(CommunityEventTypes.all().get(0), once)))
                .hasMessage("two event types are named post.created");
    }

    @Test
    void recording_an_unregistered_record_fails_loudly() {
        assertThatThrownBy(() -> types.envelope(ID, new Renamed(TENANT, OTHER, "x", AT)))
                .hasMessageContaining("is not a registered event type");
    }

    /** What an adapter's JSON does to values: numbers come back as the narrowest integer type. */
    private static EventEnvelope throughJson(EventEnvelope envelope) {
        Map<String, Object> payload = new HashMap<>();
        envelope.payload().forEach((key, value) -> payload.put(key, value instanceof Long number
                && number == number.intValue() ? (Object) number.intValue() : value));
        return new EventEnvelope(envelope.id(), envelope.type(), envelope.version(), envelope.tenantId(),
                envelope.subjectType(), envelope.subjectId(), envelope.occurredAt(), payload);
    }
}
