package dev.coachkit.application.media.port.out;

import dev.coachkit.domain.media.MediaAsset;
import dev.coachkit.domain.media.MediaStatus;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.Page;
import dev.coachkit.domain.shared.PageRequest;
import dev.coachkit.domain.shared.TenantId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Media assets of a tenant, and the few facts about them the rest of the core asks for. */
public interface MediaRepository {

    /** An upload whose URLs expired before it was finalized: the only cross-tenant read, ids only. */
    record ExpiredUpload(TenantId tenantId, UUID mediaId) {}

    /** A finalized asset whose upload URLs expired while its staging key may still hold bytes PUT after finalize. */
    record LeftoverStaging(TenantId tenantId, UUID mediaId) {}

    /**
     * A pending single-PUT upload whose record was deleted while its URL, which storage cannot revoke, still
     * worked: its staging key must be emptied once that URL expired. A cross-tenant read, ids only.
     */
    record CancelledUpload(TenantId tenantId, UUID mediaId) {}

    /** An asset PROCESSING since too long (its event was lost or parked): a cross-tenant read, ids only. */
    record StalledProcessing(TenantId tenantId, UUID mediaId) {}

    /**
     * What a new upload is checked against: the bytes of all the tenant's media (pending uploads at their
     * declared size) and the declared bytes of the member's own uploads still PENDING_UPLOAD.
     */
    record QuotaUsage(long tenantBytes, long memberPendingBytes) {}

    void add(MediaAsset asset);

    Optional<MediaAsset> find(TenantId tenant, UUID id);

    /**
     * Stores the asset's new state if its stored status is still {@code from}; answers false, storing
     * nothing, when it is not (another unit of work moved it first). Until the unit of work ends no
     * other can move the asset out of {@code from}, so of two racing transitions exactly one succeeds.
     */
    boolean transition(MediaAsset changed, MediaStatus from);

    /** Deletes the asset's record; answers false when there was none (already deleted by another unit of work). */
    boolean delete(TenantId tenant, UUID id);

    /**
     * Bytes the tenant's assets hold against its quota (pending uploads at their declared size). Holds
     * the tenant's quota lock until the unit of work ends, so concurrent checks cannot both pass.
     */
    long bytesCountedAgainstQuota(TenantId tenant);

    /**
     * The tenant's bytes against its quota and the declared bytes of {@code member}'s pending uploads, in
     * one read. Holds the tenant's quota lock until the unit of work ends, as
     * {@link #bytesCountedAgainstQuota} does, so concurrent intents cannot both pass either limit.
     */
    QuotaUsage quotaUsage(TenantId tenant, AccountId member);

    /**
     * The media {@code uploader} uploaded, in any status or only in {@code status}, newest first by
     * (createdAt, id); the cursor holds those two keys.
     */
    Page<MediaAsset> listByUploader(TenantId tenant, AccountId uploader, Optional<MediaStatus> status,
            PageRequest page);

    /** The media of the tenant among {@code ids}, in one read (e.g. to check a post's {@code mediaIds}). */
    List<MediaAsset> findAll(TenantId tenant, Collection<UUID> ids);

    /** Pending uploads of every tenant that expired at or before {@code now}, at most {@code limit}. */
    List<ExpiredUpload> expiredUploads(Instant now, int limit);

    /**
     * Finalized assets of every tenant whose upload URLs expired at or before {@code cutoff} and whose
     * staging key was not cleared yet, at most {@code limit}: a cross-tenant read, ids only.
     */
    List<LeftoverStaging> leftoverStaging(Instant cutoff, int limit);

    /** Records that nothing can be left under the asset's staging key any more. */
    void stagingCleared(TenantId tenant, UUID id);

    /**
     * Remembers, in the unit of work deleting the record of the pending single-PUT upload {@code id}, that its
     * staging key can receive bytes until {@code uploadExpiresAt}. Remembering it twice changes nothing.
     */
    void uploadCancelled(TenantId tenant, UUID id, Instant uploadExpiresAt);

    /**
     * Cancelled uploads of every tenant whose URL expired at or before {@code cutoff} and whose staging key
     * was not cleared yet, at most {@code limit}: a cross-tenant read, ids only.
     */
    List<CancelledUpload> cancelledUploads(Instant cutoff, int limit);

    /** Forgets the cancelled upload {@code id}: its staging key was emptied after its URL expired. */
    void cancelledUploadCleared(TenantId tenant, UUID id);

    /** Assets of every tenant PROCESSING since {@code cutoff} or earlier, at most {@code limit}. */
    List<StalledProcessing> stalledProcessing(Instant cutoff, int limit);
}
