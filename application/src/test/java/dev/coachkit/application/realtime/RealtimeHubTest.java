package dev.coachkit.application.realtime;

import static dev.coachkit.application.testing.CommunityBuilders.aSpace;
import static dev.coachkit.application.testing.EventEnvelopeBuilder.anEnvelope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.application.community.port.out.SpaceRepository;
import dev.coachkit.application.events.envelope.EventEnvelope;
import dev.coachkit.application.identity.port.in.AuthenticateUseCase;
import dev.coachkit.application.identity.port.in.AuthenticateUseCase.Caller;
import dev.coachkit.application.memory.InMemoryEventOutbox;
import dev.coachkit.application.memory.InMemoryMedia;
import dev.coachkit.application.memory.InMemoryRealtimeTickets;
import dev.coachkit.application.memory.InMemorySpaceMembers;
import dev.coachkit.application.memory.InMemorySpaces;
import dev.coachkit.application.memory.InMemoryUnitOfWork;
import dev.coachkit.application.realtime.port.in.IssueRealtimeTicketUseCase;
import dev.coachkit.application.realtime.port.in.OpenRealtimeStreamUseCase.Command;
import dev.coachkit.application.realtime.port.in.OpenRealtimeStreamUseCase.Credential;
import dev.coachkit.application.realtime.port.in.OpenRealtimeStreamUseCase.Ending;
import dev.coachkit.application.realtime.port.in.OpenRealtimeStreamUseCase.Stream;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.domain.community.Space;
import dev.coachkit.domain.community.SpaceMember;
import dev.coachkit.domain.community.SpaceRole;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.Actor;
import dev.coachkit.domain.shared.AuthenticationException;
import dev.coachkit.domain.shared.Role;
import dev.coachkit.domain.shared.TenantId;
import dev.coachkit.domain.shared.TooManyRequestsException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The streams of one process on the in-memory adapters: who gets which event, resume, limits and endings. */
class RealtimeHubTest {

    private static final Duration FAST = Duration.ofMillis(100);

    private final InMemoryUnitOfWork unitOfWork = new InMemoryUnitOfWork();
    private final InMemoryEventOutbox outbox = new InMemoryEventOutbox(unitOfWork);
    private final InMemorySpaceMembers spaceMembers = new InMemorySpaceMembers(unitOfWork);
    private final InMemorySpaces spaces = new InMemorySpaces(unitOfWork, spaceMembers);
    private final InMemoryRealtimeTickets tickets = new InMemoryRealtimeTickets();
    private final Map<String, Caller> tokens = new ConcurrentHashMap<>();
    private volatile boolean storesAway;
    private final AuthenticateUseCase authenticate = token -> {
        if (storesAway) {
            throw new IllegalStateException("the membership store does not answer");
        }
        return Optional.ofNullable(tokens.get(token))
                .orElseThrow(() -> new AuthenticationException("The access token is invalid or has expired."));
    };
    private final RealtimeHub hub = new RealtimeHub(outbox, tickets, authenticate, unitOfWork,
            new StreamAudience(unitOfWork, spaces, spaceMembers, new InMemoryMedia(unitOfWork), Clock.system(), FAST),
            Clock.system(), RealtimeSettings.defaults().withLimits(2, 5).withRhythm(FAST, FAST));
    private final List<Stream> streams = new ArrayList<>();

    private final TenantId club = TenantId.of(UUID.randomUUID());
    private final TenantId otherClub = TenantId.of(UUID.randomUUID());
    private final Actor coach = member(club, Role.COACH);
    private final Actor athlete = member(club, Role.ATHLETE);
    private final Actor outsider = member(otherClub, Role.COACH);
    private final Space crew = space(coach, true);

    @AfterEach
    void stopHub() {
        streams.forEach(Stream::close);
        hub.stop();
    }

    private static Actor member(TenantId tenant, Role role) {
        return new Actor(tenant, AccountId.of(UUID.randomUUID()), role);
    }

    /** A token of the actor that is valid for {@code lifetime}. */
    private String token(Actor actor, Duration lifetime) {
        String token = "token-" + UUID.randomUUID();
        tokens.put(token, new Caller(actor, UUID.randomUUID().toString(), UUID.randomUUID(), Instant.now().plus(lifetime)));
        return token;
    }

    private String token(Actor actor) {
        return token(actor, Duration.ofMinutes(15));
    }

    private Space space(Actor owner, boolean isPrivate) {
        var builder = aSpace(owner.tenantId(), owner.accountId());
        Space space = (isPrivate ? builder.privateSpace() : builder).build();
        unitOfWork.runInTenant(owner.tenantId(), () -> {
            spaces.add(space);
            spaceMembers.add(new SpaceMember(owner.tenantId(), space.id(), owner.accountId(), SpaceRole.OWNER, Instant.now()));
        });
        return space;
    }

    private void join(Space space, Actor member) {
        unitOfWork.runInTenant(space.tenantId(), () -> spaceMembers.add(
                new SpaceMember(space.tenantId(), space.id(), member.accountId(), SpaceRole.MEMBER, Instant.now())));
    }

    private RecordingSink subscribe(String token, Optional<String> lastEventId) {
        RecordingSink sink = RecordingSink.keepingUp();
        streams.add(hub.open(new Command(new Credential.Bearer(token), lastEventId, sink)));
        return sink;
    }

    /** Subscribes and waits until the stream is live (a ping proves the delivery thread took it). */
    private RecordingSink live(Actor actor) {
        return subscribe(token(actor), Optional.empty()).awaitLines(lines -> lines.contains("ping"), "a first ping");
    }

    private EventEnvelope post(Space space) {
        EventEnvelope event = anEnvelope().inTenant(space.tenantId()).withPayload(Map.of("spaceId",
                space.id().toString(), "authorId", space.ownerId().toString(), "type", "TEXT", "title", "Drills"))
                .build();
        unitOfWork.runInTenant(space.tenantId(), () -> outbox.record(event));
        return event;
    }

    private void record(TenantId tenant, EventEnvelope event) {
        unitOfWork.runInTenant(tenant, () -> outbox.record(event));
    }

    private static List<String> subjectIds(RecordingSink sink) {
        return sink.events().stream().map(sent -> (String) sent.data().get("postId")).toList();
    }

    @Test
    void a_member_receives_the_events_of_its_space_in_commit_order_with_their_data() {
        join(crew, athlete);
        RecordingSink stream = live(athlete);

        EventEnvelope first = post(crew);
        EventEnvelope second = post(crew);

        stream.awaitEvents(2);
        assertThat(subjectIds(stream)).containsExactly(first.subjectId().toString(), second.subjectId().toString());
        assertThat(stream.events().get(0).type()).isEqualTo("post.created");
        assertThat(stream.events().get(0).data()).containsEntry("spaceId", crew.id().toString())
                .containsEntry("title", "Drills").containsKey("occurredAt");
    }

    @Test
    void an_event_whose_audience_the_store_could_not_tell_is_retried_not_skipped() {
        AtomicInteger failuresLeft = new AtomicInteger();
        SpaceRepository flakySpaces = (SpaceRepository) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {SpaceRepository.class}, (proxy, method, args) -> {
                    if (failuresLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                        throw new IllegalStateException("the space store does not answer");
                    }
                    try {
                        return method.invoke(spaces, args);
                    } catch (InvocationTargetException thrown) {
                        throw thrown.getCause();
                    }
                });
        RealtimeHub flakyHub = new RealtimeHub(outbox, tickets, authenticate, unitOfWork,
                new StreamAudience(unitOfWork, flakySpaces, spaceMembers, new InMemoryMedia(unitOfWork), Clock.system(),
                        Duration.ZERO), Clock.system(), RealtimeSettings.defaults().withRhythm(FAST, FAST));
        try {
            join(crew, athlete);
            RecordingSink stream = RecordingSink.keepingUp();
            streams.add(flakyHub.open(new Command(new Credential.Bearer(token(athlete)), Optional.empty(), stream)));
            stream.awaitLines(lines -> lines.contains("ping"), "a first ping");

            failuresLeft.set(1);
            EventEnvelope first = post(crew);
            EventEnvelope second = post(crew);

            stream.awaitEvents(2);
            assertThat(failuresLeft).hasValue(0);
            assertThat(subjectIds(stream)).containsExactly(first.subjectId().toString(), second.subjectId().toString());
        } finally {
            flakyHub.stop();
        }
    }

    @Test
    void nobody_receives_a_private_space_they_are_not_in_nor_anything_of_another_tenant() {
        Space open = space(coach, false);
        RecordingSink athleteStream = live(athlete);
        RecordingSink outsiderStream = live(outsider);

        post(crew);
        EventEnvelope visible = post(open);
        Space theirs = space(outsider, false);
        record(otherClub, anEnvelope().inTenant(otherClub).withPayload(Map.of("spaceId", crew.id().toString(),
                "authorId", outsider.accountId().toString(), "type", "TEXT", "title", "Forged space")).build());
        EventEnvelope own = post(theirs);

        athleteStream.awaitEvents(1);
        outsiderStream.awaitEvents(1);
        assertThat(subjectIds(athleteStream)).containsExactly(visible.subjectId().toString());
        assertThat(subjectIds(outsiderStream)).containsExactly(own.subjectId().toString());
    }

    @Test
    void session_and_notification_events_reach_only_the_accounts_they_name() {
        RecordingSink coachStream = live(coach);
        RecordingSink athleteStream = live(athlete);
        Actor bystander = member(club, Role.ATHLETE);
        RecordingSink bystanderStream = live(bystander);

        record(club, anEnvelope().inTenant(club).ofType("session.scheduled").withPayload(Map.of(
                "coachId", coach.accountId().toString(), "athleteId", athlete.accountId().toString(),
                "startsAt", "2026-12-08T09:00:00Z", "endsAt", "2026-12-08T10:00:00Z",
                "bookedBy", athlete.accountId().toString())).build());
        record(club, anEnvelope().inTenant(club).ofType("notification.created").withPayload(Map.of(
                "recipientId", athlete.accountId().toString(), "type", "comment.created")).build());
        record(club, anEnvelope().inTenant(club).ofType("member.invited").withPayload(Map.of()).build());
        post(space(coach, false)); // a last event everyone can read: once it arrived, the others were decided

        coachStream.awaitEvents(2);
        athleteStream.awaitEvents(3);
        bystanderStream.awaitEvents(1);
        assertThat(coachStream.events()).extracting(RecordingSink.Sent::type)
                .containsExactly("session.scheduled", "post.created");
        assertThat(athleteStream.events()).extracting(RecordingSink.Sent::type)
                .containsExactly("session.scheduled", "notification.created", "post.created");
        assertThat(bystanderStream.events()).extracting(RecordingSink.Sent::type).containsExactly("post.created");
    }

    @Test
    void a_paid_order_reaches_its_buyer_and_the_packs_coach_only() {
        RecordingSink coachStream = live(coach);
        RecordingSink athleteStream = live(athlete);
        RecordingSink bystanderStream = live(member(club, Role.ATHLETE));

        record(club, anEnvelope().inTenant(club).ofType("order.paid").withPayload(Map.of(
                "productId", "5b000000-0000-4000-8000-000000000002", "buyerId", athlete.accountId().toString(),
                "coachId", coach.accountId().toString(), "amountCents", 10_000L, "currency", "EUR", "credits", 5))
                .build());
        post(space(coach, false)); // a last event everyone can read: once it arrived, the others were decided

        coachStream.awaitEvents(2);
        athleteStream.awaitEvents(2);
        bystanderStream.awaitEvents(1);
        assertThat(coachStream.events()).extracting(RecordingSink.Sent::type).containsExactly("order.paid",
                "post.created");
        assertThat(athleteStream.events()).extracting(RecordingSink.Sent::type).containsExactly("order.paid",
                "post.created");
        assertThat(bystanderStream.events()).extracting(RecordingSink.Sent::type).containsExactly("post.created");
    }

    @Test
    void resuming_replays_every_event_after_the_last_one_seen_in_order_and_none_twice() {
        join(crew, athlete);
        RecordingSink first = live(athlete);
        post(crew);
        String lastSeen = first.awaitEvents(1).events().get(0).id();
        EventEnvelope missedOne = post(crew);
        EventEnvelope missedTwo = post(crew);
        first.awaitEvents(3);

        RecordingSink resumed = subscribe(token(athlete), Optional.of(lastSeen));
        EventEnvelope live = post(crew);

        resumed.awaitEvents(3);
        assertThat(subjectIds(resumed)).containsExactly(missedOne.subjectId().toString(),
                missedTwo.subjectId().toString(), live.subjectId().toString());
        assertThat(resumed.lines()).doesNotContain("reset");
    }

    @Test
    void an_id_that_is_no_longer_retained_or_malformed_gets_one_reset_then_live_events() {
        join(crew, athlete);
        RecordingSink unknown = subscribe(token(athlete), Optional.of("999999-1"));
        RecordingSink malformed = subscribe(token(athlete), Optional.of("not-an-id"));
        unknown.awaitLines(lines -> lines.contains("reset"), "a reset");
        malformed.awaitLines(lines -> lines.contains("reset"), "a reset");

        EventEnvelope next = post(crew);

        assertThat(subjectIds(unknown.awaitEvents(1))).containsExactly(next.subjectId().toString());
        assertThat(unknown.lines()).filteredOn("reset"::equals).hasSize(1);
        assertThat(subjectIds(malformed.awaitEvents(1))).containsExactly(next.subjectId().toString());
    }

    @Test
    void removal_from_a_space_stops_its_events_within_the_freshness_of_an_answer() throws InterruptedException {
        join(crew, athlete);
        RecordingSink stream = live(athlete);
        post(crew);
        stream.awaitEvents(1);

        unitOfWork.runInTenant(club, () -> spaceMembers.remove(crew.id(), athlete.accountId()));
        Thread.sleep(FAST.multipliedBy(3).toMillis());
        post(crew);
        EventEnvelope stillVisible = post(space(coach, false));

        stream.awaitEvents(2);
        assertThat(subjectIds(stream).get(1)).isEqualTo(stillVisible.subjectId().toString());
    }

    @Test
    void a_stream_ends_when_its_token_is_revoked_or_expires() {
        String revokedToken = token(athlete);
        RecordingSink revoked = subscribe(revokedToken, Optional.empty());
        RecordingSink expiring = subscribe(token(coach, Duration.ofMillis(300)), Optional.empty());

        tokens.remove(revokedToken);

        revoked.awaitEnd(Ending.REVOKED);
        expiring.awaitEnd(Ending.TOKEN_EXPIRED);
    }

    @Test
    void a_token_that_cannot_be_rechecked_keeps_its_stream() {
        join(crew, athlete);
        RecordingSink stream = live(athlete);
        storesAway = true;
        stream.awaitLines(lines -> lines.stream().filter("ping"::equals).count() >= 3, "pings while the stores were away");

        storesAway = false;
        EventEnvelope event = post(crew);

        assertThat(subjectIds(stream.awaitEvents(1))).containsExactly(event.subjectId().toString());
        assertThat(stream.lines()).noneMatch(line -> line.startsWith("end"));
    }

    @Test
    void an_account_holds_at_most_its_limit_of_streams_and_a_closed_one_frees_its_place() {
        subscribe(token(athlete), Optional.empty());
        subscribe(token(athlete), Optional.empty());

        assertThatThrownBy(() -> subscribe(token(athlete), Optional.empty()))
                .isInstanceOf(TooManyRequestsException.class).hasMessageContaining("2 streams");
        streams.remove(0).close();
        subscribe(token(athlete), Optional.empty());
    }

    @Test
    void the_process_holds_at_most_its_limit_of_streams() {
        for (int i = 0; i < 5; i++) {
            subscribe(token(member(club, Role.ATHLETE)), Optional.empty());
        }

        assertThatThrownBy(() -> subscribe(token(coach), Optional.empty()))
                .isInstanceOf(TooManyRequestsException.class).hasMessageContaining("as many streams");
    }

    @Test
    void a_client_that_does_not_keep_up_is_disconnected_and_the_others_still_get_the_event() {
        join(crew, athlete);
        RecordingSink slow = RecordingSink.neverReading();
        streams.add(hub.open(new Command(new Credential.Bearer(token(athlete)), Optional.empty(), slow)));
        RecordingSink fast = live(coach);

        EventEnvelope event = post(crew);

        slow.awaitEnd(Ending.TOO_SLOW);
        assertThat(subjectIds(fast.awaitEvents(1))).containsExactly(event.subjectId().toString());
    }

    @Test
    void a_ticket_opens_one_stream_as_its_caller_once() {
        String accessToken = token(athlete);
        IssueRealtimeTicketUseCase.Ticket ticket = new IssueRealtimeTicketService(tickets,
                () -> "ticket-" + UUID.randomUUID(), Clock.system()).issue(new IssueRealtimeTicketUseCase.Command(accessToken));
        join(crew, athlete);

        RecordingSink stream = RecordingSink.keepingUp();
        streams.add(hub.open(new Command(new Credential.Ticket(ticket.ticket()), Optional.empty(), stream)));
        stream.awaitLines(lines -> lines.contains("ping"), "a first ping");
        post(crew);

        stream.awaitEvents(1);
        assertThat(ticket.expiresAt()).isBetween(Instant.now().plusSeconds(50), Instant.now().plusSeconds(61));
        assertThatThrownBy(() -> hub.open(new Command(new Credential.Ticket(ticket.ticket()), Optional.empty(),
                RecordingSink.keepingUp()))).isInstanceOf(AuthenticationException.class);
    }

    @Test
    void stopping_ends_every_stream_with_the_shutdown_notice_and_refuses_new_ones() {
        RecordingSink stream = live(athlete);

        hub.stop();

        assertThat(stream.lines()).endsWith("end " + Ending.SHUTDOWN);
        assertThatThrownBy(() -> subscribe(token(coach), Optional.empty())).isInstanceOf(TooManyRequestsException.class);
    }

    @Test
    void an_annotation_reaches_the_readers_of_the_media_the_uploader_and_the_members_of_its_spaces() {
        Space squad = space(coach, true);
        join(squad, athlete);
        Actor uploader = member(club, Role.ATHLETE);
        Actor bystander = member(club, Role.ATHLETE);
        RecordingSink athleteStream = live(athlete);
        RecordingSink uploaderStream = live(uploader);
        RecordingSink bystanderStream = live(bystander);

        EventEnvelope annotated = anEnvelope().inTenant(club).ofType("annotation.created").withPayload(Map.of(
                "mediaId", UUID.randomUUID().toString(), "authorId", coach.accountId().toString(),
                "uploaderId", uploader.accountId().toString(), "postAuthorIds", List.of(),
                "spaceIds", List.of(squad.id().toString()), "atMs", 2_500L)).build();
        record(club, annotated);
        EventEnvelope marker = post(space(coach, false));

        for (RecordingSink stream : List.of(athleteStream, uploaderStream)) {
            assertThat(stream.awaitEvents(2).events()).extracting(RecordingSink.Sent::type)
                    .containsExactly("annotation.created", "post.created");
            assertThat(stream.events().get(0).data()).containsEntry("uploaderId", uploader.accountId().toString())
                    .containsEntry("atMs", 2_500L)
                    .as("which spaces carry the media, and who posted it there, decide the audience only")
                    .doesNotContainKeys("spaceIds", "postAuthorIds");
        }
        assertThat(bystanderStream.awaitEvents(1).events()).extracting(RecordingSink.Sent::type)
                .containsExactly("post.created");
        assertThat(bystanderStream.events().get(0).data()).containsEntry("postId", marker.subjectId().toString());
    }

    @Test
    void an_event_type_off_the_stream_reaches_nobody() {
        assertThat(StreamTypes.of(new dev.coachkit.application.realtime.port.out.FeedEvent(
                new dev.coachkit.application.realtime.port.out.FeedPosition(1, 1),
                anEnvelope().ofType("member.invited").withPayload(Map.of()).build()))).isEmpty();
        assertThat(Set.of("media.ready", "media.failed")).allSatisfy(type -> assertThat(StreamTypes.of(
                new dev.coachkit.application.realtime.port.out.FeedEvent(
                        new dev.coachkit.application.realtime.port.out.FeedPosition(1, 1),
                        anEnvelope().ofType("media.processed").withPayload(Map.of("status",
                                type.equals("media.ready") ? "READY" : "FAILED")).build())))
                .map(StreamEvent::type).contains(type));
    }
}
