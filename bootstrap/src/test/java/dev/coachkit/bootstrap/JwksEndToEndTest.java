package dev.coachkit.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coachkit.adapters.persistence.testing.PostgresServer;
import dev.coachkit.adapters.persistence.testing.TestDatabase;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /.well-known/jwks.json} on the wired server signing with an RS256 pair during a rotation from
 * an ES256 key: another service fetches the set without a token and verifies a real access token with the
 * published key and the JDK alone, as it would; a token of the previous key is still accepted.
 */
class JwksEndToEndTest {

    private static final ForgedTokens CURRENT = new ForgedTokens();
    private static final KeyPair PREVIOUS = ec();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path keys;

    private static CoachKitServer server;
    private static ApiClient api;

    @BeforeAll
    static void start() throws Exception {
        TestDatabase database = TestDatabase.createOn(PostgresServer.shared());
        Map<String, String> environment = new HashMap<>(ExternalServers.environment(database, Map.of(
                "COACHKIT_TRUSTED_PROXIES", "127.0.0.1/32,::1/128")));
        environment.remove("COACHKIT_JWT_SECRET");
        environment.putAll(CURRENT.writeKeyFiles(keys));
        Path previous = Files.writeString(keys.resolve("jwt-previous-public.pem"), "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(PREVIOUS.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        environment.put("COACHKIT_JWT_PREVIOUS_PUBLIC_KEY_FILE", previous.toString());
        server = CoachKitServer.start(Configuration.from(environment));
        api = new ApiClient(server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void the_set_is_public_cacheable_and_holds_the_current_and_the_previous_public_key() throws Exception {
        HttpResponse<String> response = api.http().get("/.well-known/jwks.json"); // no bearer token

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(response.headers().firstValue("Cache-Control")).contains("public, max-age=300");
        JsonNode keys = JSON.readTree(response.body()).get("keys");
        assertThat(keys).hasSize(2);
        assertThat(keys.get(0).get("kty").asText()).isEqualTo("RSA");
        assertThat(keys.get(0).get("alg").asText()).isEqualTo("RS256");
        assertThat(keys.get(0).get("use").asText()).isEqualTo("sig");
        assertThat(keys.get(0).has("d")).as("never a private member").isFalse();
        assertThat(keys.get(1).get("kty").asText()).isEqualTo("EC");
        assertThat(keys.get(1).get("crv").asText()).isEqualTo("P-256");
        assertThat(keys.get(1).get("alg").asText()).isEqualTo("ES256");
        assertThat(rsa(keys.get(0)).getEncoded()).isEqualTo(CURRENT.publicDer());
        assertThat(ecPublic(keys.get(1)).getEncoded()).isEqualTo(PREVIOUS.getPublic().getEncoded());
    }

    @Test
    void another_service_verifies_a_real_access_token_with_the_published_key() throws Exception {
        String accessToken = api.registerAdmin().accessToken();
        String[] parts = accessToken.split("\\.");
        JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
        JsonNode jwk = keyOf(header.get("kid").asText());

        // with the JDK only: RS256 is RSASSA-PKCS1-v1_5 with SHA-256 over "header.payload"
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(rsa(jwk));
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(header.get("alg").asText()).isEqualTo(jwk.get("alg").asText());
        assertThat(rs256.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();

        // with java-jwt, checking issuer and audience as a resource server would
        DecodedJWT verified = JWT.require(Algorithm.RSA256(rsa(jwk), null))
                .withIssuer(ForgedTokens.ISSUER).withAudience(ForgedTokens.AUDIENCE).build().verify(accessToken);
        assertThat(verified.getKeyId()).isEqualTo(jwk.get("kid").asText());
    }

    @Test
    void a_token_of_the_previous_key_is_accepted_and_one_of_an_unknown_key_is_not() throws Exception {
        ApiClient.Session session = api.registerAdmin();
        String previousKid = JSON.readTree(api.http().get("/.well-known/jwks.json").body()).at("/keys/1/kid").asText();
        Algorithm previous = Algorithm.ECDSA256((ECPublicKey) PREVIOUS.getPublic(), (ECPrivateKey) PREVIOUS.getPrivate());
        KeyPair stranger = ec();
        Algorithm unknown = Algorithm.ECDSA256((ECPublicKey) stranger.getPublic(), (ECPrivateKey) stranger.getPrivate());

        String byPrevious = JWT.create().withKeyId(previousKid).withPayload(CURRENT.claimsOf(session)).sign(previous);
        String byStranger = JWT.create().withKeyId(previousKid).withPayload(CURRENT.claimsOf(session)).sign(unknown);
        String unknownKid = JWT.create().withKeyId("not-a-published-kid").withPayload(CURRENT.claimsOf(session))
                .sign(previous);

        assertThat(api.http().send("GET", "/auth/me", (String) null, byPrevious).statusCode()).isEqualTo(200);
        assertThat(api.http().send("GET", "/auth/me", (String) null, byStranger).statusCode()).isEqualTo(401);
        assertThat(api.http().send("GET", "/auth/me", (String) null, unknownKid).statusCode()).isEqualTo(401);
    }

    @Test
    void a_server_signing_with_a_shared_secret_publishes_an_empty_set() {
        TestDatabase database = TestDatabase.createOn(PostgresServer.shared());
        try (CoachKitServer hs256 = CoachKitServer.start(Configuration.from(ExternalServers.environment(database, Map.of())))) {
            HttpResponse<String> response = new HttpProbe(hs256.port()).get("/.well-known/jwks.json");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("{\"keys\":[]}");
        }
    }

    private static JsonNode keyOf(String kid) throws Exception {
        JsonNode keys = JSON.readTree(api.http().get("/.well-known/jwks.json").body()).get("keys");
        return StreamSupport.stream(keys.spliterator(), false).filter(key -> key.get("kid").asText().equals(kid))
                .findFirst().orElseThrow(() -> new AssertionError("no published key has the token's kid " + kid));
    }

    private static RSAPublicKey rsa(JsonNode jwk) throws GeneralSecurityException {
        return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                unsigned(jwk.get("n").asText()), unsigned(jwk.get("e").asText())));
    }

    private static ECPublicKey ecPublic(JsonNode jwk) throws GeneralSecurityException {
        AlgorithmParameters p256 = AlgorithmParameters.getInstance("EC");
        p256.init(new ECGenParameterSpec("secp256r1"));
        return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(
                new ECPoint(unsigned(jwk.get("x").asText()), unsigned(jwk.get("y").asText())),
                p256.getParameterSpec(ECParameterSpec.class)));
    }

    private static BigInteger unsigned(String base64url) {
        return new BigInteger(1, Base64.getUrlDecoder().decode(base64url));
    }

    private static KeyPair ec() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
