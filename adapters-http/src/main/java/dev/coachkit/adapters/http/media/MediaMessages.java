package dev.coachkit.adapters.http.media;

import dev.coachkit.application.media.port.in.GetMediaUseCase.MediaView;
import dev.coachkit.application.media.port.in.GetPlaybackUrlUseCase.PlaybackUrl;
import dev.coachkit.application.media.port.in.RequestUploadUseCase.UploadIntent;
import dev.coachkit.domain.media.MediaAsset;
import dev.coachkit.domain.shared.Cursor;
import dev.coachkit.domain.shared.Page;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The JSON bodies of the Media endpoints. */
final class MediaMessages {

    private MediaMessages() {}

    /** {@code POST /media/upload-intent}. */
    record UploadIntentRequest(
            @NotBlank @Size(max = 255) String fileName,
            @NotBlank @Size(max = 100) String contentType,
            @NotNull Long sizeBytes,
            UUID spaceId) {}

    /** One uploaded part and the ETag storage answered for it. */
    record PartRequest(@NotNull @Min(1) @Max(10_000) Integer partNumber, @NotBlank @Size(max = 200) String etag) {}

    /** {@code POST /media/{id}/finalize}; the parts are required for a multipart upload only. */
    record FinalizeRequest(@Size(max = 10_000) List<@NotNull @Valid PartRequest> parts) {}

    /** Where to PUT one part. */
    record PartUrlResponse(int partNumber, String url) {}

    /** The pending asset's id and the presigned URLs of its parts. */
    record UploadIntentResponse(UUID mediaId, long partSize, List<PartUrlResponse> parts, Instant expiresAt) {
        static UploadIntentResponse from(UploadIntent intent) {
            return new UploadIntentResponse(intent.asset().id(), intent.partSize(), intent.parts().stream()
                    .map(part -> new PartUrlResponse(part.partNumber(), part.url().toString())).toList(),
                    intent.expiresAt());
        }
    }

    /** A media asset as the Media endpoints answer with it. */
    record MediaResponse(UUID id, String status, String fileName, String contentType, long sizeBytes,
            @Nullable Integer width, @Nullable Integer height, @Nullable Long durationMs, @Nullable String thumbnailUrl,
            @Nullable String failureReason, Instant createdAt) {

        static MediaResponse from(MediaAsset asset, Optional<URI> thumbnailUrl) {
            return new MediaResponse(asset.id(), asset.status().name(), asset.fileName(), asset.contentType(),
                    asset.sizeBytes(), asset.metadata().width().orElse(null), asset.metadata().height().orElse(null),
                    asset.metadata().durationMs().orElse(null), thumbnailUrl.map(URI::toString).orElse(null),
                    asset.failureReason().orElse(null), asset.createdAt());
        }

        static MediaResponse from(MediaView view) {
            return from(view.asset(), view.thumbnailUrl());
        }
    }

    /** A page of media, newest first; {@code nextCursor} fetches the next one. */
    record MediaPage(List<MediaResponse> items, @Nullable String nextCursor) {
        static MediaPage from(Page<MediaView> page) {
            return new MediaPage(page.items().stream().map(MediaResponse::from).toList(),
                    page.next().map(Cursor::encode).orElse(null));
        }
    }

    /** A presigned, short-lived URL to the asset's bytes. */
    record PlaybackUrlResponse(String url, Instant expiresAt) {
        static PlaybackUrlResponse from(PlaybackUrl playback) {
            return new PlaybackUrlResponse(playback.url().toString(), playback.expiresAt());
        }
    }
}
