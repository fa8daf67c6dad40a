package dev.coachkit.application.media.port.out;

import dev.coachkit.domain.media.MediaKind;
import dev.coachkit.domain.media.MediaMetadata;
import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;

/** Looks inside uploaded content: its metadata and a JPEG thumbnail (a poster frame for videos, none for audio). */
public interface MediaProbe {

    /**
     * What probing found: metadata and a thumbnail, or why the content cannot be used. A failure has a
     * {@code failure} shown to clients — a plain, fixed sentence — and may have a {@code detail} for the
     * server's log only: what a decoder or ffmpeg said, which can name memory addresses, paths or versions.
     */
    record Result(Optional<MediaMetadata> metadata, Optional<byte[]> thumbnailJpeg, Optional<String> failure,
            Optional<String> detail) {

        public Result {
            Objects.requireNonNull(metadata, "metadata");
            Objects.requireNonNull(thumbnailJpeg, "thumbnailJpeg");
            Objects.requireNonNull(detail, "detail");
            if (metadata.isPresent() == failure.isPresent()) {
                throw new IllegalArgumentException("a probe result is either readable or a failure");
            }
            if (detail.isPresent() && failure.isEmpty()) {
                throw new IllegalArgumentException("only a failure has a detail");
            }
        }

        public static Result readable(MediaMetadata metadata, byte[] thumbnailJpeg) {
            return new Result(Optional.of(metadata), Optional.of(thumbnailJpeg), Optional.empty(), Optional.empty());
        }

        /** Readable content with nothing to picture (audio): metadata only. */
        public static Result readableWithoutThumbnail(MediaMetadata metadata) {
            return new Result(Optional.of(metadata), Optional.empty(), Optional.empty(), Optional.empty());
        }

        /** Corrupt or unsupported content; {@code reason}, a fixed sentence, is shown to the uploader. */
        public static Result unreadable(String reason) {
            return new Result(Optional.empty(), Optional.empty(), Optional.of(reason), Optional.empty());
        }

        /**
         * Corrupt or unsupported content: {@code reason}, a fixed sentence, is shown to the uploader;
         * {@code detail} (a tool's own output) is logged by the media worker and never shown.
         */
        public static Result unreadable(String reason, String detail) {
            return new Result(Optional.empty(), Optional.empty(), Optional.of(reason), Optional.of(detail));
        }
    }

    /** Probes {@code content} as the kind its declared type says; never throws for bad content. */
    Result probe(MediaKind kind, InputStream content);
}
