package dev.coachkit.application.media;

import dev.coachkit.application.audit.AuditTrail;
import dev.coachkit.application.events.EventRecorder;
import dev.coachkit.application.media.port.in.DeleteMediaUseCase;
import dev.coachkit.application.media.port.out.BlobStore;
import dev.coachkit.application.media.port.out.MediaReferences;
import dev.coachkit.application.media.port.out.MediaRepository;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.media.MediaAsset;
import dev.coachkit.domain.media.MediaPolicy;
import dev.coachkit.domain.shared.Actor;
import dev.coachkit.domain.shared.NotFoundException;
import dev.coachkit.domain.shared.PermissionDeniedException;
import dev.coachkit.domain.shared.TenantId;
import java.util.Map;
import java.util.Optional;

/**
 * Deletes the asset's record, records {@code media.deleted} and an audit entry in one unit of work, in which
 * profiles showing it as avatar let go of it — from then on neither the tenant's quota nor the uploader's
 * pending bytes count it — then deletes its
 * bytes: aborts a multipart upload, deletes the staging key, the original and the thumbnail. A pending
 * single-PUT upload's staging key is remembered for the scheduler, since its URL works until it expires.
 */
final class DeleteMediaService implements DeleteMediaUseCase {

    private final UnitOfWork unitOfWork;
    private final MediaRepository media;
    private final MediaReferences references;
    private final VisibleMedia visible;
    private final BlobStore blobs;
    private final EventRecorder events;
    private final AuditTrail audit;
    private final Clock clock;

    DeleteMediaService(UnitOfWork unitOfWork, MediaRepository media, MediaReferences references, VisibleMedia visible,
            BlobStore blobs, EventRecorder events, AuditTrail audit, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.media = media;
        this.references = references;
        this.visible = visible;
        this.blobs = blobs;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public void delete(Command command) {
        Actor actor = command.actor();
        TenantId tenant = actor.tenantId();
        MediaAsset deleted = unitOfWork.inTenant(tenant, () -> {
            MediaAsset asset = media.find(tenant, command.mediaId())
                    .orElseThrow(() -> new NotFoundException("media", command.mediaId()));
            if (!MediaPolicy.mayDelete(actor, asset)) {
                visible.require(actor, asset.id()); // 404 to whoever cannot even see it
                throw new PermissionDeniedException("only the uploader or an ADMIN deletes media");
            }
            if (!media.delete(tenant, asset.id())) {
                throw new NotFoundException("media", asset.id()); // deleted concurrently
            }
            references.assetDeleted(asset.id());
            MediaBytes.rememberUnrevokedStaging(media, asset);
            Map<String, Object> facts = Map.of("status", asset.status().name(), "sizeBytes", asset.sizeBytes());
            events.record(asset.deleted(clock.now()));
            audit.record(tenant, "media.deleted", Optional.of(actor.accountId()), "media", asset.id(),
                    command.clientIp(), facts);
            return asset;
        });
        // after the commit; a single-PUT URL still works, so the scheduler empties the staging key again once
        // it expired (remembered above)
        MediaBytes.deleteAll(blobs, deleted);
    }
}
