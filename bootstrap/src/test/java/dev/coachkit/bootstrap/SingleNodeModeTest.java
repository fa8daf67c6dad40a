package dev.coachkit.bootstrap;

import static dev.coachkit.application.testing.DomainEventBuilder.aDomainEvent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.domain.shared.DomainEvent;
import dev.coachkit.domain.shared.TenantId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With nothing configured the server runs on an embedded PostgreSQL whose data survives restarts. */
class SingleNodeModeTest {

    @TempDir
    Path dataDir;

    @Test
    void data_written_before_a_restart_is_there_after_it() {
        Map<String, String> environment = Map.of("COACHKIT_PORT", "0", "COACHKIT_DATA_DIR", dataDir.toString());
        TenantId tenant = TenantId.of(UUID.randomUUID());
        DomainEvent event = aDomainEvent().inTenant(tenant).build();

        try (CoachKitServer first = CoachKitServer.start(Configuration.from(environment))) {
            first.core().unitOfWork().runInTenant(tenant, () -> first.core().eventOutbox().record(event));
            assertThat(new HttpProbe(first.port()).get("/ready").statusCode()).isEqualTo(200);
        }
        assertThat(dataDir.resolve("postgres/postmaster.pid")).as("embedded PostgreSQL stopped").doesNotExist();

        try (CoachKitServer second = CoachKitServer.start(Configuration.from(environment))) {
            assertThat(second.core().eventOutbox().pending(tenant, 10)).containsExactly(event);
        }
        assertThat(Files.exists(dataDir.resolve("postgres/PG_VERSION"))).isTrue();
    }
}
