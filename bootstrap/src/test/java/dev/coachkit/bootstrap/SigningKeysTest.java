package dev.coachkit.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
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

    @Test
    void a_configured_ec_key_pair_signs_with_es256() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        Path privateKey = Files.writeString(dataDir.resolve("private.pem"), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        Path publicKey = Files.writeString(dataDir.resolve("public.pem"), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        Configuration configuration = Configuration.from(Map.of(
                "COACHKIT_JWT_PRIVATE_KEY_FILE", privateKey.toString(),
                "COACHKIT_JWT_PUBLIC_KEY_FILE", publicKey.toString(),
                "COACHKIT_DATA_DIR", dataDir.toString()));

        assertThat(SigningKeys.load(configuration).algorithmName()).isEqualTo("ES256");
        assertThat(dataDir.resolve(SigningKeys.GENERATED_SECRET_FILE)).doesNotExist();
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
