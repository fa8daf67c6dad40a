package dev.coachkit.adapters.crypto.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coachkit.domain.identity.AccessTokenClaims;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.AuthenticationException;
import dev.coachkit.domain.shared.Role;
import dev.coachkit.domain.shared.TenantId;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The public half of the token keys: key ids, JWKs, the JWK set, and verification by key id during a rotation. */
class JwtPublicKeysTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final KeyPair RSA = TestKeys.rsa(2048);
    private static final KeyPair EC = TestKeys.ec("secp256r1");
    private static final KeyPair OTHER_RSA = TestKeys.rsa(2048);
    private static final Pattern BASE64URL_UNPADDED = Pattern.compile("[A-Za-z0-9_-]+");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AccessTokenClaims claims = new AccessTokenClaims(AccountId.of(UUID.randomUUID()),
            TenantId.of(UUID.randomUUID()), Role.COACH, UUID.randomUUID().toString(), UUID.randomUUID(), NOW,
            NOW.plus(Duration.ofMinutes(15)));

    @Test
    void rsa_jwk_has_the_rs256_members_and_decodes_to_the_same_public_key() throws Exception {
        Map<String, String> jwk = signing(RSA).publicJwk().orElseThrow();

        assertThat(jwk).containsOnlyKeys("kty", "kid", "use", "alg", "n", "e")
                .containsEntry("kty", "RSA").containsEntry("use", "sig").containsEntry("alg", "RS256");
        assertThat(List.of(jwk.get("kid"), jwk.get("n"), jwk.get("e"))).allMatch(v -> BASE64URL_UNPADDED.matcher(v).matches());
        byte[] modulus = Base64.getUrlDecoder().decode(jwk.get("n"));
        assertThat(modulus).as("no sign octet: the minimum octets").hasSize(256);
        assertThat(modulus[0]).isNotZero();
        PublicKey decoded = KeyFactory.getInstance("RSA").generatePublic(
                new RSAPublicKeySpec(new BigInteger(1, modulus), new BigInteger(1, Base64.getUrlDecoder().decode(jwk.get("e")))));
        assertThat(decoded).isEqualTo(RSA.getPublic());
        assertThat(jwk.get("e")).isEqualTo("AQAB");
    }

    @Test
    void ec_jwk_has_the_es256_members_and_decodes_to_the_same_public_key() throws Exception {
        for (int i = 0; i < 8; i++) { // some P-256 coordinates have leading zero octets, which must stay
            KeyPair pair = i == 0 ? EC : TestKeys.ec("secp256r1");
            Map<String, String> jwk = signing(pair).publicJwk().orElseThrow();

            assertThat(jwk).containsOnlyKeys("kty", "kid", "use", "alg", "crv", "x", "y")
                    .containsEntry("kty", "EC").containsEntry("crv", "P-256").containsEntry("use", "sig")
                    .containsEntry("alg", "ES256");
            byte[] x = Base64.getUrlDecoder().decode(jwk.get("x"));
            byte[] y = Base64.getUrlDecoder().decode(jwk.get("y"));
            assertThat(x).hasSize(32);
            assertThat(y).hasSize(32);
            assertThat(List.of(jwk.get("kid"), jwk.get("x"), jwk.get("y"))).allMatch(v -> BASE64URL_UNPADDED.matcher(v).matches());
            AlgorithmParameters p256 = AlgorithmParameters.getInstance("EC");
            p256.init(new ECGenParameterSpec("secp256r1"));
            PublicKey decoded = KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(
                    new ECPoint(new BigInteger(1, x), new BigInteger(1, y)), p256.getParameterSpec(ECParameterSpec.class)));
            assertThat(decoded.getEncoded()).isEqualTo(pair.getPublic().getEncoded());
            assertThat(((ECPublicKey) decoded).getW()).isEqualTo(((ECPublicKey) pair.getPublic()).getW());
        }
    }

    @Test
    void key_id_is_the_rfc_7638_thumbprint() throws Exception {
        // RFC 7638 section 3.1: the example RSA key and its SHA-256 thumbprint
        String n = "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw";
        PublicKey example = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                new BigInteger(1, Base64.getUrlDecoder().decode(n)), BigInteger.valueOf(65537)));

        JwtKey key = JwtKey.publicOnly(TestKeys.pem("PUBLIC KEY", example.getEncoded()));

        assertThat(key.keyId()).contains("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs");
        assertThat(key.publicJwk().orElseThrow()).containsEntry("n", n).containsEntry("e", "AQAB");
    }

    @Test
    void key_id_depends_on_the_public_key_only_so_it_is_the_same_after_a_restart() {
        assertThat(signing(EC).keyId()).isEqualTo(signing(EC).keyId())
                .isEqualTo(JwtKey.publicOnly(TestKeys.publicPem(EC)).keyId());
        assertThat(signing(RSA).keyId()).isNotEqualTo(signing(OTHER_RSA).keyId());
    }

    @Test
    void hs256_has_no_key_id_and_publishes_an_empty_set() {
        JwtSettings settings = JwtSettings.defaults(JwtKey.hmac("0123456789abcdef0123456789abcdef".getBytes()));

        assertThat(settings.key().keyId()).isEmpty();
        assertThat(settings.key().publicJwk()).isEmpty();
        assertThat(settings.jwkSet().keys()).isEmpty();
        assertThat(settings.jwkSet().toJson()).isEqualTo("{\"keys\":[]}");
        String token = new JwtAccessTokenService(settings, () -> NOW).issue(claims);
        assertThat(JWT.decode(token).getKeyId()).as("nothing derived from the secret").isNull();
    }

    @Test
    void kid_in_the_token_header_is_the_published_jwk_kid() {
        for (KeyPair pair : List.of(RSA, EC)) {
            JwtSettings settings = JwtSettings.defaults(signing(pair));

            String token = service(settings).issue(claims);

            assertThat(JWT.decode(token).getKeyId()).isNotBlank()
                    .isEqualTo(settings.jwkSet().keys().get(0).get("kid"));
        }
    }

    @Test
    void a_token_verifies_with_the_published_jwk_and_the_jdk_alone() throws Exception {
        JwtSettings settings = JwtSettings.defaults(signing(RSA));
        String[] token = service(settings).issue(claims).split("\\.");
        Map<String, String> jwk = settings.jwkSet().keys().get(0);

        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                new BigInteger(1, Base64.getUrlDecoder().decode(jwk.get("n"))),
                new BigInteger(1, Base64.getUrlDecoder().decode(jwk.get("e"))))));
        rs256.update((token[0] + "." + token[1]).getBytes(StandardCharsets.US_ASCII));

        assertThat(rs256.verify(Base64.getUrlDecoder().decode(token[2]))).isTrue();
    }

    @Test
    void during_a_rotation_the_previous_keys_tokens_verify_and_both_keys_are_published() {
        JwtSettings before = JwtSettings.defaults(signing(RSA));
        JwtSettings rotated = JwtSettings.defaults(signing(EC)).withPreviousKey(JwtKey.publicOnly(TestKeys.publicPem(RSA)));
        String oldToken = service(before).issue(claims);
        String newToken = service(rotated).issue(claims);

        assertThat(service(rotated).verify(oldToken)).isEqualTo(claims);
        assertThat(service(rotated).verify(newToken)).isEqualTo(claims);
        assertThat(rotated.jwkSet().keys()).extracting(jwk -> jwk.get("kid"))
                .containsExactly(rotated.key().keyId().orElseThrow(), before.key().keyId().orElseThrow());
        assertThat(rotated.jwkSet().keys()).extracting(jwk -> jwk.get("alg")).containsExactly("ES256", "RS256");
    }

    @Test
    void a_token_of_an_unknown_key_is_refused_whether_its_kid_is_unknown_or_borrowed() {
        JwtSettings rotated = JwtSettings.defaults(signing(EC)).withPreviousKey(JwtKey.publicOnly(TestKeys.publicPem(RSA)));
        JwtAccessTokenService verifier = service(rotated);
        JwtSettings stranger = JwtSettings.defaults(signing(OTHER_RSA));
        String unknownKid = service(stranger).issue(claims);
        String borrowedKid = JWT.create().withKeyId(rotated.previousKeys().get(0).keyId().orElseThrow())
                .withPayload(payloadOf(unknownKid))
                .sign(Algorithm.RSA256((RSAPublicKey) OTHER_RSA.getPublic(), (RSAPrivateKey) OTHER_RSA.getPrivate()));

        assertThatThrownBy(() -> verifier.verify(unknownKid)).isInstanceOf(AuthenticationException.class)
                .hasMessage(JwtAccessTokenService.INVALID_TOKEN);
        assertThatThrownBy(() -> verifier.verify(borrowedKid)).isInstanceOf(AuthenticationException.class)
                .hasMessage(JwtAccessTokenService.INVALID_TOKEN);
    }

    @Test
    void a_token_without_kid_is_checked_with_the_signing_key_only() {
        JwtSettings rotated = JwtSettings.defaults(signing(EC)).withPreviousKey(JwtKey.publicOnly(TestKeys.publicPem(RSA)));
        String[] byPrevious = service(JwtSettings.defaults(signing(RSA))).issue(claims).split("\\.");
        String withoutKid = JWT.create().withPayload(payloadOf(service(rotated).issue(claims)))
                .sign(Algorithm.ECDSA256((ECPublicKey) EC.getPublic(),
                        (java.security.interfaces.ECPrivateKey) EC.getPrivate()));
        String previousWithoutKid = JWT.create().withPayload(payloadOf(String.join(".", byPrevious)))
                .sign(Algorithm.RSA256((RSAPublicKey) RSA.getPublic(), (RSAPrivateKey) RSA.getPrivate()));

        assertThat(service(rotated).verify(withoutKid)).as("a token issued before key ids").isEqualTo(claims);
        assertThatThrownBy(() -> service(rotated).verify(previousWithoutKid)).isInstanceOf(AuthenticationException.class);
    }

    @Test
    void the_previous_key_is_pinned_to_its_own_algorithm() {
        JwtSettings rotated = JwtSettings.defaults(signing(EC)).withPreviousKey(JwtKey.publicOnly(TestKeys.publicPem(RSA)));
        String previousKid = rotated.previousKeys().get(0).keyId().orElseThrow();
        String confused = JWT.create().withKeyId(previousKid)
                .withPayload(payloadOf(service(rotated).issue(claims)))
                .sign(Algorithm.HMAC256(TestKeys.publicPem(RSA)));

        assertThatThrownBy(() -> service(rotated).verify(confused)).isInstanceOf(AuthenticationException.class);
    }

    @Test
    void jwk_set_json_is_the_keys_member_holding_each_jwk() throws Exception {
        JwtSettings rotated = JwtSettings.defaults(signing(RSA)).withPreviousKey(JwtKey.publicOnly(TestKeys.publicPem(EC)));

        Map<String, List<Map<String, String>>> parsed = JSON.readValue(rotated.jwkSet().toJson(), new TypeReference<>() {});

        assertThat(parsed).containsOnlyKeys("keys");
        assertThat(parsed.get("keys")).containsExactlyElementsOf(rotated.jwkSet().keys());
    }

    @Test
    void a_previous_key_is_refused_beside_a_secret_twice_or_as_a_secret_and_a_public_key_cannot_sign() {
        JwtKey secret = JwtKey.hmac(new byte[32]);
        JwtKey previous = JwtKey.publicOnly(TestKeys.publicPem(RSA));

        assertThatThrownBy(() -> JwtSettings.defaults(secret).withPreviousKey(previous))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("HS256");
        assertThatThrownBy(() -> JwtSettings.defaults(signing(EC)).withPreviousKey(secret))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RSA or EC public key");
        assertThatThrownBy(() -> JwtSettings.defaults(signing(RSA)).withPreviousKey(previous))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is the signing key");
        assertThatThrownBy(() -> JwtSettings.defaults(previous)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("private key");
        assertThat(previous.canSign()).isFalse();
        assertThat(previous.toString()).contains("RS256", "verifies only").doesNotContain("MII");
    }

    @Test
    void a_public_key_alone_is_held_to_the_same_rules_as_a_pair() {
        KeyPair small = TestKeys.rsa(1024);
        KeyPair p384 = TestKeys.ec("secp384r1");

        assertThat(JwtKey.publicOnly(TestKeys.publicPem(EC)).algorithmName()).isEqualTo("ES256");
        assertThatThrownBy(() -> JwtKey.publicOnly(TestKeys.publicPem(small))).hasMessageContaining("2048");
        assertThatThrownBy(() -> JwtKey.publicOnly(TestKeys.publicPem(p384))).hasMessageContaining("P-256");
        assertThatThrownBy(() -> JwtKey.publicOnly(TestKeys.privatePem(EC))).hasMessageContaining("BEGIN PUBLIC KEY");
        assertThatThrownBy(() -> JwtKey.publicOnly(TestKeys.pem("PUBLIC KEY", new byte[] {1, 2, 3})))
                .hasMessageContaining("neither RSA nor EC");
    }

    private static JwtKey signing(KeyPair pair) {
        return JwtKey.fromPem(TestKeys.privatePem(pair), TestKeys.publicPem(pair));
    }

    private static JwtAccessTokenService service(JwtSettings settings) {
        return new JwtAccessTokenService(settings, () -> NOW);
    }

    /** The claims of a token as JSON text, to sign them again another way. */
    private static String payloadOf(String token) {
        return new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    }
}
