package dev.coachkit.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.application.identity.port.in.AuthResult;
import dev.coachkit.application.identity.port.in.LoginUseCase;
import dev.coachkit.application.identity.port.in.RegisterAccountUseCase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With nothing configured the server runs on an embedded PostgreSQL whose data survives restarts. */
class SingleNodeModeTest {

    @TempDir
    Path dataDir;

    @Test
    void data_written_before_a_restart_is_there_after_it() {
        Map<String, String> environment = Map.of("COACHKIT_PORT", "0", "COACHKIT_DATA_DIR", dataDir.toString());

        AuthResult registered;
        try (CoachKitServer first = CoachKitServer.start(Configuration.from(environment))) {
            registered = first.core().identity().register().register(new RegisterAccountUseCase.Command(
                    "ann@example.com", "correct horse battery", "Ann", "Lee", "Riverside", Optional.empty()));
            assertThat(new HttpProbe(first.port()).get("/ready").statusCode()).isEqualTo(200);
        }
        assertThat(dataDir.resolve("postgres/postmaster.pid")).as("embedded PostgreSQL stopped").doesNotExist();

        try (CoachKitServer second = CoachKitServer.start(Configuration.from(environment))) {
            AuthResult signedIn = second.core().identity().login().login(new LoginUseCase.Command(
                    "ann@example.com", "correct horse battery", Optional.empty(), Optional.empty()));
            assertThat(signedIn.tenant()).isEqualTo(registered.tenant());
        }
        assertThat(Files.exists(dataDir.resolve("postgres/PG_VERSION"))).isTrue();
    }
}
