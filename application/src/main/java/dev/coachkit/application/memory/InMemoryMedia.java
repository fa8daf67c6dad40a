package dev.coachkit.application.memory;

import dev.coachkit.application.media.port.out.MediaRepository;
import dev.coachkit.domain.media.MediaAsset;
import dev.coachkit.domain.shared.TenantId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Media assets per tenant in an {@link InMemoryTable}. */
public final class InMemoryMedia implements MediaRepository {

    private final InMemoryTable<UUID, MediaAsset> assets;

    public InMemoryMedia(InMemoryUnitOfWork unitOfWork) {
        this.assets = InMemoryTable.perTenant(unitOfWork, MediaAsset::tenantId);
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
    public void update(MediaAsset asset) {
        if (assets.get(asset.id()).isEmpty()) {
            throw new IllegalStateException("media " + asset.id() + " does not exist");
        }
        assets.put(asset.id(), asset);
    }

    @Override
    public void delete(TenantId tenant, UUID id) {
        assets.remove(id);
    }

    @Override
    public long bytesCountedAgainstQuota(TenantId tenant) {
        return assets.select(asset -> true).stream().mapToLong(MediaAsset::sizeBytes).sum();
    }

    @Override
    public Set<UUID> existing(TenantId tenant, Collection<UUID> ids) {
        return ids.stream().filter(id -> assets.get(id).isPresent()).collect(Collectors.toSet());
    }

    @Override
    public List<ExpiredUpload> expiredUploads(Instant now, int limit) {
        return assets.selectAcrossTenants(asset -> asset.uploadExpired(now)).stream().limit(limit)
                .map(asset -> new ExpiredUpload(asset.tenantId(), asset.id())).toList();
    }

    /** Every media asset the running unit of work sees, for exports. */
    List<MediaAsset> rows() {
        return assets.select(row -> true);
    }
}
