package dev.coachkit.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void canonical_uuid_parses() {
        UUID id = UUID.randomUUID();

        assertThat(TenantId.parse(id.toString(), "tenantId")).isEqualTo(TenantId.of(id));
    }

    @Test
    void lenient_or_malformed_forms_are_invalid_input_for_the_named_field() {
        assertThatThrownBy(() -> TenantId.parse("1-1-1-1-1", "tenantId"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("tenantId");
        assertThatThrownBy(() -> AccountId.parse("../etc/passwd", "userId"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("userId");
        assertThatThrownBy(() -> AccountId.parse(null, "userId")).isInstanceOf(InvalidInputException.class);
    }
}
