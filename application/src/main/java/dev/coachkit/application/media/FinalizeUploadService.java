package dev.coachkit.application.media;

import dev.coachkit.application.media.port.in.FinalizeUploadUseCase;
import dev.coachkit.application.media.port.out.BlobStore;
import dev.coachkit.application.media.port.out.MediaRepository;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.EventOutbox;
import dev.coachkit.application.shared.port.out.IdGenerator;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.media.MediaAsset;
import dev.coachkit.domain.media.MediaStatus;
import dev.coachkit.domain.shared.BusinessRuleException;
import dev.coachkit.domain.shared.ConflictException;
import dev.coachkit.domain.shared.DomainEvent;
import dev.coachkit.domain.shared.InvalidInputException;
import dev.coachkit.domain.shared.NotFoundException;
import dev.coachkit.domain.shared.TenantId;
import java.util.Map;
import java.util.Optional;

/**
 * Completes the upload in storage and trusts only the size storage reports: more than declared, or
 * beyond the quota, and the bytes and the asset are discarded. Otherwise records {@code media.uploaded}.
 */
public final class FinalizeUploadService implements FinalizeUploadUseCase {

    private final UnitOfWork unitOfWork;
    private final MediaRepository media;
    private final BlobStore blobs;
    private final EventOutbox outbox;
    private final IdGenerator ids;
    private final Clock clock;
    private final MediaSettings settings;

    FinalizeUploadService(UnitOfWork unitOfWork, MediaRepository media, BlobStore blobs, EventOutbox outbox,
            IdGenerator ids, Clock clock, MediaSettings settings) {
        this.unitOfWork = unitOfWork;
        this.media = media;
        this.blobs = blobs;
        this.outbox = outbox;
        this.ids = ids;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public MediaAsset finalizeUpload(Command command) {
        TenantId tenant = command.actor().tenantId();
        MediaAsset pending = unitOfWork.inTenant(tenant, () -> uploadersPending(command));
        pending.multipartUploadId().ifPresent(uploadId -> complete(pending, uploadId, command));
        long stored = blobs.size(pending.objectKey())
                .orElseThrow(() -> new ConflictException("nothing has been uploaded for media " + pending.id()));
        Optional<String> refusal = unitOfWork.inTenant(tenant, () -> {
            MediaAsset current = uploadersPending(command);
            long usedByOthers = media.bytesCountedAgainstQuota(tenant) - current.sizeBytes();
            Optional<String> refused = refusal(current, stored, usedByOthers);
            if (refused.isPresent()) {
                media.delete(tenant, current.id());
                return refused;
            }
            MediaAsset uploaded = current.uploaded(stored);
            media.update(uploaded);
            outbox.record(new DomainEvent(ids.newId(), "media.uploaded", tenant, "media", uploaded.id(), clock.now(),
                    Map.of("objectKey", uploaded.objectKey(), "contentType", uploaded.contentType(),
                            "sizeBytes", uploaded.sizeBytes())));
            return Optional.empty();
        });
        if (refusal.isPresent()) {
            blobs.delete(pending.objectKey());
            throw new BusinessRuleException(refusal.get());
        }
        return unitOfWork.inTenant(tenant, () -> media.find(tenant, pending.id())).orElseThrow();
    }

    private Optional<String> refusal(MediaAsset asset, long stored, long usedByOthers) {
        if (stored > asset.sizeBytes()) {
            return Optional.of("the upload has " + stored + " bytes, more than the " + asset.sizeBytes()
                    + " declared; it was discarded");
        }
        if (usedByOthers + stored > settings.tenantQuotaBytes()) {
            return Optional.of("the upload would exceed the organization's media quota of "
                    + settings.tenantQuotaBytes() + " bytes; it was discarded");
        }
        return Optional.empty();
    }

    /** Only the uploader finalizes; to anyone else the upload does not exist. */
    private MediaAsset uploadersPending(Command command) {
        MediaAsset asset = media.find(command.actor().tenantId(), command.mediaId())
                .filter(found -> found.uploader().equals(command.actor().accountId()))
                .orElseThrow(() -> new NotFoundException("media", command.mediaId()));
        if (asset.status() != MediaStatus.PENDING_UPLOAD) {
            throw new ConflictException("media " + asset.id() + " is already " + asset.status());
        }
        if (asset.uploadExpired(clock.now())) {
            throw new ConflictException("the upload of media " + asset.id() + " has expired; request a new one");
        }
        return asset;
    }

    private void complete(MediaAsset asset, String uploadId, Command command) {
        if (command.parts().isEmpty()) {
            throw new InvalidInputException("parts", "must list every uploaded part with its ETag");
        }
        try {
            blobs.completeMultipartUpload(asset.objectKey(), uploadId, command.parts());
        } catch (IllegalArgumentException mismatch) {
            throw new InvalidInputException("parts", mismatch.getMessage());
        }
    }
}
