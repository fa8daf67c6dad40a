package dev.coachkit.application.memory;

import dev.coachkit.application.admin.port.out.ExportValues;
import dev.coachkit.application.admin.port.out.TenantDataSource;
import dev.coachkit.domain.community.Comment;
import dev.coachkit.domain.community.Post;
import dev.coachkit.domain.community.Space;
import dev.coachkit.domain.community.SpaceMember;
import dev.coachkit.domain.identity.Account;
import dev.coachkit.domain.identity.Membership;
import dev.coachkit.domain.identity.RefreshFamily;
import dev.coachkit.domain.media.Annotation;
import dev.coachkit.domain.media.MediaAsset;
import dev.coachkit.domain.notification.Notification;
import dev.coachkit.domain.payments.CreditEntry;
import dev.coachkit.domain.payments.Order;
import dev.coachkit.domain.scheduling.Session;
import dev.coachkit.domain.scheduling.WeeklyAvailability;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.TenantId;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A tenant's data for exports, read from the other in-memory stores of the same unit of work. */
public final class InMemoryTenantData implements TenantDataSource {

    /** The in-memory stores an export reads. */
    public record Stores(InMemoryAccounts accounts, InMemoryMemberships memberships, InMemorySpaces spaces,
            InMemorySpaceMembers spaceMembers, InMemoryPosts posts, InMemorySessions sessions,
            InMemoryAvailabilities availabilities, InMemoryNotifications notifications, InMemoryMedia media,
            InMemoryRefreshTokens refreshTokens, InMemoryOrders orders, InMemoryCreditLedger ledger,
            InMemoryAnnotations annotations) {}

    private final Stores stores;

    public InMemoryTenantData(Stores stores) {
        this.stores = stores;
    }

    @Override
    public void stream(TenantId tenant, Optional<AccountId> subject, Section section,
            Consumer<Map<String, Object>> row) {
        rows(tenant, subject, section).forEach(row);
    }

    private Stream<Map<String, Object>> rows(TenantId tenant, Optional<AccountId> subject, Section section) {
        switch (section) {
            case MEMBERS:
                return stores.memberships().rows().stream().filter(m -> concerns(subject, m.accountId()))
                        .sorted(Comparator.comparing(Membership::joinedAt)).map(this::member);
            case SPACES:
                Set<UUID> joined = stores.spaceMembers().rows().stream()
                        .filter(m -> concerns(subject, m.accountId())).map(SpaceMember::spaceId)
                        .collect(Collectors.toSet());
                return stores.spaces().rows().stream().filter(s -> subject.isEmpty() || joined.contains(s.id()))
                        .sorted(Comparator.comparing(Space::createdAt)).map(InMemoryTenantData::space);
            case SPACE_MEMBERS:
                return stores.spaceMembers().rows().stream().filter(m -> concerns(subject, m.accountId()))
                        .sorted(Comparator.comparing(SpaceMember::addedAt))
                        .map(m -> row("spaceId", m.spaceId(), "userId", m.accountId().value(), "role", m.role().name(),
                                "addedAt", m.addedAt()));
            case POSTS:
                return stores.posts().rows().stream().filter(p -> concerns(subject, p.post().authorId()))
                        .sorted(Comparator.comparing(p -> p.post().createdAt()))
                        .map(p -> post(p.post(), p.deletedAt()));
            case COMMENTS:
                return stores.posts().comments().select(c -> concerns(subject, c.authorId())).stream()
                        .sorted(Comparator.comparing(Comment::createdAt))
                        .map(c -> row("id", c.id(), "postId", c.postId(), "authorId", c.authorId().value(),
                                "content", c.content(), "createdAt", c.createdAt()));
            case SESSIONS:
                return stores.sessions().rows().stream()
                        .filter(s -> subject.isEmpty() || s.hasParticipant(subject.get()))
                        .sorted(Comparator.comparing(Session::startsAt)).map(InMemoryTenantData::session);
            case AVAILABILITY:
                return stores.availabilities().rows().stream().filter(a -> concerns(subject, a.coachId()))
                        .flatMap(InMemoryTenantData::slots);
            case NOTIFICATIONS:
                return stores.notifications().rows().stream().filter(n -> concerns(subject, n.recipient()))
                        .sorted(Comparator.comparing(Notification::createdAt)).map(InMemoryTenantData::notification);
            case MEDIA:
                return stores.media().rows().stream().filter(m -> concerns(subject, m.uploader()))
                        .sorted(Comparator.comparing(MediaAsset::createdAt)).map(InMemoryTenantData::media);
            case SIGNED_IN_DEVICES:
                return stores.refreshTokens().familiesIn(tenant).stream()
                        .filter(f -> concerns(subject, f.accountId())).map(InMemoryTenantData::device);
            case ORDERS:
                return stores.orders().rows().stream().filter(o -> concerns(subject, o.buyerId()))
                        .sorted(Comparator.comparing(Order::createdAt).thenComparing(Order::id))
                        .map(InMemoryTenantData::order);
            case CREDIT_LEDGER:
                return stores.ledger().entryRows().stream().filter(e -> concerns(subject, e.accountId()))
                        .sorted(Comparator.comparing(CreditEntry::createdAt).thenComparing(CreditEntry::id))
                        .map(InMemoryTenantData::ledgerEntry);
            case ANNOTATIONS:
                return stores.annotations().rows().stream().filter(a -> concerns(subject, a.authorId()))
                        .sorted(Comparator.comparing(Annotation::createdAt)
                                .thenComparing(annotation -> annotation.id().toString()))
                        .map(InMemoryTenantData::annotation);
            default:
                throw new IllegalArgumentException("no export section " + section);
        }
    }

    private static boolean concerns(Optional<AccountId> subject, AccountId account) {
        return subject.isEmpty() || subject.get().equals(account);
    }

    private Map<String, Object> member(Membership membership) {
        Account account = stores.accounts().findById(membership.accountId()).orElseThrow();
        return row("userId", account.id().value(), "email", account.email().value(),
                "firstName", account.name().firstName(), "lastName", account.name().lastName(),
                "timeZone", account.timeZone().id(), "role", membership.role().name(), "joinedAt", membership.joinedAt());
    }

    private static Map<String, Object> space(Space space) {
        return row("id", space.id(), "name", space.name(), "description", space.description(),
                "isPrivate", space.isPrivate(), "ownerId", space.ownerId().value(), "createdAt", space.createdAt(),
                "updatedAt", space.updatedAt());
    }

    private static Map<String, Object> post(Post post, Instant deletedAt) {
        return row("id", post.id(), "spaceId", post.spaceId(), "authorId", post.authorId().value(),
                "type", post.type().name(), "title", post.title().orElse(null), "content", post.content(),
                "mediaIds", post.mediaIds(), "createdAt", post.createdAt(), "deletedAt", deletedAt);
    }

    private static Map<String, Object> session(Session session) {
        return row("id", session.id(), "coachId", session.coachId().value(),
                "athleteId", session.athleteId().value(), "spaceId", session.spaceId().orElse(null),
                "startsAt", session.startsAt(), "endsAt", session.endsAt(), "status", session.status().name(),
                "notes", session.notes().orElse(null), "cancelReason", session.cancelReason().orElse(null),
                "createdAt", session.createdAt(), "cancelledAt", session.cancelledAt().orElse(null));
    }

    private static Stream<Map<String, Object>> slots(WeeklyAvailability availability) {
        return availability.slots().stream().map(slot -> row("coachId", availability.coachId().value(),
                "timeZone", availability.timeZone().getId(), "dayOfWeek", slot.dayOfWeek().name(),
                "startTime", slot.startTime(), "endTime", slot.endTime(), "updatedAt", availability.updatedAt()));
    }

    private static Map<String, Object> notification(Notification n) {
        return row("id", n.id(), "recipientId", n.recipient().value(), "type", n.type(), "title", n.title(),
                "body", n.body(), "subjectType", n.subjectType(), "subjectId", n.subjectId(),
                "createdAt", n.createdAt(), "readAt", n.readAt());
    }

    private static Map<String, Object> media(MediaAsset asset) {
        return row("id", asset.id(), "uploaderId", asset.uploader().value(), "spaceId", asset.spaceId().orElse(null),
                "fileName", asset.fileName(), "contentType", asset.contentType(), "sizeBytes", asset.sizeBytes(),
                "status", asset.status().name(), "width", asset.metadata().width().orElse(null),
                "height", asset.metadata().height().orElse(null),
                "durationMs", asset.metadata().durationMs().orElse(null), "createdAt", asset.createdAt());
    }

    private static Map<String, Object> device(RefreshFamily family) {
        return row("id", family.id(), "userId", family.accountId().value(), "createdAt", family.createdAt(),
                "lastUsedAt", family.lastUsedAt(), "expiresAt", family.expiresAt(), "revokedAt", family.revokedAt(),
                "ip", family.lastDevice().ip().orElse(null), "userAgent", family.lastDevice().userAgent().orElse(null));
    }

    private static Map<String, Object> order(Order order) {
        return row("id", order.id(), "productId", order.productId(), "buyerId", order.buyerId().value(),
                "buyerEmail", order.buyerEmail().orElse(null), "amountCents", order.amount().minorUnits(),
                "currency", order.amount().currencyCode(), "credits", order.credits(), "status", order.status().name(),
                "paymentReference", order.paymentReference().orElse(null), "sessionId", order.sessionId().orElse(null),
                "createdAt", order.createdAt(), "paidAt", order.paidAt().orElse(null),
                "refundedAt", order.refundedAt().orElse(null));
    }

    private static Map<String, Object> ledgerEntry(CreditEntry entry) {
        return row("id", entry.id(), "accountId", entry.accountId().value(), "lotId", entry.lotId(),
                "delta", entry.delta(), "reason", entry.reason().name(), "orderId", entry.orderId().orElse(null),
                "sessionId", entry.sessionId().orElse(null), "createdAt", entry.createdAt());
    }

    private static Map<String, Object> annotation(Annotation annotation) {
        return row("id", annotation.id(), "mediaId", annotation.mediaId(), "authorId", annotation.authorId().value(),
                "atMs", annotation.atMs(), "endMs", annotation.endMs().orElse(null),
                "text", annotation.text().orElse(null),
                "drawing", annotation.drawing().map(ExportValues::drawing).orElse(null),
                "audioMediaId", annotation.audioMediaId().orElse(null), "createdAt", annotation.createdAt(),
                "updatedAt", annotation.updatedAt());
    }

    /** An ordered row from alternating keys and values; values may be null. */
    private static Map<String, Object> row(Object... keysAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            row.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return row;
    }
}
