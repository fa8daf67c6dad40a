package dev.coachkit.application.events;

import static dev.coachkit.application.testing.EventEnvelopeBuilder.anEnvelope;
import static dev.coachkit.application.testing.TestTenants.ACME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.application.CoachKit;
import dev.coachkit.application.community.CommunityEventTypes;
import dev.coachkit.application.events.envelope.EventEnvelope;
import dev.coachkit.application.events.port.out.EventPublisher;
import dev.coachkit.application.identity.port.in.InviteMemberUseCase;
import dev.coachkit.application.identity.port.in.RegisterAccountUseCase;
import dev.coachkit.application.memory.InMemoryEventOutbox;
import dev.coachkit.application.memory.InMemoryMailer;
import dev.coachkit.application.memory.InMemoryProcessedEvents;
import dev.coachkit.application.memory.InMemoryUnitOfWork;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.domain.community.PostCreated;
import dev.coachkit.domain.shared.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Outbox to consumer: at-least-once publishing, exactly-once effects, backoff and dead letters. */
class EventBackboneTest {

    private final InMemoryUnitOfWork unitOfWork = new InMemoryUnitOfWork();
    private final InMemoryEventOutbox outbox = new InMemoryEventOutbox(unitOfWork);
    private final List<EventEnvelope> parked = new CopyOnWriteArrayList<>();

    /** A consumer that counts its effects per post (each envelope of the builder is about another post). */
    private static final class CountingConsumer implements EventConsumer<PostCreated> {
        final Map<UUID, Integer> effects = new HashMap<>();
        private final String name;
        private final boolean failing;

        CountingConsumer(String name, boolean failing) {
            this.name = name;
            this.failing = failing;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Class<PostCreated> eventType() {
            return PostCreated.class;
        }

        @Override
        public synchronized void consume(PostCreated event) {
            if (failing) {
                throw new IllegalStateException(name + " is down");
            }
            effects.merge(event.postId(), 1, Integer::sum);
        }
    }

    private EventDispatcher dispatcher(CountingConsumer... consumers) {
        return new EventDispatcher(unitOfWork, new InMemoryProcessedEvents(unitOfWork, Clock.system()),
                new EventTypes(CommunityEventTypes.all()), List.of(consumers));
    }

    private OutboxRelay relay(EventPublisher publisher, RetryPolicy retries) {
        return new OutboxRelay(outbox, publisher, retries, Clock.system(), (event, attempts, error) -> parked.add(event));
    }

    private EventEnvelope recorded() {
        EventEnvelope event = anEnvelope().build();
        unitOfWork.runInTenant(ACME, () -> outbox.record(event));
        return event;
    }

    @Test
    void a_redelivered_event_changes_nothing() {
        CountingConsumer consumer = new CountingConsumer("counter", false);
        EventDispatcher dispatcher = dispatcher(consumer);
        EventEnvelope event = anEnvelope().build();

        dispatcher.handle(event);
        dispatcher.handle(event);

        assertThat(consumer.effects).containsEntry(event.subjectId(), 1);
    }

    @Test
    void a_failing_consumer_does_not_undo_the_others_and_only_it_runs_again() {
        CountingConsumer healthy = new CountingConsumer("healthy", false);
        CountingConsumer broken = new CountingConsumer("broken", true);
        EventDispatcher dispatcher = dispatcher(healthy, broken);
        EventEnvelope event = anEnvelope().build();

        assertThatThrownBy(() -> dispatcher.handle(event)).hasMessageContaining("1 consumer(s) failed");
        assertThatThrownBy(() -> dispatcher.handle(event)).isInstanceOf(IllegalStateException.class);

        assertThat(healthy.effects).containsEntry(event.subjectId(), 1);
    }

    @Test
    void relayed_events_reach_consumers_once_and_leave_the_outbox() {
        CountingConsumer consumer = new CountingConsumer("counter", false);
        EventDispatcher dispatcher = dispatcher(consumer);
        EventEnvelope first = recorded();
        EventEnvelope second = recorded();

        int relayed = relay(events -> dispatchAll(dispatcher, events), RetryPolicy.defaults()).relayAllDue();

        assertThat(relayed).isEqualTo(2);
        assertThat(consumer.effects).containsEntry(first.subjectId(), 1).containsEntry(second.subjectId(), 1);
        assertThat(outbox.unpublished(ACME)).isEmpty();
        assertThat(outbox.stats().pending()).isZero();
    }

    @Test
    void a_relay_that_crashed_after_publishing_republishes_and_effects_still_happen_once() {
        CountingConsumer consumer = new CountingConsumer("counter", false);
        EventDispatcher dispatcher = dispatcher(consumer);
        EventEnvelope event = recorded();
        AtomicInteger calls = new AtomicInteger();
        EventPublisher sendsThenCrashes = events -> {
            dispatchAll(dispatcher, events);
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("crashed before marking the batch published");
            }
            return EventPublisher.PublishResult.allPublished();
        };
        RetryPolicy immediateRetry = new RetryPolicy(5, Duration.ofNanos(1), Duration.ofNanos(1));

        relay(sendsThenCrashes, immediateRetry).relayAllDue();
        relay(sendsThenCrashes, immediateRetry).relayAllDue();

        assertThat(calls).hasValue(2);
        assertThat(consumer.effects).containsEntry(event.subjectId(), 1);
        assertThat(outbox.stats().pending()).isZero();
    }

    @Test
    void failures_back_off_and_an_event_failing_too_often_is_parked_as_dead() {
        EventEnvelope event = recorded();
        EventPublisher down = events -> {
            throw new IllegalStateException("queue unreachable");
        };
        RetryPolicy twoAttempts = new RetryPolicy(2, Duration.ofNanos(1), Duration.ofNanos(1));

        relay(down, twoAttempts).relayBatch();
        assertThat(outbox.stats().pending()).as("retried, not parked yet").isEqualTo(1);
        relay(down, twoAttempts).relayBatch();

        assertThat(outbox.stats().dead()).isEqualTo(1);
        assertThat(outbox.stats().pending()).isZero();
        assertThat(parked).containsExactly(event);
        assertThat(relay(down, twoAttempts).relayBatch()).as("dead events are not claimed").isZero();
    }

    @Test
    void backoff_doubles_per_attempt_up_to_the_cap() {
        RetryPolicy policy = new RetryPolicy(10, Duration.ofSeconds(1), Duration.ofSeconds(10));
        Instant now = Instant.parse("2026-11-25T10:00:00Z");

        assertThat(policy.nextAttempt(1, now)).isEqualTo(now.plusSeconds(1));
        assertThat(policy.nextAttempt(3, now)).isEqualTo(now.plusSeconds(4));
        assertThat(policy.nextAttempt(9, now)).isEqualTo(now.plusSeconds(10));
        assertThat(policy.exhausted(9)).isFalse();
        assertThat(policy.exhausted(10)).isTrue();
    }

    @Test
    void an_invitation_e_mails_the_link_once_through_outbox_relay_and_consumer() {
        InMemoryMailer mailer = new InMemoryMailer();
        CoachKit core = CoachKit.builder().mailer(mailer).publicUrl("https://api.example.test/")
                .withInMemoryAdapters().build();
        var admin = core.identity().register().register(new RegisterAccountUseCase.Command("ann@club.test",
                "correct horse battery", "Ann", "Admin", "Club", Optional.empty()));
        var actor = core.identity().authenticate().authenticate(admin.accessToken()).actor();
        var invitation = core.identity().invite().invite(new InviteMemberUseCase.Command(actor, admin.tenant().id(),
                "bo@club.test", Role.ATHLETE, Optional.empty()));
        List<EventEnvelope> delivered = new CopyOnWriteArrayList<>();
        OutboxRelay coreRelay = new OutboxRelay((InMemoryEventOutbox) core.eventOutbox(), events -> {
            delivered.addAll(events);
            return dispatchAll(core.handleEvent(), events);
        }, RetryPolicy.defaults(), Clock.system(), (event, attempts, error) -> { });

        coreRelay.relayAllDue();
        delivered.forEach(core.handleEvent()::handle); // the transport delivers everything a second time

        assertThat(mailer.sent()).filteredOn(email -> email.to().equals("bo@club.test")).singleElement()
                .satisfies(email -> {
                    assertThat(email.body()).contains("https://api.example.test/invitations/"
                            + invitation.acceptToken() + "/accept");
                    assertThat(email.body()).contains("https://api.example.test/verify-email?token=");
                });
    }

    private static EventPublisher.PublishResult dispatchAll(
            dev.coachkit.application.events.port.in.HandleEventUseCase dispatcher, List<EventEnvelope> events) {
        events.forEach(dispatcher::handle);
        return EventPublisher.PublishResult.allPublished();
    }
}
