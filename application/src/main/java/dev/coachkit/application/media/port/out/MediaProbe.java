package dev.coachkit.application.media.port.out;

import dev.coachkit.domain.media.MediaKind;
import dev.coachkit.domain.media.MediaMetadata;
import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;

/** Looks inside uploaded content: its metadata and a JPEG thumbnail (a poster frame for videos). */
public interface MediaProbe {

    /** What probing found: metadata and a thumbnail, or why the content cannot be used. */
    record Result(Optional<MediaMetadata> metadata, Optional<byte[]> thumbnailJpeg, Optional<String> failure) {

        public Result {
            Objects.requireNonNull(metadata, "metadata");
            Objects.requireNonNull(thumbnailJpeg, "thumbnailJpeg");
            if (metadata.isPresent() == failure.isPresent()) {
                throw new IllegalArgumentException("a probe result is either readable or a failure");
            }
        }

        public static Result readable(MediaMetadata metadata, byte[] thumbnailJpeg) {
            return new Result(Optional.of(metadata), Optional.of(thumbnailJpeg), Optional.empty());
        }

        /** Corrupt or unsupported content; {@code reason} is shown to the uploader. */
        public static Result unreadable(String reason) {
            return new Result(Optional.empty(), Optional.empty(), Optional.of(reason));
        }
    }

    /** Probes {@code content} as the kind its declared type says; never throws for bad content. */
    Result probe(MediaKind kind, InputStream content);
}
