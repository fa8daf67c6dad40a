package dev.coachkit.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.adapters.crypto.tokens.JwtSettings;
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

    @Test
    void a_previous_public_key_is_accepted_and_published_after_the_signing_key() throws Exception {
        KeyPair current = ec();
        KeyPair previous = ec();
        Configuration configuration = Configuration.from(Map.of(
                "COACHKIT_JWT_PRIVATE_KEY_FILE", write("private.pem", pem("PRIVATE KEY", current.getPrivate().getEncoded())),
                "COACHKIT_JWT_PUBLIC_KEY_FILE", write("public.pem", pem("PUBLIC KEY", current.getPublic().getEncoded())),
                "COACHKIT_JWT_PREVIOUS_PUBLIC_KEY_FILE",
                write("previous.pem", pem("PUBLIC KEY", previous.getPublic().getEncoded())),
                "COACHKIT_JWT_ISSUER", "https://coach.example.com",
                "COACHKIT_DATA_DIR", dataDir.toString()));

        JwtSettings settings = SigningKeys.settings(configuration);

        assertThat(settings.issuer()).isEqualTo("https://coach.example.com");
        assertThat(settings.previousKeys()).hasSize(1);
        assertThat(settings.previousKeys().get(0).canSign()).isFalse();
        assertThat(settings.jwkSet().keys()).extracting(jwk -> jwk.get("kid")).containsExactly(
                settings.key().keyId().orElseThrow(), settings.previousKeys().get(0).keyId().orElseThrow());
    }

    @Test
    void the_signing_key_named_again_as_the_previous_one_is_refused() throws Exception {
        KeyPair current = ec();
        String publicKey = write("public.pem", pem("PUBLIC KEY", current.getPublic().getEncoded()));
        Configuration configuration = Configuration.from(Map.of(
                "COACHKIT_JWT_PRIVATE_KEY_FILE", write("private.pem", pem("PRIVATE KEY", current.getPrivate().getEncoded())),
                "COACHKIT_JWT_PUBLIC_KEY_FILE", publicKey,
                "COACHKIT_JWT_PREVIOUS_PUBLIC_KEY_FILE", publicKey,
                "COACHKIT_DATA_DIR", dataDir.toString()));

        assertThatThrownBy(() -> SigningKeys.settings(configuration)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("COACHKIT_JWT_PREVIOUS_PUBLIC_KEY_FILE").hasMessageContaining("signing key");
    }

    @Test
    void single_node_mode_signs_with_hs256_and_publishes_no_key() {
        JwtSettings settings = SigningKeys.settings(Configuration.from(Map.of("COACHKIT_DATA_DIR", dataDir.toString())));

        assertThat(settings.key().algorithmName()).isEqualTo("HS256");
        assertThat(settings.jwkSet().keys()).isEmpty();
    }

    private String write(String name, String content) throws Exception {
        return Files.writeString(dataDir.resolve(name), content).toString();
    }

    private static KeyPair ec() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
