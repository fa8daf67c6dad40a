package dev.coachkit.application.shared;

import java.util.Objects;

/** Where clients reach the API, without a trailing slash; links in e-mails start with it. */
public record PublicUrl(String value) {

    public PublicUrl {
        Objects.requireNonNull(value, "value");
        value = value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }

    public static PublicUrl defaults() {
        return new PublicUrl("http://localhost:8080");
    }
}
