package dev.coachkit.application.memory;

import dev.coachkit.application.events.envelope.EventEnvelope;
import dev.coachkit.application.events.port.out.OutboxRelayStore;
import dev.coachkit.application.events.port.out.OutboxSignal;
import dev.coachkit.application.realtime.port.out.EventFeed;
import dev.coachkit.application.realtime.port.out.FeedBatch;
import dev.coachkit.application.realtime.port.out.FeedEvent;
import dev.coachkit.application.realtime.port.out.FeedPosition;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.EventOutbox;
import dev.coachkit.domain.admin.TenantMetrics;
import dev.coachkit.domain.identity.EmailAddress;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The outbox in an {@link InMemoryTable} — recorded with the unit of work, gone with its rollback —
 * and its relay side: claims are serialized by a lock (one relay per JVM), settlements written back
 * in the event's tenant, and committed events signal a waiting relay. Committed events are also appended
 * to the real-time feed, numbered as they are appended — after their commit, so a late commit can never
 * land behind a position already handed out.
 */
public final class InMemoryEventOutbox implements EventOutbox, OutboxRelayStore, OutboxSignal, EventFeed {

    /** An outbox row: the event and what the relay made of it so far. */
    private record Entry(EventEnvelope event, long sequence, Instant recordedAt, int attempts, Instant nextAttemptAt,
            Instant publishedAt, Instant deadAt) {
        boolean pending() {
            return publishedAt == null && deadAt == null;
        }
    }

    private final InMemoryUnitOfWork unitOfWork;
    private final InMemoryTable<UUID, Entry> entries;
    private final Object relayLock = new Object();
    private final WakeUp relayWakeUp = new WakeUp();
    private final WakeUp feedWakeUp = new WakeUp();
    private final AtomicLong sequence = new AtomicLong();
    private final Clock clock;
    private final Deque<Appended> feed = new ArrayDeque<>();
    private long lastPosition;

    /** An event in the feed: where it stands and when it was appended, for retention. */
    private record Appended(FeedEvent event, Instant at) {}

    public InMemoryEventOutbox(InMemoryUnitOfWork unitOfWork) {
        this(unitOfWork, Clock.system());
    }

    public InMemoryEventOutbox(InMemoryUnitOfWork unitOfWork, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.entries = InMemoryTable.perTenant(unitOfWork, entry -> entry.event().tenantId());
    }

    @Override
    public void record(EventEnvelope event) {
        Instant now = clock.now();
        entries.put(event.id(), new Entry(event, sequence.incrementAndGet(), now, 0, now, null, null));
        unitOfWork.current().afterCommit(this::wakeRelay);
        unitOfWork.current().afterCommit(() -> appendToFeed(event));
    }

    private void appendToFeed(EventEnvelope event) {
        synchronized (feed) {
            Instant now = clock.now();
            while (!feed.isEmpty() && feed.peekFirst().at().isBefore(now.minus(RETENTION))) {
                feed.removeFirst();
            }
            lastPosition++;
            feed.addLast(new Appended(new FeedEvent(new FeedPosition(lastPosition, 0), event), now));
        }
        feedWakeUp.signal();
    }

    @Override
    public FeedBatch after(TenantId tenant, FeedPosition after, int limit) {
        synchronized (feed) {
            return new FeedBatch(feed.stream().map(Appended::event)
                    .filter(event -> event.event().tenantId().equals(tenant) && event.position().compareTo(after) > 0)
                    .limit(limit).toList(), false);
        }
    }

    @Override
    public FeedPosition head(TenantId tenant) {
        synchronized (feed) {
            return feed.stream().map(Appended::event).filter(event -> event.event().tenantId().equals(tenant))
                    .map(FeedEvent::position).reduce((first, last) -> last).orElse(FeedPosition.START);
        }
    }

    @Override
    public boolean retains(TenantId tenant, FeedPosition position) {
        synchronized (feed) {
            return feed.stream().map(Appended::event).anyMatch(
                    event -> event.event().tenantId().equals(tenant) && event.position().equals(position));
        }
    }

    @Override
    public boolean awaitAppended(Duration timeout) throws InterruptedException {
        return feedWakeUp.await(timeout);
    }

    /**
     * Inspection of this in-memory adapter, not part of {@link EventOutbox} (which only records): the
     * tenant's events recorded and neither published nor dead yet, oldest first. Joins the running unit
     * of work of that tenant, or runs in one of its own. For tests of embedding hosts and of the core.
     */
    public List<EventEnvelope> unpublished(TenantId tenant) {
        return unitOfWork.inTenant(tenant, () -> entries.select(Entry::pending).stream()
                .sorted(Comparator.comparing((Entry entry) -> entry.event().occurredAt()).thenComparing(Entry::sequence))
                .map(Entry::event)
                .toList());
    }

    @Override
    public int relay(int limit, Function<List<ClaimedEvent>, List<Settlement>> publish) {
        synchronized (relayLock) {
            Instant now = clock.now();
            List<Entry> due = entries.selectAcrossTenants(entry -> entry.pending() && !entry.nextAttemptAt().isAfter(now))
                    .stream().sorted(Comparator.comparing(Entry::nextAttemptAt).thenComparing(Entry::sequence))
                    .limit(limit).toList();
            if (due.isEmpty()) {
                return 0;
            }
            List<Settlement> settlements = publish.apply(due.stream()
                    .map(entry -> new ClaimedEvent(entry.event(), entry.attempts())).toList());
            for (Settlement settlement : settlements) {
                due.stream().filter(entry -> entry.event().id().equals(settlement.eventId())).findFirst()
                        .ifPresent(entry -> unitOfWork.runInTenant(entry.event().tenantId(),
                                () -> entries.put(entry.event().id(), settled(entry, settlement))));
            }
            return due.size();
        }
    }

    @Override
    public OutboxStats stats() {
        List<Entry> all = entries.selectAcrossTenants(entry -> true);
        List<Entry> pending = all.stream().filter(Entry::pending).toList();
        return new OutboxStats(pending.size(), all.stream().filter(entry -> entry.deadAt() != null).count(),
                pending.stream().filter(entry -> entry.attempts() == 0).map(Entry::recordedAt)
                        .min(Comparator.naturalOrder()));
    }

    /** The outbox of the running unit's tenant: pending, dead, and the oldest pending event's age. */
    TenantMetrics.Outbox healthOfUnitsTenant(Instant now) {
        List<Entry> all = entries.select(entry -> true);
        List<Entry> pending = all.stream().filter(Entry::pending).toList();
        long oldestSeconds = pending.stream().map(entry -> entry.event().occurredAt()).min(Comparator.naturalOrder())
                .map(oldest -> Math.max(0, Duration.between(oldest, now).toSeconds())).orElse(0L);
        return new TenantMetrics.Outbox(pending.size(), all.stream().filter(entry -> entry.deadAt() != null).count(),
                oldestSeconds);
    }

    @Override
    public boolean awaitEvents(Duration timeout) throws InterruptedException {
        return relayWakeUp.await(timeout);
    }

    @Override
    public void close() {
        wakeRelay();
    }

    /** Forgets events published before {@code cutoff}; returns how many. */
    int deletePublishedBefore(Instant cutoff) {
        return entries.deleteAcrossTenants(entry -> entry.publishedAt() != null && entry.publishedAt().isBefore(cutoff));
    }

    private static Entry settled(Entry entry, Settlement settlement) {
        if (settlement instanceof Published published) {
            return new Entry(entry.event(), entry.sequence(), entry.recordedAt(), entry.attempts(),
                    entry.nextAttemptAt(), published.at(), null);
        }
        if (settlement instanceof Retry retry) {
            return new Entry(entry.event(), entry.sequence(), entry.recordedAt(), entry.attempts() + 1,
                    retry.nextAttemptAt(), null, null);
        }
        Dead dead = (Dead) settlement;
        return new Entry(entry.event(), entry.sequence(), entry.recordedAt(), entry.attempts() + 1,
                entry.nextAttemptAt(), null, dead.at());
    }

    private void wakeRelay() {
        relayWakeUp.signal();
    }

    /** A wake-up for one waiter: signals given since its last wait wake it at once, none are lost. */
    private static final class WakeUp {
        private long signals;
        private long seen;

        synchronized void signal() {
            signals++;
            notifyAll();
        }

        synchronized boolean await(Duration timeout) throws InterruptedException {
            if (signals == seen) {
                wait(Math.max(1, timeout.toMillis()));
            }
            boolean woken = signals != seen;
            seen = signals;
            return woken;
        }
    }

    /** Deletes the unit's tenant's events naming a person being erased, as {@code PostgresMemberDataEraser} does. */
    void forgetEventsNaming(EmailAddress email, AccountId person) {
        entries.select(entry -> OutboxPersonFields.names(entry.event().payload(), email, person))
                .forEach(entry -> entries.remove(entry.event().id()));
    }
}
