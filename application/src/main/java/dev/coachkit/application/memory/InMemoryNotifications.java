package dev.coachkit.application.memory;

import dev.coachkit.application.notification.port.out.NotificationRepository;
import dev.coachkit.domain.notification.Notification;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.Cursor;
import dev.coachkit.domain.shared.Page;
import dev.coachkit.domain.shared.PageRequest;
import dev.coachkit.domain.shared.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Comparator;
import java.util.UUID;

/** Notifications per tenant in an {@link InMemoryTable}, newest first. */
public final class InMemoryNotifications implements NotificationRepository {

    private static final Comparator<Notification> NEWEST_FIRST =
            Comparator.comparing(Notification::createdAt).thenComparing(Notification::id).reversed();

    private final InMemoryTable<UUID, Notification> notifications;

    public InMemoryNotifications(InMemoryUnitOfWork unitOfWork) {
        this.notifications = InMemoryTable.perTenant(unitOfWork, Notification::tenantId);
    }

    @Override
    public void add(Notification notification) {
        notifications.put(notification.id(), notification);
    }

    @Override
    public Page<Notification> listFor(TenantId tenant, AccountId recipient, boolean unreadOnly, PageRequest page) {
        var fetched = notifications.select(n -> n.recipient().equals(recipient) && (!unreadOnly || !n.isRead())
                        && page.after().map(cursor -> isAfter(n, cursor)).orElse(true))
                .stream().sorted(NEWEST_FIRST).limit(page.limit() + 1L).toList();
        return Page.fromLookahead(fetched, page.limit(), n -> Cursor.of(n.createdAt().toString(), n.id().toString()));
    }

    @Override
    public boolean markRead(TenantId tenant, UUID id, AccountId recipient, Instant at) {
        return notifications.get(id).filter(n -> n.recipient().equals(recipient)).map(n -> {
            if (!n.isRead()) {
                notifications.put(id, new Notification(n.id(), n.tenantId(), n.recipient(), n.type(), n.title(),
                        n.body(), n.subjectType(), n.subjectId(), n.createdAt(), at));
            }
            return true;
        }).orElse(false);
    }

    private static boolean isAfter(Notification notification, Cursor cursor) {
        Instant createdAt = cursor.instantKey(0);
        UUID id = cursor.uuidKey(1);
        int byTime = notification.createdAt().compareTo(createdAt);
        return byTime < 0 || (byTime == 0 && notification.id().compareTo(id) < 0);
    }

    /** Deletes every notification of the recipient in the unit's tenant. */
    void removeFor(AccountId recipient) {
        notifications.select(n -> n.recipient().equals(recipient)).forEach(n -> notifications.remove(n.id()));
    }

    /** Every notification the running unit of work sees, for exports. */
    List<Notification> rows() {
        return notifications.select(row -> true);
    }
}
