package dev.coachkit.adapters.persistence.notification;

import static dev.coachkit.adapters.persistence.jooq.Tables.NOTIFICATIONS;

import dev.coachkit.adapters.persistence.jooq.tables.records.NotificationsRecord;
import dev.coachkit.adapters.persistence.shared.TenantTransactions;
import dev.coachkit.adapters.persistence.shared.Timestamps;
import dev.coachkit.application.notification.port.out.NotificationRepository;
import dev.coachkit.domain.notification.Notification;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.Cursor;
import dev.coachkit.domain.shared.Page;
import dev.coachkit.domain.shared.PageRequest;
import dev.coachkit.domain.shared.TenantId;
import java.time.Instant;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.impl.DSL;

/** Notifications under row-level security; one indexed statement per page, newest first. */
public final class PostgresNotifications implements NotificationRepository {

    private final TenantTransactions transactions;

    public PostgresNotifications(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void add(Notification notification) {
        transactions.require(notification.tenantId()).insertInto(NOTIFICATIONS)
                .set(NOTIFICATIONS.TENANT_ID, notification.tenantId().value())
                .set(NOTIFICATIONS.ID, notification.id())
                .set(NOTIFICATIONS.RECIPIENT_ID, notification.recipient().value())
                .set(NOTIFICATIONS.TYPE, notification.type())
                .set(NOTIFICATIONS.TITLE, notification.title())
                .set(NOTIFICATIONS.BODY, notification.body())
                .set(NOTIFICATIONS.SUBJECT_TYPE, notification.subjectType())
                .set(NOTIFICATIONS.SUBJECT_ID, notification.subjectId())
                .set(NOTIFICATIONS.CREATED_AT, Timestamps.toColumn(notification.createdAt()))
                .set(NOTIFICATIONS.READ_AT, Timestamps.toColumn(notification.readAt()))
                .execute();
    }

    @Override
    public Page<Notification> listFor(TenantId tenant, AccountId recipient, boolean unreadOnly, PageRequest page) {
        Condition before = page.after().map(cursor -> DSL.row(NOTIFICATIONS.CREATED_AT, NOTIFICATIONS.ID)
                .lt(Timestamps.toColumn(cursor.instantKey(0)), cursor.uuidKey(1))).orElse(DSL.noCondition());
        var fetched = transactions.require().dsl().selectFrom(NOTIFICATIONS)
                .where(NOTIFICATIONS.TENANT_ID.eq(tenant.value()), NOTIFICATIONS.RECIPIENT_ID.eq(recipient.value()),
                        unreadOnly ? NOTIFICATIONS.READ_AT.isNull() : DSL.noCondition(), before)
                .orderBy(NOTIFICATIONS.CREATED_AT.desc(), NOTIFICATIONS.ID.desc())
                .limit(page.limit() + 1)
                .fetch(PostgresNotifications::toDomain);
        return Page.fromLookahead(fetched, page.limit(),
                notification -> Cursor.of(notification.createdAt().toString(), notification.id().toString()));
    }

    @Override
    public boolean markRead(TenantId tenant, UUID id, AccountId recipient, Instant at) {
        // coalesce keeps the first reading time and still counts the row, so one statement answers both
        return transactions.require(tenant).update(NOTIFICATIONS)
                .set(NOTIFICATIONS.READ_AT, DSL.coalesce(NOTIFICATIONS.READ_AT, DSL.val(Timestamps.toColumn(at))))
                .where(NOTIFICATIONS.TENANT_ID.eq(tenant.value()), NOTIFICATIONS.ID.eq(id),
                        NOTIFICATIONS.RECIPIENT_ID.eq(recipient.value()))
                .execute() == 1;
    }

    private static Notification toDomain(NotificationsRecord row) {
        return new Notification(row.getId(), TenantId.of(row.getTenantId()), AccountId.of(row.getRecipientId()),
                row.getType(), row.getTitle(), row.getBody(), row.getSubjectType(), row.getSubjectId(),
                Timestamps.toInstant(row.getCreatedAt()), Timestamps.toInstant(row.getReadAt()));
    }
}
