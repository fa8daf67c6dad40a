package dev.coachkit.domain.identity;

import dev.coachkit.domain.shared.TenantId;
import dev.coachkit.domain.shared.Text;
import java.time.Instant;
import java.util.Objects;

/** An organization: the boundary of all tenant data. */
public record Tenant(TenantId id, String name, Instant createdAt) {

    public static final int MAX_NAME_LENGTH = 100;

    public Tenant {
        Objects.requireNonNull(id, "id");
        name = Text.required(name, "organizationName", MAX_NAME_LENGTH);
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
