package dev.coachkit.application.events.port.out;

import static dev.coachkit.application.testing.EventEnvelopeBuilder.anEnvelope;
import static dev.coachkit.application.testing.IdentityBuilders.T0;
import static dev.coachkit.application.testing.IdentityBuilders.aTenant;
import static dev.coachkit.application.testing.IdentityBuilders.anAccount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.coachkit.application.events.envelope.EventEnvelope;
import dev.coachkit.application.events.port.out.OutboxRelayStore.ClaimedEvent;
import dev.coachkit.application.events.port.out.OutboxRelayStore.Dead;
import dev.coachkit.application.events.port.out.OutboxRelayStore.OutboxStats;
import dev.coachkit.application.events.port.out.OutboxRelayStore.Published;
import dev.coachkit.application.events.port.out.OutboxRelayStore.Retry;
import dev.coachkit.application.events.port.out.OutboxRelayStore.Settlement;
import dev.coachkit.application.identity.port.out.AccountRepository;
import dev.coachkit.application.identity.port.out.TenantRepository;
import dev.coachkit.application.notification.port.out.NotificationRepository;
import dev.coachkit.application.shared.port.out.EventOutbox;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.identity.Account;
import dev.coachkit.domain.identity.Tenant;
import dev.coachkit.domain.notification.Notification;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.Page;
import dev.coachkit.domain.shared.PageRequest;
import dev.coachkit.domain.shared.TenantId;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * What every adapter family of the event backbone guarantees: consumers' processed-event records,
 * the relay's cross-tenant claims and settlements, the wake-up signal, and in-app notifications.
 * The relay store sees every tenant's events, also those other tests leave behind, so each test
 * works with tenants and events of its own, publishes whatever else it claims (as a real relay
 * would) and asserts only on its own events. Tests assume no other test runs at the same time.
 */
public abstract class EventStoresContract {

    protected abstract UnitOfWork unitOfWork();

    protected abstract EventOutbox outbox();

    /**
     * The events of {@code tenant} recorded and neither published nor dead yet, oldest first; called
     * outside any unit of work. Implemented by each adapter's test, outside the port.
     */
    protected abstract List<EventEnvelope> recordedEvents(TenantId tenant);

    protected abstract OutboxRelayStore relayStore();

    /** The same signal for every call within one test; the subclass closes it afterwards. */
    protected abstract OutboxSignal signal();

    protected abstract ProcessedEvents processedEvents();

    protected abstract NotificationRepository notifications();

    protected abstract AccountRepository accounts();

    protected abstract TenantRepository tenants();

    /** True when two relays hold claims at once (SKIP LOCKED); false when the adapter serializes relays. */
    protected abstract boolean relaysRunConcurrently();

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    /** A tenant id no other test uses; events and processed records need no stored tenant. */
    private static TenantId freshTenant() {
        return aTenant().build().id();
    }

    private void record(EventEnvelope... events) {
        for (EventEnvelope event : events) {
            unitOfWork().runInTenant(event.tenantId(), () -> outbox().record(event));
        }
    }

    private static Set<UUID> idsOf(List<EventEnvelope> events) {
        return events.stream().map(EventEnvelope::id).collect(Collectors.toUnmodifiableSet());
    }

    private static Published published(ClaimedEvent claimed) {
        return new Published(claimed.event().id(), Instant.now());
    }

    /** What one relay call claimed: how many in all, and those of the test, in claiming order. */
    private record Batch(int returned, int claimed, List<ClaimedEvent> mine) {}

    /**
     * Relays until nothing is due, settling the test's own events with {@code settleMine} and
     * publishing everything else, and returns every call's batch.
     */
    private List<Batch> relayUntilNothingIsDue(int limit, Set<UUID> mine, Function<ClaimedEvent, Settlement> settleMine) {
        List<Batch> batches = new ArrayList<>();
        for (int round = 0; round < 1_000; round++) {
            List<ClaimedEvent> ofMine = new ArrayList<>();
            AtomicInteger claimed = new AtomicInteger();
            int returned = relayStore().relay(limit, events -> {
                claimed.set(events.size());
                return events.stream().map(event -> {
                    if (mine.contains(event.event().id())) {
                        ofMine.add(event);
                        return settleMine.apply(event);
                    }
                    return (Settlement) published(event);
                }).toList();
            });
            if (returned == 0) {
                return batches;
            }
            batches.add(new Batch(returned, claimed.get(), List.copyOf(ofMine)));
        }
        throw new AssertionError("the relay still claimed events after 1000 rounds");
    }

    private void publishEverythingDue() {
        relayUntilNothingIsDue(100, Set.of(), event -> {
            throw new AssertionError("no event of this test was expected: " + event);
        });
    }

    private static List<ClaimedEvent> mineIn(List<Batch> batches) {
        return batches.stream().flatMap(batch -> batch.mine().stream()).toList();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("timed out waiting for the other thread");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Processed events: one record per (consumer, event) in the event's tenant, committed with the effect. */
    @Nested
    class ProcessedEventsCases {

        private final TenantId tenant = freshTenant();
        private final EventEnvelope event = anEnvelope().inTenant(tenant).build();

        private boolean markProcessed(String consumer, EventEnvelope processed) {
            return unitOfWork().inTenant(processed.tenantId(), () -> processedEvents().markProcessed(consumer, processed));
        }

        @Test
        void the_first_mark_wins_and_a_second_one_of_the_same_consumer_loses() {
            boolean first = markProcessed("feed-projector", event);
            boolean second = markProcessed("feed-projector", event);

            assertThat(first).isTrue();
            assertThat(second).isFalse();
        }

        @Test
        void a_second_mark_in_the_same_unit_loses() {
            List<Boolean> marks = unitOfWork().inTenant(tenant, () -> List.of(
                    processedEvents().markProcessed("feed-projector", event),
                    processedEvents().markProcessed("feed-projector", event)));

            assertThat(marks).containsExactly(true, false);
        }

        @Test
        void another_consumer_processes_the_same_event_independently() {
            markProcessed("feed-projector", event);

            assertThat(markProcessed("notifier", event)).isTrue();
            assertThat(markProcessed("notifier", event)).isFalse();
        }

        @Test
        void a_mark_in_a_rolled_back_unit_leaves_the_event_unprocessed() {
            assertThatThrownBy(() -> unitOfWork().runInTenant(tenant, () -> {
                assertThat(processedEvents().markProcessed("feed-projector", event)).isTrue();
                throw new IllegalStateException("the consumer's effect failed");
            })).hasMessageContaining("effect failed");

            assertThat(markProcessed("feed-projector", event)).isTrue();
        }

        @Test
        void the_same_event_id_in_another_tenant_is_recorded_separately() {
            EventEnvelope sameIdElsewhere = new EventEnvelope(event.id(), event.type(), 1, freshTenant(), event.subjectType(),
                    event.subjectId(), event.occurredAt(), event.payload());
            markProcessed("feed-projector", event);

            assertThat(markProcessed("feed-projector", sameIdElsewhere)).isTrue();
        }

        @Test
        void of_two_concurrent_units_marking_the_same_event_exactly_one_wins() throws Exception {
            CountDownLatch firstMarked = new CountDownLatch(1);
            CountDownLatch secondMarked = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<Boolean> first = pool.submit(() -> unitOfWork().inTenant(tenant, () -> {
                    boolean won = processedEvents().markProcessed("feed-projector", event);
                    firstMarked.countDown();
                    try { // a database blocks the second mark until this unit ends, so wait only a while
                        secondMarked.await(1, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return won;
                }));
                Future<Boolean> second = pool.submit(() -> {
                    await(firstMarked);
                    boolean won = markProcessed("feed-projector", event);
                    secondMarked.countDown();
                    return won;
                });

                assertThat(List.of(first.get(PATIENCE.toSeconds(), TimeUnit.SECONDS),
                        second.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)))
                        .as("marks of the first and the second unit").containsExactlyInAnyOrder(true, false);
            } finally {
                pool.shutdownNow();
            }
            assertThat(markProcessed("feed-projector", event)).isFalse();
        }
    }

    /** The relay store: cross-tenant claims, oldest first, disjoint between relays, and their settlements. */
    @Nested
    class OutboxRelayStoreCases {

        @Test
        void committed_events_of_every_tenant_are_claimed_oldest_first_within_the_limit() {
            publishEverythingDue();
            TenantId one = freshTenant();
            TenantId other = freshTenant();
            List<EventEnvelope> recorded = List.of(
                    anEnvelope().inTenant(one).build(),
                    anEnvelope().inTenant(other).build(),
                    anEnvelope().inTenant(one).ofType("session.scheduled").build(),
                    anEnvelope().inTenant(other).withPayload(Map.of("nested", Map.of("ids", List.of(1, 2)))).build(),
                    anEnvelope().inTenant(one).build());
            record(recorded.toArray(EventEnvelope[]::new));

            List<Batch> batches = relayUntilNothingIsDue(2, idsOf(recorded), EventStoresContract::published);

            assertThat(batches).allSatisfy(batch -> {
                assertThat(batch.claimed()).isBetween(1, 2);
                assertThat(batch.returned()).isEqualTo(batch.claimed());
            });
            assertThat(mineIn(batches)).extracting(ClaimedEvent::event).containsExactlyElementsOf(recorded);
            assertThat(mineIn(batches)).extracting(ClaimedEvent::attempts).containsOnly(0);
        }

        @Test
        void an_event_of_a_rolled_back_unit_is_never_claimed() {
            TenantId tenant = freshTenant();
            EventEnvelope rolledBack = anEnvelope().inTenant(tenant).build();
            EventEnvelope committed = anEnvelope().inTenant(tenant).build();
            assertThatThrownBy(() -> unitOfWork().runInTenant(tenant, () -> {
                outbox().record(rolledBack);
                throw new IllegalStateException("use case failed");
            })).hasMessageContaining("use case failed");
            record(committed);

            List<Batch> batches = relayUntilNothingIsDue(100, Set.of(rolledBack.id(), committed.id()),
                    EventStoresContract::published);

            assertThat(mineIn(batches)).extracting(ClaimedEvent::event).containsExactly(committed);
        }

        @Test
        void a_published_event_is_neither_claimed_again_nor_pending() {
            TenantId tenant = freshTenant();
            List<EventEnvelope> recorded = List.of(anEnvelope().inTenant(tenant).build(),
                    anEnvelope().inTenant(tenant).build());
            record(recorded.toArray(EventEnvelope[]::new));

            List<Batch> first = relayUntilNothingIsDue(100, idsOf(recorded), EventStoresContract::published);
            List<Batch> again = relayUntilNothingIsDue(100, idsOf(recorded), EventStoresContract::published);

            assertThat(mineIn(first)).extracting(ClaimedEvent::event).containsExactlyElementsOf(recorded);
            assertThat(mineIn(again)).isEmpty();
            assertThat(recordedEvents(tenant)).isEmpty();
        }

        @Test
        void a_retried_event_waits_until_its_next_attempt_and_then_carries_its_failed_attempts() {
            TenantId tenant = freshTenant();
            EventEnvelope later = anEnvelope().inTenant(tenant).build();
            EventEnvelope soon = anEnvelope().inTenant(tenant).build();
            record(later, soon);
            Instant future = Instant.now().plus(Duration.ofDays(1));
            Instant past = Instant.now().minus(Duration.ofHours(1));

            List<ClaimedEvent> claims = mineIn(relayUntilNothingIsDue(100, idsOf(List.of(later, soon)), claimed -> {
                if (claimed.event().equals(later)) {
                    return new Retry(later.id(), future, "queue unreachable");
                }
                return claimed.attempts() < 2 ? new Retry(soon.id(), past, "throttled") : published(claimed);
            }));

            assertThat(claims).containsExactly(
                    new ClaimedEvent(later, 0), new ClaimedEvent(soon, 0),
                    new ClaimedEvent(soon, 1), new ClaimedEvent(soon, 2));
            assertThat(recordedEvents(tenant)).containsExactly(later);
        }

        @Test
        void a_dead_event_is_never_claimed_again_and_is_counted_as_dead() {
            publishEverythingDue();
            TenantId tenant = freshTenant();
            EventEnvelope poison = anEnvelope().inTenant(tenant).build();
            EventEnvelope fine = anEnvelope().inTenant(tenant).build();
            record(poison, fine);
            OutboxStats before = relayStore().stats();

            List<Batch> first = relayUntilNothingIsDue(100, idsOf(List.of(poison, fine)), claimed ->
                    claimed.event().equals(poison) ? new Dead(poison.id(), Instant.now(), "cannot be parsed")
                            : published(claimed));
            List<Batch> again = relayUntilNothingIsDue(100, idsOf(List.of(poison, fine)), EventStoresContract::published);

            OutboxStats after = relayStore().stats();
            assertThat(mineIn(first)).extracting(ClaimedEvent::event).containsExactly(poison, fine);
            assertThat(mineIn(again)).isEmpty();
            assertThat(after.dead()).isEqualTo(before.dead() + 1);
            assertThat(after.pending()).isEqualTo(before.pending() - 2);
            assertThat(recordedEvents(tenant)).isEmpty();
        }

        @Test
        void stats_count_committed_unpublished_events() {
            TenantId tenant = freshTenant();
            OutboxStats before = relayStore().stats();
            List<EventEnvelope> recorded = List.of(anEnvelope().inTenant(tenant).build(),
                    anEnvelope().inTenant(tenant).build(), anEnvelope().inTenant(tenant).build());
            record(recorded.toArray(EventEnvelope[]::new));
            assertThatThrownBy(() -> unitOfWork().runInTenant(tenant, () -> {
                outbox().record(anEnvelope().inTenant(tenant).build());
                throw new IllegalStateException("rolled back");
            })).hasMessageContaining("rolled back");

            OutboxStats recordedStats = relayStore().stats();
            relayUntilNothingIsDue(100, idsOf(recorded), EventStoresContract::published);
            OutboxStats publishedStats = relayStore().stats();

            assertThat(recordedStats.pending()).isEqualTo(before.pending() + 3);
            assertThat(recordedStats.dead()).isEqualTo(before.dead());
            assertThat(recordedStats.oldestUnattemptedRecordedAt()).isPresent();
            assertThat(publishedStats.pending()).isLessThanOrEqualTo(recordedStats.pending() - 3);
        }

        @Test
        void oldest_pending_time_is_when_the_event_was_recorded_not_when_it_occurred() {
            Instant jvmStarted = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
            record(anEnvelope().inTenant(freshTenant()).occurredAt(Instant.parse("2001-01-01T00:00:00Z")).build());

            OutboxStats stats = relayStore().stats();

            assertThat(stats.oldestUnattemptedRecordedAt()).get().satisfies(oldest -> assertThat(oldest)
                    .isBetween(jvmStarted.minus(Duration.ofMinutes(1)), Instant.now().plus(Duration.ofMinutes(1))));
        }

        @Test
        void claims_of_a_publish_function_that_throws_are_released_unsettled() {
            publishEverythingDue();
            EventEnvelope event = anEnvelope().inTenant(freshTenant()).build();
            record(event);

            assertThatThrownBy(() -> relayStore().relay(100, claimed -> {
                throw new IllegalStateException("publisher crashed");
            })).isInstanceOf(RuntimeException.class);

            assertThat(mineIn(relayUntilNothingIsDue(100, Set.of(event.id()), EventStoresContract::published)))
                    .containsExactly(new ClaimedEvent(event, 0));
        }

        @Test
        void a_relay_running_alongside_a_holding_one_never_claims_its_events() throws Exception {
            publishEverythingDue();
            TenantId tenant = freshTenant();
            List<EventEnvelope> recorded = IntStream.range(0, 6)
                    .mapToObj(i -> anEnvelope().inTenant(tenant).build()).toList();
            unitOfWork().runInTenant(tenant, () -> recorded.forEach(outbox()::record));
            List<UUID> firstClaimed = Collections.synchronizedList(new ArrayList<>());
            List<UUID> secondClaimed = Collections.synchronizedList(new ArrayList<>());
            CountDownLatch firstHolds = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<Integer> first = pool.submit(() -> relayStore().relay(3, claimed -> {
                    claimed.forEach(event -> firstClaimed.add(event.event().id()));
                    firstHolds.countDown();
                    await(release);
                    return claimed.stream().map(event -> (Settlement) published(event)).toList();
                }));
                await(firstHolds);
                Future<Integer> second = pool.submit(() -> relayStore().relay(3, claimed -> {
                    claimed.forEach(event -> secondClaimed.add(event.event().id()));
                    return claimed.stream().map(event -> (Settlement) published(event)).toList();
                }));

                if (relaysRunConcurrently()) {
                    assertThat(second.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isEqualTo(3);
                    assertThat(first.isDone()).as("first relay still holds its claims").isFalse();
                } else {
                    assertThatThrownBy(() -> second.get(300, TimeUnit.MILLISECONDS))
                            .as("a serializing adapter lets the second relay wait for the first")
                            .isInstanceOf(TimeoutException.class);
                }
                release.countDown();
                assertThat(first.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isEqualTo(3);
                assertThat(second.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isEqualTo(3);
            } finally {
                release.countDown();
                pool.shutdownNow();
            }

            assertThat(secondClaimed).doesNotContainAnyElementsOf(firstClaimed);
            List<UUID> all = new ArrayList<>(firstClaimed);
            all.addAll(secondClaimed);
            assertThat(all).containsExactlyInAnyOrderElementsOf(idsOf(recorded));
            assertThat(recordedEvents(tenant)).isEmpty();
        }

        @Test
        void two_concurrent_relay_loops_publish_each_event_exactly_once() throws Exception {
            List<EventEnvelope> recorded = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                TenantId tenant = freshTenant();
                List<EventEnvelope> ofTenant = IntStream.range(0, 25)
                        .mapToObj(i -> anEnvelope().inTenant(tenant).build()).toList();
                unitOfWork().runInTenant(tenant, () -> ofTenant.forEach(outbox()::record));
                recorded.addAll(ofTenant);
            }
            Set<UUID> mine = idsOf(recorded);
            Map<UUID, AtomicInteger> publications = new ConcurrentHashMap<>();
            AtomicInteger publishedOfMine = new AtomicInteger();
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            Runnable relayLoop = () -> {
                while (publishedOfMine.get() < mine.size() && System.nanoTime() < deadline) {
                    int claimed = relayStore().relay(7, events -> events.stream().map(event -> {
                        if (mine.contains(event.event().id())) {
                            publications.computeIfAbsent(event.event().id(), id -> new AtomicInteger()).incrementAndGet();
                            publishedOfMine.incrementAndGet();
                        }
                        return (Settlement) published(event);
                    }).toList());
                    if (claimed == 0) {
                        Thread.onSpinWait();
                    }
                }
            };

            CompletableFuture<Void> one = CompletableFuture.runAsync(relayLoop);
            CompletableFuture<Void> two = CompletableFuture.runAsync(relayLoop);
            CompletableFuture.allOf(one, two).get(PATIENCE.toSeconds() + 10, TimeUnit.SECONDS);

            assertThat(publications.keySet()).containsExactlyInAnyOrderElementsOf(mine);
            assertThat(publications.values()).extracting(AtomicInteger::get).containsOnly(1);
        }
    }

    /** The signal: wakes a waiting relay after a commit that recorded events, else times out. */
    @Nested
    class Signal {

        private boolean awaitEvents(Duration timeout) {
            try {
                return signal().awaitEvents(timeout);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        @Test
        void a_waiting_relay_is_woken_soon_after_a_commit_that_recorded_an_event() throws Exception {
            TenantId tenant = freshTenant();
            CompletableFuture<Boolean> waiter = CompletableFuture.supplyAsync(() -> awaitEvents(PATIENCE));
            Boolean woken = null;
            // commit again until the waiter wakes: a commit before it started waiting may be missed
            for (int attempt = 0; attempt < 50 && woken == null; attempt++) {
                record(anEnvelope().inTenant(tenant).build());
                try {
                    woken = waiter.get(200, TimeUnit.MILLISECONDS);
                } catch (TimeoutException notYet) {
                    // commit once more
                }
            }

            assertThat(woken).as("woken by a commit within ten seconds").isTrue();
            publishEverythingDue();
        }

        @Test
        void waiting_times_out_with_false_when_nothing_is_committed() {
            long started = System.nanoTime();

            boolean woken = awaitEvents(Duration.ofMillis(200));

            Duration waited = Duration.ofNanos(System.nanoTime() - started);
            assertThat(woken).isFalse();
            assertThat(waited).isBetween(Duration.ofMillis(150), Duration.ofSeconds(10));
        }

        @Test
        void a_commit_between_two_waits_is_not_missed() {
            awaitEvents(Duration.ofMillis(50)); // the relay waited once, then went back to relaying

            record(anEnvelope().inTenant(freshTenant()).build());
            long started = System.nanoTime();
            boolean woken = awaitEvents(Duration.ofSeconds(5));

            assertThat(woken).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
            publishEverythingDue();
        }
    }

    /** Notifications: per tenant and recipient, newest first in keyset pages, read once. */
    @Nested
    class Notifications {

        private static final AtomicLong SEQUENCE = new AtomicLong();

        private final Tenant tenant = storedTenant();
        private final Account recipient = storedAccount();

        private Tenant storedTenant() {
            Tenant stored = aTenant().build();
            unitOfWork().runInTenant(stored.id(), () -> tenants().add(stored));
            return stored;
        }

        private Account storedAccount() {
            Account stored = anAccount().build();
            unitOfWork().withoutTenant(() -> {
                accounts().add(stored);
                return null;
            });
            return stored;
        }

        private Notification aNotification(TenantId in, AccountId to, Instant createdAt) {
            long n = SEQUENCE.incrementAndGet();
            return new Notification(new UUID(0x4071_0000_0000_4000L, 0x8000_0000_0000_0000L | n), in, to,
                    "post.created", "New post " + n + " — Grüße", "Body of " + n, "post",
                    new UUID(0x9057_0000_0000_4000L, 0x8000_0000_0000_0000L | n), createdAt, null);
        }

        private Notification stored(Notification notification) {
            unitOfWork().runInTenant(notification.tenantId(), () -> notifications().add(notification));
            return notification;
        }

        private Notification storedFor(Account to, Instant createdAt) {
            return stored(aNotification(tenant.id(), to.id(), createdAt));
        }

        private <T> T inTenant(TenantId in, Supplier<T> work) {
            return unitOfWork().inTenant(in, work);
        }

        private List<Notification> everything(TenantId in, Account of, boolean unreadOnly) {
            Page<Notification> page = inTenant(in, () -> notifications().listFor(in, of.id(), unreadOnly,
                    PageRequest.first(100)));
            assertThat(page.next()).isEmpty();
            return page.items();
        }

        private boolean markRead(TenantId in, UUID id, Account by, Instant at) {
            return inTenant(in, () -> notifications().markRead(in, id, by.id(), at));
        }

        @Test
        void notifications_are_listed_newest_first_in_keyset_pages_without_gaps_or_repeats() {
            Instant t = T0;
            List<Instant> created = List.of(t, t.plusSeconds(1), t.plusSeconds(1), t.plusSeconds(1), t.plusSeconds(3));
            List<Notification> added = new ArrayList<>();
            for (int i : new int[] {3, 0, 4, 1, 2}) { // insertion order differs from time order
                added.add(storedFor(recipient, created.get(i)));
            }
            List<Notification> expected = added.stream().sorted(Comparator.comparing(Notification::createdAt)
                    .thenComparing(Notification::id).reversed()).toList();

            List<Page<Notification>> pages = new ArrayList<>();
            PageRequest request = PageRequest.first(2);
            while (pages.size() < 5) { // more than enough; a cursor that never ends fails below
                PageRequest current = request;
                Page<Notification> page = inTenant(tenant.id(), () -> notifications().listFor(tenant.id(),
                        recipient.id(), false, current));
                pages.add(page);
                if (page.next().isEmpty()) {
                    break;
                }
                request = request.after(page.next().get());
            }

            assertThat(pages).extracting(page -> page.items().size()).containsExactly(2, 2, 1);
            assertThat(pages.stream().flatMap(page -> page.items().stream()).toList())
                    .containsExactlyElementsOf(expected);
        }

        @Test
        void unread_only_leaves_out_read_notifications() {
            Notification older = storedFor(recipient, T0);
            Notification read = storedFor(recipient, T0.plusSeconds(1));
            Notification newer = storedFor(recipient, T0.plusSeconds(2));
            Instant readAt = T0.plusSeconds(60);
            markRead(tenant.id(), read.id(), recipient, readAt);

            assertThat(everything(tenant.id(), recipient, true)).containsExactly(newer, older);
            assertThat(everything(tenant.id(), recipient, false)).extracting(Notification::id, Notification::readAt)
                    .containsExactly(
                            tuple(newer.id(), null),
                            tuple(read.id(), readAt),
                            tuple(older.id(), null));
        }

        @Test
        void another_recipients_and_another_tenants_notifications_are_invisible() {
            Account someoneElse = storedAccount();
            Tenant otherTenant = storedTenant();
            Notification mine = storedFor(recipient, T0);
            Notification theirs = storedFor(someoneElse, T0.plusSeconds(1));
            Notification mineElsewhere = stored(aNotification(otherTenant.id(), recipient.id(), T0.plusSeconds(2)));

            assertThat(everything(tenant.id(), recipient, false)).containsExactly(mine);
            assertThat(everything(tenant.id(), someoneElse, false)).containsExactly(theirs);
            assertThat(everything(otherTenant.id(), recipient, false)).containsExactly(mineElsewhere);
            assertThat(everything(otherTenant.id(), someoneElse, false)).isEmpty();
        }

        @Test
        void the_recipient_marks_a_notification_read_once_and_the_first_read_time_stays() {
            Notification notification = storedFor(recipient, T0);
            Instant firstRead = T0.plusSeconds(30);

            boolean first = markRead(tenant.id(), notification.id(), recipient, firstRead);
            boolean again = markRead(tenant.id(), notification.id(), recipient, firstRead.plusSeconds(30));

            assertThat(first).isTrue();
            assertThat(again).isTrue();
            assertThat(everything(tenant.id(), recipient, false)).extracting(Notification::readAt)
                    .containsExactly(firstRead);
        }

        @Test
        void marking_read_is_refused_for_someone_else_an_unknown_id_and_from_another_tenant() {
            Account someoneElse = storedAccount();
            Tenant otherTenant = storedTenant();
            Notification notification = storedFor(recipient, T0);
            Instant at = T0.plusSeconds(30);

            assertThat(markRead(tenant.id(), notification.id(), someoneElse, at)).isFalse();
            assertThat(markRead(tenant.id(), aNotification(tenant.id(), recipient.id(), T0).id(), recipient, at))
                    .isFalse();
            assertThat(markRead(otherTenant.id(), notification.id(), recipient, at)).isFalse();

            assertThat(everything(tenant.id(), recipient, true)).containsExactly(notification);
        }
    }
}
