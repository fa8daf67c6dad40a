package dev.coachkit.domain.media;

import java.util.Optional;

/** What processing learned about the content: pixel dimensions, and the duration of a video or audio. */
public record MediaMetadata(Optional<Integer> width, Optional<Integer> height, Optional<Long> durationMs) {

    public MediaMetadata {
        width.ifPresent(w -> requirePositive(w, "width"));
        height.ifPresent(h -> requirePositive(h, "height"));
        durationMs.ifPresent(d -> {
            if (d < 0) {
                throw new IllegalArgumentException("durationMs must not be negative");
            }
        });
    }

    public static MediaMetadata image(int width, int height) {
        return new MediaMetadata(Optional.of(width), Optional.of(height), Optional.empty());
    }

    public static MediaMetadata video(int width, int height, long durationMs) {
        return new MediaMetadata(Optional.of(width), Optional.of(height), Optional.of(durationMs));
    }

    public static MediaMetadata audio(long durationMs) {
        return new MediaMetadata(Optional.empty(), Optional.empty(), Optional.of(durationMs));
    }

    public static MediaMetadata none() {
        return new MediaMetadata(Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static void requirePositive(int value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
