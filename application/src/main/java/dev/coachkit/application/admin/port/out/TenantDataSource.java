package dev.coachkit.application.admin.port.out;

import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.TenantId;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads a tenant's data for a GDPR export, one section at a time and one row at a time, so that
 * an export of a large tenant never holds it in memory. Rows are ordered maps with camelCase keys
 * whose values are JSON-ready: {@code null}, String, Boolean, Number, UUID, Instant, LocalTime, or a
 * List of those; a drawing is the nested map {@link ExportValues#drawing} makes.
 */
public interface TenantDataSource {

    /** What the archive holds, one JSON file per section. */
    enum Section {
        /** The members' accounts and memberships: userId, email, firstName, lastName, role, joinedAt. */
        MEMBERS,
        /** Spaces: id, name, description, isPrivate, ownerId, createdAt, updatedAt. */
        SPACES,
        /** Space memberships: spaceId, userId, role, addedAt. */
        SPACE_MEMBERS,
        /** Posts, deleted ones included: id, spaceId, authorId, type, title, content, mediaIds, createdAt, deletedAt. */
        POSTS,
        /** Comments: id, postId, authorId, content, createdAt. */
        COMMENTS,
        /** Sessions: id, coachId, athleteId, spaceId, startsAt, endsAt, status, notes, cancelReason, createdAt, cancelledAt. */
        SESSIONS,
        /** Weekly availability, one row per slot: coachId, timeZone, dayOfWeek, startTime, endTime, updatedAt. */
        AVAILABILITY,
        /** Notifications: id, recipientId, type, title, body, subjectType, subjectId, createdAt, readAt. */
        NOTIFICATIONS,
        /** Media metadata: id, uploaderId, spaceId, fileName, contentType, sizeBytes, status, width, height, durationMs, createdAt. */
        MEDIA,
        /**
         * Signed-in devices: the sessions (refresh-token families) signed in to the tenant, revoked ones
         * until they expire: id, userId, createdAt, lastUsedAt, expiresAt, revokedAt, ip, userAgent.
         */
        SIGNED_IN_DEVICES,
        /**
         * Orders, kept as financial records (the buyer's e-mail is gone once they were erased): id, productId,
         * buyerId, buyerEmail, amountCents, currency, credits, status, paymentReference, sessionId, createdAt,
         * paidAt, refundedAt.
         */
        ORDERS,
        /**
         * The credit ledger, every movement of an account's credits: id, accountId, lotId, delta, reason, orderId,
         * sessionId, createdAt.
         */
        CREDIT_LEDGER,
        /**
         * Video review annotations: id, mediaId, authorId, atMs, endMs, text, drawing, audioMediaId, createdAt,
         * updatedAt.
         */
        ANNOTATIONS
    }

    /**
     * Hands each row of {@code section} to {@code row}, in a stable order, inside the running unit of
     * work of {@code tenant}. With a {@code subject} only what concerns that member: their account and
     * membership, the spaces they belong to and their memberships of them, what they authored or
     * uploaded, their sessions (as coach or athlete), availability, notifications, signed-in devices, the
     * orders they placed as buyer, their credit ledger and the annotations they wrote.
     */
    void stream(TenantId tenant, Optional<AccountId> subject, Section section, Consumer<Map<String, Object>> row);
}
