package dev.coachkit.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeysTest {

    @TempDir
    Path dataDir;

    @Test
    void single_node_mode_generates_a_secret_once_and_keeps_it_private_in_the_data_directory() throws Exception {
        Configuration configuration = Configuration.from(Map.of("COACHKIT_DATA_DIR", dataDir.toString()));

        SigningKeys.load(configuration);
        Path secret = dataDir.resolve(SigningKeys.GENERATED_SECRET_FILE);
        String first = Files.readString(secret);
        SigningKeys.load(configuration);

        assertThat(Files.readString(secret)).as("kept across restarts").isEqualTo(first);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret))).isEqualTo("rw-------");
    }

    @Test
    void a_configured_secret_shorter_than_32_bytes_is_refused() {
        Configuration configuration = Configuration.from(Map.of("COACHKIT_JWT_SECRET", "too-short",
                "COACHKIT_DATA_DIR", dataDir.toString()));

        assertThatThrownBy(() -> SigningKeys.load(configuration)).isInstanceOf(ConfigurationException.class);
        assertThat(dataDir.resolve(SigningKeys.GENERATED_SECRET_FILE)).doesNotExist();
    }

    @Test
    void serving_from_an_external_database_needs_a_configured_key() {
        Configuration configuration = Configuration.from(Map.of(
                "COACHKIT_DATABASE_URL", "jdbc:postgresql://db:5432/coachkit?user=coachkit_app",
                "COACHKIT_DATA_DIR", dataDir.toString()));

        assertThatThrownBy(() -> SigningKeys.load(configuration)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("COACHKIT_JWT_SECRET");
    }
}
