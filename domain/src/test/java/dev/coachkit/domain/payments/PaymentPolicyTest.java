package dev.coachkit.domain.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.Actor;
import dev.coachkit.domain.shared.PermissionDeniedException;
import dev.coachkit.domain.shared.Role;
import dev.coachkit.domain.shared.TenantId;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PaymentPolicyTest {

    private static final TenantId TENANT = TenantId.of(UUID.randomUUID());
    private static final AccountId SELF = AccountId.of(UUID.randomUUID());
    private static final AccountId OTHER = AccountId.of(UUID.randomUUID());

    @Test
    void an_admin_manages_any_pack_a_coach_only_their_own_and_nobody_else_any() {
        Actor admin = new Actor(TENANT, SELF, Role.ADMIN);
        Actor coach = new Actor(TENANT, SELF, Role.COACH);

        assertThat(PaymentPolicy.mayManageProduct(admin, Optional.empty())).isTrue();
        assertThat(PaymentPolicy.mayManageProduct(admin, Optional.of(OTHER))).isTrue();
        assertThat(PaymentPolicy.mayManageProduct(coach, Optional.of(SELF))).isTrue();
        assertThat(PaymentPolicy.mayManageProduct(coach, Optional.of(OTHER))).isFalse();
        assertThat(PaymentPolicy.mayManageProduct(coach, Optional.empty())).as("a pack for every coach").isFalse();
        assertThatThrownBy(() -> PaymentPolicy.requireMayManageProduct(new Actor(TENANT, SELF, Role.SCHEDULER),
                Optional.of(SELF))).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> PaymentPolicy.requireAdmin(coach, "refund orders"))
                .isInstanceOf(PermissionDeniedException.class);
    }
}
