package dev.coachkit.application.testing;

import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.TenantId;
import java.util.UUID;

/** Fixed tenants and accounts with readable ids, shared by tests of every module. */
public final class TestTenants {

    public static final TenantId ACME = TenantId.of(UUID.fromString("a0000000-0000-4000-8000-000000000001"));
    public static final TenantId GLOBEX = TenantId.of(UUID.fromString("b0000000-0000-4000-8000-000000000002"));
    public static final AccountId ALICE = AccountId.of(UUID.fromString("c0000000-0000-4000-8000-000000000003"));

    private TestTenants() {}
}
