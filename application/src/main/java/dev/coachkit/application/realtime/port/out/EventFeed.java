package dev.coachkit.application.realtime.port.out;

import dev.coachkit.application.events.MaintenanceJobs;
import dev.coachkit.domain.shared.TenantId;
import java.time.Duration;

/**
 * The committed outbox events of a tenant as a feed that a reader can follow by position without ever
 * skipping one: an event shows up only after its transaction committed, and never at a position
 * before one already handed out — although transactions commit in another order than they record
 * (which is why a plain sequence number is no position: a reader past 7 would skip a 6 committed
 * late). Events stay in the feed for at least {@link #RETENTION}. Reads run in a unit of work of the
 * tenant.
 */
public interface EventFeed {

    /**
     * How long events stay readable at the least; a client away longer starts over. The PostgreSQL feed
     * keeps them as long as the scheduler keeps published outbox rows.
     */
    Duration RETENTION = MaintenanceJobs.PUBLISHED_EVENT_RETENTION;

    /** At most {@code limit} events of the tenant after {@code after}, in feed order. */
    FeedBatch after(TenantId tenant, FeedPosition after, int limit);

    /** The position of the tenant's newest event that can be handed out now; {@link FeedPosition#START} if none. */
    FeedPosition head(TenantId tenant);

    /** Whether the event at {@code position} is still in the tenant's feed, so that resuming after it misses nothing. */
    boolean retains(TenantId tenant, FeedPosition position);

    /**
     * Waits until events may have been added in any tenant, or the timeout passed; true when woken. A
     * wake-up may be missed (a lost connection), so a follower also reads now and then unasked.
     */
    boolean awaitAppended(Duration timeout) throws InterruptedException;
}
