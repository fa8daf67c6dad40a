package dev.coachkit.application.memory;

import dev.coachkit.application.admin.port.out.TenantMetricsQuery;
import dev.coachkit.domain.admin.TenantMetrics;
import java.time.Instant;

/** Counts over the in-memory stores of one unit of work, as the PostgreSQL adapter's aggregates do. */
public final class InMemoryTenantMetrics implements TenantMetricsQuery {

    private final InMemoryMemberships memberships;
    private final InMemorySpaces spaces;
    private final InMemoryPosts posts;
    private final InMemorySessions sessions;
    private final InMemoryMedia media;
    private final InMemoryEventOutbox outbox;

    public InMemoryTenantMetrics(InMemoryMemberships memberships, InMemorySpaces spaces, InMemoryPosts posts,
            InMemorySessions sessions, InMemoryMedia media, InMemoryEventOutbox outbox) {
        this.memberships = memberships;
        this.spaces = spaces;
        this.posts = posts;
        this.sessions = sessions;
        this.media = media;
        this.outbox = outbox;
    }

    @Override
    public TenantMetrics measure(Instant now) {
        return new TenantMetrics(memberships.count(), spaces.count(), posts.countLive(), posts.countLiveComments(),
                sessions.count(), media.storedBytes(), outbox.healthOfUnitsTenant(now));
    }
}
