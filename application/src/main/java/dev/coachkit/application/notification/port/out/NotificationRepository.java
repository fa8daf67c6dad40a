package dev.coachkit.application.notification.port.out;

import dev.coachkit.domain.notification.Notification;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.Page;
import dev.coachkit.domain.shared.PageRequest;
import dev.coachkit.domain.shared.TenantId;
import java.time.Instant;
import java.util.UUID;

/** Members' in-app notifications, per tenant. */
public interface NotificationRepository {

    void add(Notification notification);

    /** The recipient's notifications, newest first, keyset-paginated on (createdAt, id). */
    Page<Notification> listFor(TenantId tenant, AccountId recipient, boolean unreadOnly, PageRequest page);

    /** Marks it read if it exists and belongs to the recipient; false otherwise. Reading twice is harmless. */
    boolean markRead(TenantId tenant, UUID id, AccountId recipient, Instant at);
}
