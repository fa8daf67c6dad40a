package dev.coachkit.adapters.persistence.admin;

import static dev.coachkit.adapters.persistence.jooq.Tables.COMMENTS;
import static dev.coachkit.adapters.persistence.jooq.Tables.MEDIA_ASSETS;
import static dev.coachkit.adapters.persistence.jooq.Tables.MEMBERSHIPS;
import static dev.coachkit.adapters.persistence.jooq.Tables.OUTBOX_EVENTS;
import static dev.coachkit.adapters.persistence.jooq.Tables.POSTS;
import static dev.coachkit.adapters.persistence.jooq.Tables.SESSIONS;
import static dev.coachkit.adapters.persistence.jooq.Tables.SPACES;

import dev.coachkit.adapters.persistence.shared.TenantTransactions;
import dev.coachkit.adapters.persistence.shared.Timestamps;
import dev.coachkit.application.admin.port.out.TenantMetricsQuery;
import dev.coachkit.domain.admin.TenantMetrics;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;

/** Every figure in one statement of scalar aggregates, each served by an index on tenant_id; no rows are loaded. */
public final class PostgresTenantMetrics implements TenantMetricsQuery {

    private final TenantTransactions transactions;

    public PostgresTenantMetrics(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public TenantMetrics measure(Instant now) {
        TenantTransactions.Bound bound = transactions.requireTenant();
        UUID tenant = bound.tenant().value();
        Condition pending = OUTBOX_EVENTS.TENANT_ID.eq(tenant).and(OUTBOX_EVENTS.PUBLISHED_AT.isNull())
                .and(OUTBOX_EVENTS.DEAD_AT.isNull());
        Field<Integer> users = DSL.field(DSL.selectCount().from(MEMBERSHIPS).where(MEMBERSHIPS.TENANT_ID.eq(tenant)));
        Field<Integer> spaces = DSL.field(DSL.selectCount().from(SPACES).where(SPACES.TENANT_ID.eq(tenant)));
        Field<Integer> posts = DSL.field(DSL.selectCount().from(POSTS)
                .where(POSTS.TENANT_ID.eq(tenant), POSTS.DELETED_AT.isNull()));
        Field<Integer> comments = DSL.field(DSL.selectCount().from(COMMENTS).join(POSTS)
                .on(POSTS.TENANT_ID.eq(COMMENTS.TENANT_ID), POSTS.ID.eq(COMMENTS.POST_ID))
                .where(COMMENTS.TENANT_ID.eq(tenant), POSTS.DELETED_AT.isNull()));
        Field<Integer> sessions = DSL.field(DSL.selectCount().from(SESSIONS).where(SESSIONS.TENANT_ID.eq(tenant)));
        Field<BigDecimal> mediaBytes = DSL.field(DSL.select(DSL.coalesce(DSL.sum(MEDIA_ASSETS.SIZE_BYTES),
                BigDecimal.ZERO)).from(MEDIA_ASSETS).where(MEDIA_ASSETS.TENANT_ID.eq(tenant)));
        Field<Integer> outboxPending = DSL.field(DSL.selectCount().from(OUTBOX_EVENTS).where(pending));
        Field<Integer> outboxFailed = DSL.field(DSL.selectCount().from(OUTBOX_EVENTS)
                .where(OUTBOX_EVENTS.TENANT_ID.eq(tenant), OUTBOX_EVENTS.DEAD_AT.isNotNull()));
        Field<OffsetDateTime> oldestPending = DSL.field(DSL.select(DSL.min(OUTBOX_EVENTS.OCCURRED_AT))
                .from(OUTBOX_EVENTS).where(pending));
        Record row = bound.dsl().select(users, spaces, posts, comments, sessions, mediaBytes, outboxPending,
                outboxFailed, oldestPending).fetchSingle();
        Instant oldest = Timestamps.toInstant(row.get(oldestPending));
        long oldestSeconds = oldest == null ? 0 : Math.max(0, Duration.between(oldest, now).toSeconds());
        return new TenantMetrics(row.get(users), row.get(spaces), row.get(posts), row.get(comments),
                row.get(sessions), row.get(mediaBytes).longValue(),
                new TenantMetrics.Outbox(row.get(outboxPending), row.get(outboxFailed), oldestSeconds));
    }
}
