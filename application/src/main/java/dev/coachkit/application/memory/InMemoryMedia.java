package dev.coachkit.application.memory;

import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.application.media.port.out.MediaRepository;
import dev.coachkit.domain.media.MediaAsset;
import dev.coachkit.domain.media.MediaStatus;
import dev.coachkit.domain.shared.Page;
import dev.coachkit.domain.shared.PageRequest;
import dev.coachkit.domain.shared.TenantId;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Media assets per tenant in an {@link InMemoryTable}. */
public final class InMemoryMedia implements MediaRepository {

    private final InMemoryUnitOfWork unitOfWork;
    private final InMemoryTable<UUID, MediaAsset> assets;
    /** The staging_cleared column: assets whose staging key was cleared after their URLs expired. */
    private final InMemoryTable<UUID, LeftoverStaging> clearedStaging;
    /** The cancelled_uploads table: deleted pending single-PUT uploads whose staging key awaits the sweep. */
    private final InMemoryTable<UUID, Cancelled> cancelled;
    /** Assets a running unit of work has transitioned, and which: the row locks PostgreSQL holds until commit. */
    private final Map<UUID, InMemoryUnitOfWork.Transaction> locks = new HashMap<>();

    public InMemoryMedia(InMemoryUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
        this.assets = InMemoryTable.perTenant(unitOfWork, MediaAsset::tenantId);
        this.clearedStaging = InMemoryTable.perTenant(unitOfWork, LeftoverStaging::tenantId);
        this.cancelled = InMemoryTable.perTenant(unitOfWork, Cancelled::tenantId);
    }

    /** Bytes of the unit's tenant's media, pending uploads included. */
    long storedBytes() {
        return assets.select(asset -> true).stream().mapToLong(MediaAsset::sizeBytes).sum();
    }

    @Override
    public void add(MediaAsset asset) {
        if (assets.get(asset.id()).isPresent()) {
            throw new IllegalStateException("media " + asset.id() + " exists already");
        }
        assets.put(asset.id(), asset);
    }

    @Override
    public Optional<MediaAsset> find(TenantId tenant, UUID id) {
        return assets.get(id);
    }

    @Override
    public boolean transition(MediaAsset changed, MediaStatus from) {
        InMemoryUnitOfWork.Transaction transaction = unitOfWork.current();
        synchronized (locks) {
            InMemoryUnitOfWork.Transaction holder = locks.get(changed.id());
            // unlike PostgreSQL, a racing transition does not wait for the holder's outcome: it fails at once
            if (holder != null && holder != transaction
                    || !assets.get(changed.id()).map(stored -> stored.status() == from).orElse(false)) {
                return false;
            }
            if (holder == null) {
                locks.put(changed.id(), transaction);
                Runnable release = () -> {
                    synchronized (locks) {
                        locks.remove(changed.id());
                    }
                };
                transaction.afterCommit(release);
                transaction.afterRollback(release);
            }
        }
        assets.put(changed.id(), changed);
        return true;
    }

    @Override
    public Page<MediaAsset> listByUploader(TenantId tenant, AccountId uploader, Optional<MediaStatus> status,
            PageRequest page) {
        List<MediaAsset> fetched = assets.select(asset -> asset.uploader().equals(uploader)
                        && status.map(wanted -> asset.status() == wanted).orElse(true)
                        && page.after().map(cursor -> positionOf(asset).compareTo(KeysetPosition.of(cursor)) < 0)
                                .orElse(true))
                .stream().sorted(Comparator.comparing(InMemoryMedia::positionOf).reversed())
                .limit(page.limit() + 1L).toList();
        return Page.fromLookahead(fetched, page.limit(), asset -> positionOf(asset).toCursor());
    }

    private static KeysetPosition positionOf(MediaAsset asset) {
        return new KeysetPosition(asset.createdAt(), asset.id());
    }

    @Override
    public boolean delete(TenantId tenant, UUID id) {
        clearedStaging.remove(id);
        return assets.remove(id);
    }

    @Override
    public long bytesCountedAgainstQuota(TenantId tenant) {
        return assets.select(asset -> true).stream().mapToLong(MediaAsset::sizeBytes).sum();
    }

    @Override
    public QuotaUsage quotaUsage(TenantId tenant, AccountId member) {
        List<MediaAsset> all = assets.select(asset -> true);
        return new QuotaUsage(all.stream().mapToLong(MediaAsset::sizeBytes).sum(), all.stream()
                .filter(asset -> asset.status() == MediaStatus.PENDING_UPLOAD && asset.uploader().equals(member))
                .mapToLong(MediaAsset::sizeBytes).sum());
    }

    @Override
    public List<MediaAsset> findAll(TenantId tenant, Collection<UUID> ids) {
        return ids.stream().distinct().map(assets::get).flatMap(Optional::stream).toList();
    }

    @Override
    public List<ExpiredUpload> expiredUploads(Instant now, int limit) {
        return assets.selectAcrossTenants(asset -> asset.uploadExpired(now)).stream().limit(limit)
                .map(asset -> new ExpiredUpload(asset.tenantId(), asset.id())).toList();
    }

    /** Deletes the records of every asset the account uploaded in the unit's tenant; answers them. */
    List<MediaAsset> removeUploadedBy(AccountId uploader) {
        List<MediaAsset> uploaded = assets.select(asset -> asset.uploader().equals(uploader));
        uploaded.forEach(asset -> assets.remove(asset.id()));
        return uploaded;
    }

    @Override
    public List<LeftoverStaging> leftoverStaging(Instant cutoff, int limit) {
        List<UUID> cleared = clearedStaging.selectAcrossTenants(row -> true).stream().map(LeftoverStaging::mediaId)
                .toList();
        return assets.selectAcrossTenants(asset -> asset.status() != MediaStatus.PENDING_UPLOAD
                        && !asset.uploadExpiresAt().isAfter(cutoff) && !cleared.contains(asset.id()))
                .stream().limit(limit).map(asset -> new LeftoverStaging(asset.tenantId(), asset.id())).toList();
    }

    @Override
    public void stagingCleared(TenantId tenant, UUID id) {
        if (assets.get(id).isPresent()) {
            clearedStaging.put(id, new LeftoverStaging(tenant, id));
        }
    }

    @Override
    public void uploadCancelled(TenantId tenant, UUID id, Instant uploadExpiresAt) {
        if (cancelled.get(id).isEmpty()) {
            cancelled.put(id, new Cancelled(tenant, id, uploadExpiresAt));
        }
    }

    @Override
    public List<CancelledUpload> cancelledUploads(Instant cutoff, int limit) {
        return cancelled.selectAcrossTenants(row -> !row.uploadExpiresAt().isAfter(cutoff)).stream()
                .sorted(Comparator.comparing(Cancelled::uploadExpiresAt)).limit(limit)
                .map(row -> new CancelledUpload(row.tenantId(), row.mediaId())).toList();
    }

    @Override
    public void cancelledUploadCleared(TenantId tenant, UUID id) {
        cancelled.remove(id);
    }

    /** A row of cancelled_uploads. */
    private record Cancelled(TenantId tenantId, UUID mediaId, Instant uploadExpiresAt) {}

    @Override
    public List<StalledProcessing> stalledProcessing(Instant cutoff, int limit) {
        return assets.selectAcrossTenants(asset -> asset.processingStalled(cutoff)).stream().limit(limit)
                .map(asset -> new StalledProcessing(asset.tenantId(), asset.id())).toList();
    }

    /** Every media asset the running unit of work sees, for exports. */
    List<MediaAsset> rows() {
        return assets.select(row -> true);
    }
}
