package dev.coachkit.domain.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.Actor;
import dev.coachkit.domain.shared.PermissionDeniedException;
import dev.coachkit.domain.shared.Role;
import dev.coachkit.domain.shared.TenantId;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The whole role matrix of the identity rules, one row per (actor role, target). */
class IdentityPolicyTest {

    private static final TenantId TENANT = TenantId.of(UUID.fromString("a0000000-0000-4000-8000-000000000001"));
    private static final TenantId OTHER = TenantId.of(UUID.fromString("b0000000-0000-4000-8000-000000000002"));

    private static Actor actor(Role role) {
        return new Actor(TENANT, AccountId.of(UUID.fromString("c0000000-0000-4000-8000-000000000003")), role);
    }

    @ParameterizedTest(name = "{0} invites {1}: {2}")
    @CsvSource({
        "ADMIN, ADMIN, true", "ADMIN, COACH, true", "ADMIN, ATHLETE, true", "ADMIN, SCHEDULER, true",
        "COACH, ADMIN, false", "COACH, COACH, false", "COACH, ATHLETE, true", "COACH, SCHEDULER, false",
        "ATHLETE, ADMIN, false", "ATHLETE, COACH, false", "ATHLETE, ATHLETE, false", "ATHLETE, SCHEDULER, false",
        "SCHEDULER, ADMIN, false", "SCHEDULER, COACH, false", "SCHEDULER, ATHLETE, false",
        "SCHEDULER, SCHEDULER, false"})
    void who_may_invite_whom(Role actorRole, Role invited, boolean allowed) {
        assertThat(IdentityPolicy.mayInvite(actor(actorRole), invited)).isEqualTo(allowed);
        if (!allowed) {
            assertThatThrownBy(() -> IdentityPolicy.requireMayInvite(actor(actorRole), invited))
                    .isInstanceOf(PermissionDeniedException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void every_member_views_their_own_tenant_and_no_other(Role role) {
        assertThat(IdentityPolicy.mayView(actor(role), TENANT)).isTrue();
        assertThat(IdentityPolicy.mayView(actor(role), OTHER)).isFalse();
    }
}
