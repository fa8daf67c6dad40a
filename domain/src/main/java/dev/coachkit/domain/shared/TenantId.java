package dev.coachkit.domain.shared;

import java.util.Objects;
import java.util.UUID;

/** Identifies an organization; every piece of tenant data belongs to exactly one. */
public record TenantId(UUID value) {

    public TenantId {
        Objects.requireNonNull(value, "value");
    }

    public static TenantId of(UUID value) {
        return new TenantId(value);
    }

    /** Parses client input; a malformed id is the client's error, reported against {@code field}. */
    public static TenantId parse(String text, String field) {
        return new TenantId(Ids.parse(text, field));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
