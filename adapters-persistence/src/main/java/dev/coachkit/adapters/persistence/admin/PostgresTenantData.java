package dev.coachkit.adapters.persistence.admin;

import static dev.coachkit.adapters.persistence.jooq.Tables.ACCOUNTS;
import static dev.coachkit.adapters.persistence.jooq.Tables.ANNOTATIONS;
import static dev.coachkit.adapters.persistence.jooq.Tables.AVAILABILITIES;
import static dev.coachkit.adapters.persistence.jooq.Tables.AVAILABILITY_SLOTS;
import static dev.coachkit.adapters.persistence.jooq.Tables.COMMENTS;
import static dev.coachkit.adapters.persistence.jooq.Tables.CREDIT_LEDGER;
import static dev.coachkit.adapters.persistence.jooq.Tables.MEDIA_ASSETS;
import static dev.coachkit.adapters.persistence.jooq.Tables.MEMBERSHIPS;
import static dev.coachkit.adapters.persistence.jooq.Tables.NOTIFICATIONS;
import static dev.coachkit.adapters.persistence.jooq.Tables.ORDERS;
import static dev.coachkit.adapters.persistence.jooq.Tables.POSTS;
import static dev.coachkit.adapters.persistence.jooq.Tables.REFRESH_FAMILIES;
import static dev.coachkit.adapters.persistence.jooq.Tables.SESSIONS;
import static dev.coachkit.adapters.persistence.jooq.Tables.SPACES;
import static dev.coachkit.adapters.persistence.jooq.Tables.SPACE_MEMBERS;

import dev.coachkit.adapters.persistence.media.DrawingJson;
import dev.coachkit.adapters.persistence.shared.TenantTransactions;
import dev.coachkit.adapters.persistence.shared.Timestamps;
import dev.coachkit.application.admin.port.out.ExportValues;
import dev.coachkit.application.admin.port.out.TenantDataSource;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.TenantId;
import java.time.DayOfWeek;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.OrderField;
import org.jooq.Record;
import org.jooq.SelectField;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * A tenant's data for exports, read with lazy cursors that fetch {@value #FETCH_SIZE} rows at a
 * time inside the unit of work's transaction (the driver streams only with autocommit off), so a
 * large tenant never sits in memory. Row-level security confines every query to the tenant; each
 * also names it, as a second lock.
 */
public final class PostgresTenantData implements TenantDataSource {

    static final int FETCH_SIZE = 500;

    /** One section's query: its columns (aliased to the row keys), source, scope and order. */
    private record SectionQuery(List<SelectField<?>> columns, Table<?> from, Condition ofTenant,
            Function<UUID, Condition> ofSubject, List<OrderField<?>> order) {}

    private final TenantTransactions transactions;

    public PostgresTenantData(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void stream(TenantId tenant, Optional<AccountId> subject, Section section,
            Consumer<Map<String, Object>> row) {
        SectionQuery query = query(tenant.value(), section);
        Condition scope = subject.map(account -> query.ofSubject().apply(account.value())).orElse(DSL.noCondition());
        DSLContext dsl = transactions.require(tenant);
        try (Cursor<Record> rows = dsl.select(query.columns()).from(query.from()).where(query.ofTenant(), scope)
                .orderBy(query.order()).fetchSize(FETCH_SIZE).fetchLazy()) {
            for (Record record : rows) {
                Map<String, Object> values = new LinkedHashMap<>();
                for (Field<?> field : record.fields()) {
                    values.put(field.getName(), record.get(field));
                }
                row.accept(values);
            }
        }
    }

    private static SectionQuery query(UUID tenant, Section section) {
        switch (section) {
            case MEMBERS:
                return new SectionQuery(List.of(ACCOUNTS.ID.as("userId"), ACCOUNTS.EMAIL.as("email"),
                        ACCOUNTS.FIRST_NAME.as("firstName"), ACCOUNTS.LAST_NAME.as("lastName"),
                        ACCOUNTS.TIME_ZONE.as("timeZone"),
                        MEMBERSHIPS.ROLE.as("role"), instant(MEMBERSHIPS.JOINED_AT, "joinedAt")),
                        MEMBERSHIPS.join(ACCOUNTS).on(ACCOUNTS.ID.eq(MEMBERSHIPS.ACCOUNT_ID)),
                        MEMBERSHIPS.TENANT_ID.eq(tenant), MEMBERSHIPS.ACCOUNT_ID::eq,
                        List.of(MEMBERSHIPS.JOINED_AT, MEMBERSHIPS.ACCOUNT_ID));
            case SPACES:
                return new SectionQuery(List.of(SPACES.ID.as("id"), SPACES.NAME.as("name"),
                        SPACES.DESCRIPTION.as("description"), SPACES.IS_PRIVATE.as("isPrivate"),
                        SPACES.OWNER_ID.as("ownerId"), instant(SPACES.CREATED_AT, "createdAt"),
                        instant(SPACES.UPDATED_AT, "updatedAt")),
                        SPACES, SPACES.TENANT_ID.eq(tenant),
                        member -> SPACES.ID.in(DSL.select(SPACE_MEMBERS.SPACE_ID).from(SPACE_MEMBERS)
                                .where(SPACE_MEMBERS.TENANT_ID.eq(tenant), SPACE_MEMBERS.ACCOUNT_ID.eq(member))),
                        List.of(SPACES.CREATED_AT, SPACES.ID));
            case SPACE_MEMBERS:
                return new SectionQuery(List.of(SPACE_MEMBERS.SPACE_ID.as("spaceId"),
                        SPACE_MEMBERS.ACCOUNT_ID.as("userId"), SPACE_MEMBERS.ROLE.as("role"),
                        instant(SPACE_MEMBERS.ADDED_AT, "addedAt")),
                        SPACE_MEMBERS, SPACE_MEMBERS.TENANT_ID.eq(tenant), SPACE_MEMBERS.ACCOUNT_ID::eq,
                        List.of(SPACE_MEMBERS.ADDED_AT, SPACE_MEMBERS.SPACE_ID, SPACE_MEMBERS.ACCOUNT_ID));
            case POSTS:
                return new SectionQuery(List.of(POSTS.ID.as("id"), POSTS.SPACE_ID.as("spaceId"),
                        POSTS.AUTHOR_ID.as("authorId"), POSTS.TYPE.as("type"), POSTS.TITLE.as("title"),
                        POSTS.CONTENT.as("content"), POSTS.MEDIA_IDS.convertFrom(List::of).as("mediaIds"),
                        instant(POSTS.CREATED_AT, "createdAt"), instant(POSTS.DELETED_AT, "deletedAt")),
                        POSTS, POSTS.TENANT_ID.eq(tenant), POSTS.AUTHOR_ID::eq, List.of(POSTS.CREATED_AT, POSTS.ID));
            case COMMENTS:
                return new SectionQuery(List.of(COMMENTS.ID.as("id"), COMMENTS.POST_ID.as("postId"),
                        COMMENTS.AUTHOR_ID.as("authorId"), COMMENTS.CONTENT.as("content"),
                        instant(COMMENTS.CREATED_AT, "createdAt")),
                        COMMENTS, COMMENTS.TENANT_ID.eq(tenant), COMMENTS.AUTHOR_ID::eq,
                        List.of(COMMENTS.CREATED_AT, COMMENTS.ID));
            case SESSIONS:
                return new SectionQuery(List.of(SESSIONS.ID.as("id"), SESSIONS.COACH_ID.as("coachId"),
                        SESSIONS.ATHLETE_ID.as("athleteId"), SESSIONS.SPACE_ID.as("spaceId"),
                        instant(SESSIONS.STARTS_AT, "startsAt"), instant(SESSIONS.ENDS_AT, "endsAt"),
                        SESSIONS.STATUS.as("status"), SESSIONS.NOTES.as("notes"),
                        SESSIONS.CANCEL_REASON.as("cancelReason"), instant(SESSIONS.CREATED_AT, "createdAt"),
                        instant(SESSIONS.CANCELLED_AT, "cancelledAt")),
                        SESSIONS, SESSIONS.TENANT_ID.eq(tenant),
                        participant -> SESSIONS.COACH_ID.eq(participant).or(SESSIONS.ATHLETE_ID.eq(participant)),
                        List.of(SESSIONS.STARTS_AT, SESSIONS.ID));
            case AVAILABILITY:
                return new SectionQuery(List.of(AVAILABILITIES.COACH_ID.as("coachId"),
                        AVAILABILITIES.TIME_ZONE.as("timeZone"),
                        AVAILABILITY_SLOTS.DAY_OF_WEEK.convertFrom(day -> DayOfWeek.of(day).name()).as("dayOfWeek"),
                        AVAILABILITY_SLOTS.START_TIME.as("startTime"), AVAILABILITY_SLOTS.END_TIME.as("endTime"),
                        instant(AVAILABILITIES.UPDATED_AT, "updatedAt")),
                        AVAILABILITIES.join(AVAILABILITY_SLOTS).on(AVAILABILITY_SLOTS.TENANT_ID
                                .eq(AVAILABILITIES.TENANT_ID), AVAILABILITY_SLOTS.COACH_ID.eq(AVAILABILITIES.COACH_ID)),
                        AVAILABILITIES.TENANT_ID.eq(tenant), AVAILABILITIES.COACH_ID::eq,
                        List.of(AVAILABILITIES.COACH_ID, AVAILABILITY_SLOTS.DAY_OF_WEEK, AVAILABILITY_SLOTS.START_TIME));
            case NOTIFICATIONS:
                return new SectionQuery(List.of(NOTIFICATIONS.ID.as("id"), NOTIFICATIONS.RECIPIENT_ID.as("recipientId"),
                        NOTIFICATIONS.TYPE.as("type"), NOTIFICATIONS.TITLE.as("title"), NOTIFICATIONS.BODY.as("body"),
                        NOTIFICATIONS.SUBJECT_TYPE.as("subjectType"), NOTIFICATIONS.SUBJECT_ID.as("subjectId"),
                        instant(NOTIFICATIONS.CREATED_AT, "createdAt"), instant(NOTIFICATIONS.READ_AT, "readAt")),
                        NOTIFICATIONS, NOTIFICATIONS.TENANT_ID.eq(tenant), NOTIFICATIONS.RECIPIENT_ID::eq,
                        List.of(NOTIFICATIONS.CREATED_AT, NOTIFICATIONS.ID));
            case MEDIA:
                return new SectionQuery(List.of(MEDIA_ASSETS.ID.as("id"), MEDIA_ASSETS.UPLOADER_ID.as("uploaderId"),
                        MEDIA_ASSETS.SPACE_ID.as("spaceId"), MEDIA_ASSETS.FILE_NAME.as("fileName"),
                        MEDIA_ASSETS.CONTENT_TYPE.as("contentType"), MEDIA_ASSETS.SIZE_BYTES.as("sizeBytes"),
                        MEDIA_ASSETS.STATUS.as("status"), MEDIA_ASSETS.WIDTH.as("width"),
                        MEDIA_ASSETS.HEIGHT.as("height"), MEDIA_ASSETS.DURATION_MS.as("durationMs"),
                        instant(MEDIA_ASSETS.CREATED_AT, "createdAt")),
                        MEDIA_ASSETS, MEDIA_ASSETS.TENANT_ID.eq(tenant), MEDIA_ASSETS.UPLOADER_ID::eq,
                        List.of(MEDIA_ASSETS.CREATED_AT, MEDIA_ASSETS.ID));
            case SIGNED_IN_DEVICES:
                // a global table: the tenant condition is the only one here, row-level security has none
                return new SectionQuery(List.of(REFRESH_FAMILIES.ID.as("id"), REFRESH_FAMILIES.ACCOUNT_ID.as("userId"),
                        instant(REFRESH_FAMILIES.CREATED_AT, "createdAt"),
                        instant(REFRESH_FAMILIES.LAST_USED_AT, "lastUsedAt"),
                        instant(REFRESH_FAMILIES.EXPIRES_AT, "expiresAt"),
                        instant(REFRESH_FAMILIES.REVOKED_AT, "revokedAt"), REFRESH_FAMILIES.IP.as("ip"),
                        REFRESH_FAMILIES.USER_AGENT.as("userAgent")),
                        REFRESH_FAMILIES, REFRESH_FAMILIES.SESSION_TENANT_ID.eq(tenant), REFRESH_FAMILIES.ACCOUNT_ID::eq,
                        List.of(REFRESH_FAMILIES.CREATED_AT, REFRESH_FAMILIES.ID));
            case ORDERS:
                return new SectionQuery(List.of(ORDERS.ID.as("id"), ORDERS.PRODUCT_ID.as("productId"),
                        ORDERS.BUYER_ID.as("buyerId"), ORDERS.BUYER_EMAIL.as("buyerEmail"),
                        ORDERS.AMOUNT_CENTS.as("amountCents"), ORDERS.CURRENCY.as("currency"),
                        ORDERS.CREDITS.as("credits"), ORDERS.STATUS.as("status"),
                        ORDERS.PAYMENT_REFERENCE.as("paymentReference"), ORDERS.SESSION_ID.as("sessionId"),
                        instant(ORDERS.CREATED_AT, "createdAt"), instant(ORDERS.PAID_AT, "paidAt"),
                        instant(ORDERS.REFUNDED_AT, "refundedAt")),
                        ORDERS, ORDERS.TENANT_ID.eq(tenant), ORDERS.BUYER_ID::eq,
                        List.of(ORDERS.CREATED_AT, ORDERS.ID));
            case CREDIT_LEDGER:
                return new SectionQuery(List.of(CREDIT_LEDGER.ID.as("id"), CREDIT_LEDGER.ACCOUNT_ID.as("accountId"),
                        CREDIT_LEDGER.LOT_ID.as("lotId"), CREDIT_LEDGER.DELTA.as("delta"),
                        CREDIT_LEDGER.REASON.as("reason"), CREDIT_LEDGER.ORDER_ID.as("orderId"),
                        CREDIT_LEDGER.SESSION_ID.as("sessionId"), instant(CREDIT_LEDGER.CREATED_AT, "createdAt")),
                        CREDIT_LEDGER, CREDIT_LEDGER.TENANT_ID.eq(tenant), CREDIT_LEDGER.ACCOUNT_ID::eq,
                        List.of(CREDIT_LEDGER.CREATED_AT, CREDIT_LEDGER.ID));
            case ANNOTATIONS:
                return new SectionQuery(List.of(ANNOTATIONS.ID.as("id"), ANNOTATIONS.MEDIA_ID.as("mediaId"),
                        ANNOTATIONS.AUTHOR_ID.as("authorId"), ANNOTATIONS.AT_MS.as("atMs"),
                        ANNOTATIONS.END_MS.as("endMs"), ANNOTATIONS.TEXT.as("text"),
                        ANNOTATIONS.DRAWING.convertFrom(json -> json == null ? null
                                : ExportValues.drawing(DrawingJson.read(json))).as("drawing"),
                        ANNOTATIONS.AUDIO_MEDIA_ID.as("audioMediaId"), instant(ANNOTATIONS.CREATED_AT, "createdAt"),
                        instant(ANNOTATIONS.UPDATED_AT, "updatedAt")),
                        ANNOTATIONS, ANNOTATIONS.TENANT_ID.eq(tenant), ANNOTATIONS.AUTHOR_ID::eq,
                        List.of(ANNOTATIONS.CREATED_AT, ANNOTATIONS.ID));
            default:
                throw new IllegalArgumentException("no export section " + section);
        }
    }

    private static SelectField<?> instant(Field<OffsetDateTime> column, String name) {
        return column.convertFrom(Timestamps::toInstant).as(name);
    }
}
