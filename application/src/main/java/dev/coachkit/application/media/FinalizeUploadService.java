package dev.coachkit.application.media;

import dev.coachkit.application.events.EventRecorder;
import dev.coachkit.application.media.port.in.FinalizeUploadUseCase;
import dev.coachkit.application.media.port.out.BlobStore;
import dev.coachkit.application.media.port.out.MediaRepository;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.media.MediaAsset;
import dev.coachkit.domain.media.MediaStatus;
import dev.coachkit.domain.shared.BusinessRuleException;
import dev.coachkit.domain.shared.ConflictException;
import dev.coachkit.domain.shared.InvalidInputException;
import dev.coachkit.domain.shared.NotFoundException;
import dev.coachkit.domain.shared.TenantId;
import java.util.Optional;

/**
 * Completes the upload in storage, moves it from the staging key the client's URLs point at to the
 * asset's object key, and trusts only the size storage then reports: more than declared, or beyond
 * the quota, and the bytes and the asset are discarded. Otherwise records {@code media.uploaded}.
 */
public final class FinalizeUploadService implements FinalizeUploadUseCase {

    private final UnitOfWork unitOfWork;
    private final MediaRepository media;
    private final BlobStore blobs;
    private final EventRecorder events;
    private final Clock clock;
    private final MediaSettings settings;

    FinalizeUploadService(UnitOfWork unitOfWork, MediaRepository media, BlobStore blobs, EventRecorder events,
            Clock clock, MediaSettings settings) {
        this.unitOfWork = unitOfWork;
        this.media = media;
        this.blobs = blobs;
        this.events = events;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public MediaAsset finalizeUpload(Command command) {
        TenantId tenant = command.actor().tenantId();
        MediaAsset pending = unitOfWork.inTenant(tenant, () -> uploadersPending(command));
        pending.multipartUploadId().ifPresentOrElse(uploadId -> complete(pending, uploadId, command),
                () -> requireNoParts(command));
        Optional<String> refusal = unitOfWork.inTenant(tenant, () -> {
            // the quota lock comes first: from here on the tenant's finalizes run one at a time
            long counted = media.bytesCountedAgainstQuota(tenant);
            MediaAsset current = uploadersPending(command);
            // move before measuring: the client's upload URLs reach only the staging key, so the bytes
            // measured here are the bytes kept, whatever is PUT to those URLs later
            blobs.move(current.stagingKey(), current.objectKey());
            long stored = blobs.size(current.objectKey())
                    .orElseThrow(() -> new ConflictException("nothing has been uploaded for media " + current.id()));
            Optional<String> refused = refusal(current, stored, counted - current.sizeBytes());
            if (refused.isPresent()) {
                media.delete(tenant, current.id());
                // its single-PUT URL still works: the scheduler empties the staging key once it expired
                MediaBytes.rememberUnrevokedStaging(media, current);
                return refused;
            }
            MediaAsset uploaded = current.uploaded(stored, clock.now());
            if (!media.transition(uploaded, MediaStatus.PENDING_UPLOAD)) {
                throw new ConflictException("media " + current.id() + " was finalized by another request");
            }
            events.record(uploaded.uploadFinished());
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

    /** An upload given one PUT URL has no parts: parts sent for it are invented, and a sign of a confused client. */
    private static void requireNoParts(Command command) {
        if (!command.parts().isEmpty()) {
            throw new InvalidInputException("parts", "must be empty or absent: this upload was given a single PUT "
                    + "URL, not part URLs");
        }
    }

    private void complete(MediaAsset asset, String uploadId, Command command) {
        if (command.parts().isEmpty()) {
            throw new InvalidInputException("parts", "must list every uploaded part with its ETag");
        }
        blobs.completeMultipartUpload(asset.stagingKey(), uploadId, command.parts().stream()
                .map(part -> new BlobStore.UploadedPart(part.partNumber(), part.etag())).toList());
    }
}
