package dev.coachkit.application.realtime.port.out;

import static dev.coachkit.application.testing.EventEnvelopeBuilder.anEnvelope;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.application.events.envelope.EventEnvelope;
import dev.coachkit.application.shared.port.out.EventOutbox;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.shared.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What every {@link EventFeed} adapter guarantees over the outbox it follows. Each test works in a
 * tenant of its own. Other transactions of the same database may hold events back for a moment, so
 * reads that expect events poll until a deadline instead of reading once.
 */
public abstract class EventFeedContract {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    protected abstract UnitOfWork unitOfWork();

    protected abstract EventOutbox outbox();

    protected abstract EventFeed feed();

    private final TenantId tenant = TenantId.of(UUID.randomUUID());

    private void record(TenantId in, EventEnvelope... events) {
        unitOfWork().runInTenant(in, () -> List.of(events).forEach(outbox()::record));
    }

    private FeedBatch after(TenantId in, FeedPosition position) {
        return unitOfWork().inTenant(in, () -> feed().after(in, position, 100));
    }

    /** Follows the feed from {@code from} as a resuming reader does, until {@code count} events arrived or time ran out. */
    private List<FeedEvent> follow(TenantId in, FeedPosition from, int count) throws InterruptedException {
        List<FeedEvent> seen = new ArrayList<>();
        FeedPosition cursor = from;
        Instant deadline = Instant.now().plus(PATIENCE);
        while (seen.size() < count && Instant.now().isBefore(deadline)) {
            List<FeedEvent> batch = after(in, cursor).events();
            seen.addAll(batch);
            if (!batch.isEmpty()) {
                cursor = batch.get(batch.size() - 1).position();
            } else {
                Thread.sleep(10);
            }
        }
        return seen;
    }

    private static List<UUID> ids(List<FeedEvent> events) {
        return events.stream().map(event -> event.event().id()).toList();
    }

    @Test
    void committed_events_come_in_the_order_one_transaction_recorded_them() throws InterruptedException {
        EventEnvelope first = anEnvelope().inTenant(tenant).build();
        EventEnvelope second = anEnvelope().inTenant(tenant).build();

        record(tenant, first, second);

        List<FeedEvent> events = follow(tenant, FeedPosition.START, 2);
        assertThat(ids(events)).containsExactly(first.id(), second.id());
        assertThat(events.get(0).position()).isLessThan(events.get(1).position());
        assertThat(events.get(0).event()).isEqualTo(first);
    }

    @Test
    void an_event_shows_only_after_its_transaction_committed_and_a_rolled_back_one_never() throws Exception {
        EventEnvelope rolledBack = anEnvelope().inTenant(tenant).build();
        CountDownLatch recorded = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> unitOfWork().runInTenant(tenant, () -> {
            outbox().record(rolledBack);
            recorded.countDown();
            await(commit);
            throw new IllegalStateException("roll back");
        }));
        assertThat(recorded.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(after(tenant, FeedPosition.START).events()).isEmpty();

        commit.countDown();
        assertThat(writer).failsWithin(Duration.ofSeconds(10));
        EventEnvelope later = anEnvelope().inTenant(tenant).build();
        record(tenant, later);
        assertThat(ids(follow(tenant, FeedPosition.START, 1))).containsExactly(later.id());
    }

    @Test
    void a_late_commit_is_not_skipped_by_a_reader_that_resumes_after_what_it_saw() throws Exception {
        EventEnvelope early = anEnvelope().inTenant(tenant).build();
        EventEnvelope late = anEnvelope().inTenant(tenant).build();
        CountDownLatch earlyRecorded = new CountDownLatch(1);
        CountDownLatch commitEarly = new CountDownLatch(1);
        // "early" is recorded first (lower sequence) but commits after "late"
        CompletableFuture<Void> slowWriter = CompletableFuture.runAsync(() -> unitOfWork().runInTenant(tenant, () -> {
            outbox().record(early);
            earlyRecorded.countDown();
            await(commitEarly);
        }));
        assertThat(earlyRecorded.await(10, TimeUnit.SECONDS)).isTrue();
        record(tenant, late);

        List<FeedEvent> firstRead = after(tenant, FeedPosition.START).events();
        FeedPosition resumeAfter = firstRead.isEmpty() ? FeedPosition.START : firstRead.get(firstRead.size() - 1).position();
        commitEarly.countDown();
        slowWriter.get(10, TimeUnit.SECONDS);
        List<FeedEvent> resumed = follow(tenant, resumeAfter, 2 - firstRead.size());

        List<FeedEvent> all = new ArrayList<>(firstRead);
        all.addAll(resumed);
        assertThat(ids(all)).containsExactlyInAnyOrder(early.id(), late.id());
        assertThat(all).extracting(FeedEvent::position).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void the_head_is_the_newest_event_and_reading_after_it_finds_nothing_more() throws InterruptedException {
        assertThat(unitOfWork().inTenant(tenant, () -> feed().head(tenant))).isEqualTo(FeedPosition.START);
        record(tenant, anEnvelope().inTenant(tenant).build(), anEnvelope().inTenant(tenant).build());
        List<FeedEvent> events = follow(tenant, FeedPosition.START, 2);

        FeedPosition head = unitOfWork().inTenant(tenant, () -> feed().head(tenant));

        assertThat(head).isEqualTo(events.get(1).position());
        assertThat(after(tenant, head).events()).isEmpty();
    }

    @Test
    void another_tenants_events_are_neither_read_nor_retained() throws InterruptedException {
        TenantId other = TenantId.of(UUID.randomUUID());
        EventEnvelope foreign = anEnvelope().inTenant(other).build();
        record(other, foreign);
        List<FeedEvent> theirs = follow(other, FeedPosition.START, 1);
        assertThat(ids(theirs)).containsExactly(foreign.id());

        assertThat(after(tenant, FeedPosition.START).events()).isEmpty();
        assertThat(unitOfWork().inTenant(tenant, () -> feed().retains(tenant, theirs.get(0).position()))).isFalse();
        assertThat(unitOfWork().inTenant(other, () -> feed().retains(other, theirs.get(0).position()))).isTrue();
    }

    @Test
    void a_commit_wakes_a_waiting_reader() throws Exception {
        feed().awaitAppended(Duration.ofMillis(1)); // forget wake-ups of earlier tests
        CompletableFuture<Boolean> woken = CompletableFuture.supplyAsync(() -> {
            try {
                return feed().awaitAppended(Duration.ofSeconds(10));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
        Instant deadline = Instant.now().plusSeconds(10);
        while (!woken.isDone() && Instant.now().isBefore(deadline)) {
            record(tenant, anEnvelope().inTenant(tenant).build()); // again, in case the waiter was not listening yet
            Thread.sleep(50);
        }

        assertThat(woken.get(1, TimeUnit.SECONDS)).isTrue();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never let the transaction end");
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
