package dev.coachkit.domain.media;

import dev.coachkit.domain.shared.UnsupportedContentTypeException;
import java.util.Locale;
import java.util.Set;

/** The kinds of media CoachKit accepts, each with its allow-list of content types. */
public enum MediaKind {
    IMAGE(Set.of("image/jpeg", "image/png", "image/gif", "image/bmp"), true),
    VIDEO(Set.of("video/mp4", "video/quicktime", "video/webm", "video/x-matroska", "video/x-msvideo", "video/mpeg"),
            true),
    /** Voice-overs of annotations: a duration, but no picture to make a thumbnail of. */
    AUDIO(Set.of("audio/mpeg", "audio/mp4", "audio/aac", "audio/wav"), false);

    private final Set<String> contentTypes;
    private final boolean pictured;

    MediaKind(Set<String> contentTypes, boolean pictured) {
        this.contentTypes = contentTypes;
        this.pictured = pictured;
    }

    /** Whether content of this kind shows a picture, so processing makes it a thumbnail. */
    public boolean pictured() {
        return pictured;
    }

    /**
     * The kind of an allowed content type (parameters such as {@code ;codecs=} are ignored).
     *
     * @throws UnsupportedContentTypeException for any type not on an allow-list
     */
    public static MediaKind of(String contentType) {
        String mediaType = normalized(contentType);
        for (MediaKind kind : values()) {
            if (kind.contentTypes.contains(mediaType)) {
                return kind;
            }
        }
        throw new UnsupportedContentTypeException("content type '" + contentType
                + "' is not accepted; allowed: images (" + String.join(", ", IMAGE.contentTypes.stream().sorted().toList())
                + "), videos (" + String.join(", ", VIDEO.contentTypes.stream().sorted().toList())
                + ") and audio (" + String.join(", ", AUDIO.contentTypes.stream().sorted().toList()) + ")");
    }

    /** The bare, lower-case media type: {@code Video/MP4; codecs=avc1} becomes {@code video/mp4}. */
    public static String normalized(String contentType) {
        return contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    }
}
