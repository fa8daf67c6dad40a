package dev.coachkit.application.admin;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the links of an export work: the archive's download URL, and the links to media
 * originals inside the archive (counted from when the archive was built).
 */
public record ExportSettings(Duration urlLifetime) {

    public ExportSettings {
        Objects.requireNonNull(urlLifetime, "urlLifetime");
        if (urlLifetime.isNegative() || urlLifetime.isZero()) {
            throw new IllegalArgumentException("urlLifetime must be positive");
        }
    }

    public static ExportSettings defaults() {
        return new ExportSettings(Duration.ofMinutes(60));
    }
}
