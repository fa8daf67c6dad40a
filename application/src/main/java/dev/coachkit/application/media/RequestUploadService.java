package dev.coachkit.application.media;

import dev.coachkit.application.media.port.in.RequestUploadUseCase;
import dev.coachkit.application.media.port.out.BlobStore;
import dev.coachkit.application.media.port.out.MediaRepository;
import dev.coachkit.application.media.port.out.MediaRepository.QuotaUsage;
import dev.coachkit.application.media.port.out.MediaAudience;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.IdGenerator;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.media.MediaAsset;
import dev.coachkit.domain.media.MediaKind;
import dev.coachkit.domain.shared.BusinessRuleException;
import dev.coachkit.domain.shared.ContentTooLargeException;
import dev.coachkit.domain.shared.InvalidInputException;
import dev.coachkit.domain.shared.NotFoundException;
import dev.coachkit.domain.shared.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Checks type, size, the member's pending bytes and the tenant's quota, creates the pending asset and
 * presigns the URLs its bytes go to.
 */
public final class RequestUploadService implements RequestUploadUseCase {

    private final UnitOfWork unitOfWork;
    private final MediaRepository media;
    private final BlobStore blobs;
    private final MediaAudience audience;
    private final IdGenerator ids;
    private final Clock clock;
    private final MediaSettings settings;

    RequestUploadService(UnitOfWork unitOfWork, MediaRepository media, BlobStore blobs, MediaAudience audience,
            IdGenerator ids, Clock clock, MediaSettings settings) {
        this.unitOfWork = unitOfWork;
        this.media = media;
        this.blobs = blobs;
        this.audience = audience;
        this.ids = ids;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public UploadIntent requestUpload(Command command) {
        MediaKind.of(command.contentType());
        MediaAsset.checkedFileName(command.fileName());
        if (command.sizeBytes() <= 0) {
            throw new InvalidInputException("sizeBytes", "must be positive");
        }
        if (command.sizeBytes() > settings.maxFileBytes()) {
            throw new ContentTooLargeException("a file may have at most " + settings.maxFileBytes() + " bytes, not "
                    + command.sizeBytes());
        }
        command.spaceId().filter(space -> !audience.canReadSpace(command.actor(), space)).ifPresent(space -> {
            throw new NotFoundException("space", space);
        });
        TenantId tenant = command.actor().tenantId();
        UUID id = ids.newId();
        Instant now = clock.now();
        Instant expiresAt = now.plus(settings.uploadUrlValidity());
        int partCount = settings.partCount(command.sizeBytes());
        String key = MediaAsset.stagingKey(tenant, id);
        // storage first: a multipart upload left behind by a refused intent is aborted below
        Optional<String> uploadId = partCount == 1 ? Optional.empty()
                : Optional.of(blobs.startMultipartUpload(key, MediaKind.normalized(command.contentType())));
        MediaAsset asset = MediaAsset.requestUpload(id, tenant, command.actor().accountId(), command.spaceId(),
                command.fileName(), command.contentType(), command.sizeBytes(), uploadId, now, expiresAt);
        try {
            unitOfWork.runInTenant(tenant, () -> {
                QuotaUsage usage = media.quotaUsage(tenant, command.actor().accountId());
                // the member's own limit first: it is the one the member can free (finish or cancel an upload)
                if (usage.memberPendingBytes() + command.sizeBytes() > settings.pendingBytesPerMember()) {
                    throw new BusinessRuleException("the limit of " + settings.pendingBytesPerMember()
                            + " bytes of unfinished uploads per member would be exceeded: " + usage.memberPendingBytes()
                            + " bytes of your uploads are declared and not finalized; finalize or delete some first");
                }
                if (usage.tenantBytes() + command.sizeBytes() > settings.tenantQuotaBytes()) {
                    throw new BusinessRuleException("the organization's media quota of " + settings.tenantQuotaBytes()
                            + " bytes would be exceeded: " + usage.tenantBytes() + " bytes are stored or pending");
                }
                media.add(asset);
            });
        } catch (RuntimeException refused) {
            uploadId.ifPresent(upload -> blobs.abortMultipartUpload(key, upload));
            throw refused;
        }
        return new UploadIntent(asset, settings.partSize(), urls(asset, partCount, expiresAt), expiresAt);
    }

    private List<PartUrl> urls(MediaAsset asset, int partCount, Instant expiresAt) {
        if (asset.multipartUploadId().isEmpty()) {
            return List.of(new PartUrl(1, blobs.presignPut(asset.stagingKey(), asset.sizeBytes(), expiresAt)));
        }
        String uploadId = asset.multipartUploadId().get();
        List<PartUrl> parts = new ArrayList<>(partCount);
        for (int part = 1; part <= partCount; part++) {
            parts.add(new PartUrl(part, blobs.presignPartUpload(asset.stagingKey(), uploadId, part, expiresAt)));
        }
        return parts;
    }
}
