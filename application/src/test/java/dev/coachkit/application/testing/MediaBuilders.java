package dev.coachkit.application.testing;

import static dev.coachkit.application.testing.IdentityBuilders.T0;

import dev.coachkit.domain.media.MediaAsset;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Test data for media, with valid defaults and readable, unique ids. */
public final class MediaBuilders {

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private MediaBuilders() {}

    public static MediaAssetBuilder aPendingUpload() {
        return new MediaAssetBuilder();
    }

    /** Builds a PENDING_UPLOAD image of 1 KiB, uploaded by ALICE in ACME at T0, valid for an hour. */
    public static final class MediaAssetBuilder {
        private UUID id = new UUID(0x3ED1_A000_0000_4000L, 0x8000_0000_0000_0000L | SEQUENCE.incrementAndGet());
        private TenantId tenant = TestTenants.ACME;
        private AccountId uploader = TestTenants.ALICE;
        private Optional<UUID> spaceId = Optional.empty();
        private String contentType = "image/png";
        private long sizeBytes = 1024;
        private Optional<String> multipartUploadId = Optional.empty();
        private Instant createdAt = T0;
        private Duration validity = Duration.ofHours(1);

        private MediaAssetBuilder() {}

        public MediaAssetBuilder inTenant(TenantId tenant) {
            this.tenant = tenant;
            return this;
        }

        public MediaAssetBuilder uploadedBy(AccountId uploader) {
            this.uploader = uploader;
            return this;
        }

        public MediaAssetBuilder inSpace(UUID spaceId) {
            this.spaceId = Optional.of(spaceId);
            return this;
        }

        public MediaAssetBuilder ofType(String contentType) {
            this.contentType = contentType;
            return this;
        }

        public MediaAssetBuilder ofSize(long sizeBytes) {
            this.sizeBytes = sizeBytes;
            return this;
        }

        public MediaAssetBuilder inMultipartUpload(String uploadId) {
            this.multipartUploadId = Optional.of(uploadId);
            return this;
        }

        public MediaAssetBuilder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        public MediaAssetBuilder validFor(Duration validity) {
            this.validity = validity;
            return this;
        }

        public MediaAsset build() {
            return MediaAsset.requestUpload(id, tenant, uploader, spaceId, "clip-" + id + ".png", contentType,
                    sizeBytes, multipartUploadId, createdAt, createdAt.plus(validity));
        }
    }
}
