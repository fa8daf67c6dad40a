package dev.coachkit.domain.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.ConflictException;
import dev.coachkit.domain.shared.TenantId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DataExportTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final TenantId TENANT = TenantId.of(UUID.fromString("a0000000-0000-4000-8000-000000000001"));
    private static final AccountId ADMIN = AccountId.of(UUID.randomUUID());

    private final DataExport pending = DataExport.request(UUID.randomUUID(), TENANT, ADMIN, Optional.empty(), NOW);

    @Test
    void a_requested_export_is_pending_and_its_archive_key_lives_under_the_tenant() {
        assertThat(pending.status()).isEqualTo(ExportStatus.PENDING);
        assertThat(pending.completedAt()).isEmpty();
        assertThat(pending.subject()).isEmpty();
        assertThat(pending.archiveKey()).isEqualTo(TENANT.value() + "/exports/" + pending.id() + ".zip");
    }

    @Test
    void an_export_completes_once_as_ready_or_failed() {
        DataExport ready = pending.ready(NOW.plusSeconds(3));
        DataExport failed = pending.failed("disk full", NOW.plusSeconds(4));

        assertThat(ready.status()).isEqualTo(ExportStatus.READY);
        assertThat(ready.completedAt()).contains(NOW.plusSeconds(3));
        assertThat(failed.failureReason()).contains("disk full");
        assertThatThrownBy(() -> ready.failed("late", NOW)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> failed.ready(NOW)).isInstanceOf(ConflictException.class);
    }

    @Test
    void a_long_failure_reason_is_cut_to_what_is_stored() {
        DataExport failed = pending.failed("x".repeat(2_000), NOW);

        assertThat(failed.failureReason()).hasValueSatisfying(reason ->
                assertThat(reason).hasSize(DataExport.MAX_FAILURE_REASON_LENGTH));
    }

    @Test
    void a_reconstituted_export_must_be_consistent() {
        assertThatThrownBy(() -> DataExport.reconstitute(UUID.randomUUID(), TENANT, ADMIN, Optional.empty(),
                ExportStatus.READY, Optional.of("why"), NOW, Optional.of(NOW)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DataExport.reconstitute(UUID.randomUUID(), TENANT, ADMIN, Optional.empty(),
                ExportStatus.PENDING, Optional.empty(), NOW, Optional.of(NOW)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
