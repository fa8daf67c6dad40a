package dev.coachkit.domain.shared;

import java.util.Objects;
import java.util.UUID;

/** Identifies a person's global account (one login, memberships in many tenants). */
public record AccountId(UUID value) {

    public AccountId {
        Objects.requireNonNull(value, "value");
    }

    public static AccountId of(UUID value) {
        return new AccountId(value);
    }

    public static AccountId parse(String text, String field) {
        return new AccountId(Ids.parse(text, field));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
