package dev.coachkit.adapters.crypto.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coachkit.domain.identity.AccessTokenClaims;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.AuthenticationException;
import dev.coachkit.domain.shared.Role;
import dev.coachkit.domain.shared.TenantId;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class JwtAccessTokenServiceTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final KeyPair RSA = TestKeys.rsa(2048);
    private static final KeyPair EC = TestKeys.ec("secp256r1");

    private final AtomicReference<Instant> clock = new AtomicReference<>(NOW);
    private final JwtAccessTokenService service = service(JwtSettings.defaults(JwtKey.hmac(SECRET)));
    private final AccessTokenClaims claims = new AccessTokenClaims(AccountId.of(UUID.randomUUID()),
            TenantId.of(UUID.randomUUID()), Role.COACH, UUID.randomUUID().toString(), UUID.randomUUID(), NOW,
            NOW.plus(Duration.ofMinutes(15)));

    static Stream<JwtKey> keys() {
        return Stream.of(JwtKey.hmac(SECRET), JwtKey.fromPem(TestKeys.privatePem(RSA), TestKeys.publicPem(RSA)),
                JwtKey.fromPem(TestKeys.privatePem(EC), TestKeys.publicPem(EC)));
    }

    @ParameterizedTest
    @MethodSource("keys")
    void issued_token_verifies_to_the_same_claims(JwtKey key) {
        JwtAccessTokenService signer = service(JwtSettings.defaults(key));

        assertThat(signer.verify(signer.issue(claims))).isEqualTo(claims);
    }

    @Test
    void token_carries_exactly_the_documented_claims_and_the_pinned_algorithm() throws Exception {
        String[] parts = service.issue(claims).split("\\.");
        ObjectMapper json = new ObjectMapper();

        List<String> names = new ArrayList<>();
        json.readTree(Base64.getUrlDecoder().decode(parts[1])).fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactlyInAnyOrder("iss", "aud", "sub", "tid", "role", "jti", "sid", "iat", "exp");
        assertThat(json.readTree(Base64.getUrlDecoder().decode(parts[0])).get("alg").asText()).isEqualTo("HS256");
        assertThat(JWT.decode(service.issue(claims)).getIssuer()).isEqualTo("coachkit");
        assertThat(JWT.decode(service.issue(claims)).getAudience()).containsExactly("coachkit-api");
    }

    @Test
    void unsigned_alg_none_token_is_rejected() {
        assertRejected(forge(Algorithm.none(), UnaryOperator.identity()));
    }

    @Test
    void hand_made_alg_none_token_is_rejected() {
        String signed = service.issue(claims);
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes());

        assertRejected(header + "." + signed.split("\\.")[1] + ".");
    }

    @Test
    void hs256_token_signed_with_the_rsa_public_key_is_rejected_by_an_rs256_service() {
        JwtAccessTokenService rs = service(JwtSettings.defaults(JwtKey.fromPem(TestKeys.privatePem(RSA), TestKeys.publicPem(RSA))));
        String confused = forge(Algorithm.HMAC256(RSA.getPublic().getEncoded()), UnaryOperator.identity());
        String confusedPem = forge(Algorithm.HMAC256(TestKeys.publicPem(RSA)), UnaryOperator.identity());

        assertThatThrownBy(() -> rs.verify(confused)).isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> rs.verify(confusedPem)).isInstanceOf(AuthenticationException.class);
    }

    @Test
    void rs256_token_is_rejected_by_an_hs256_service() {
        assertRejected(forge(Algorithm.RSA256((RSAPublicKey) RSA.getPublic(), (RSAPrivateKey) RSA.getPrivate()),
                UnaryOperator.identity()));
    }

    @Test
    void token_signed_with_another_secret_is_rejected() {
        assertRejected(forge(Algorithm.HMAC256("another-secret-another-secret-12"), UnaryOperator.identity()));
    }

    @Test
    void token_with_a_tampered_payload_is_rejected() {
        String[] parts = service.issue(claims).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("COACH", "ADMIN");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes()) + "." + parts[2];

        assertRejected(tampered);
    }

    @Test
    void token_of_another_issuer_is_rejected() {
        assertRejected(service(JwtSettings.defaults(JwtKey.hmac(SECRET)).withIssuer("someone-else")).issue(claims));
    }

    @Test
    void token_for_another_audience_is_rejected() {
        assertRejected(service(JwtSettings.defaults(JwtKey.hmac(SECRET)).withAudience("other-api")).issue(claims));
    }

    @Test
    void expired_token_is_rejected() {
        String token = service.issue(claims);
        clock.set(claims.expiresAt().plus(JwtAccessTokenService.LEEWAY).plusSeconds(1));

        assertRejected(token);
    }

    @Test
    void token_expired_within_the_leeway_is_still_accepted() {
        String token = service.issue(claims);
        clock.set(claims.expiresAt().plusSeconds(1));

        assertThat(service.verify(token)).isEqualTo(claims);
    }

    @Test
    void token_issued_in_the_future_beyond_the_leeway_is_rejected() {
        clock.set(NOW.minus(JwtAccessTokenService.LEEWAY).minusSeconds(1));

        assertRejected(service.issue(claims));
    }

    @Test
    void token_without_a_tenant_is_rejected() {
        assertRejected(forge(Algorithm.HMAC256(SECRET), builder -> builder.withClaim("tid", (String) null)));
    }

    @Test
    void token_without_a_session_or_with_a_garbled_one_is_rejected() {
        assertRejected(forge(Algorithm.HMAC256(SECRET), builder -> builder.withClaim("sid", (String) null)));
        assertRejected(forge(Algorithm.HMAC256(SECRET), builder -> builder.withClaim("sid", "session-1")));
    }

    @Test
    void token_without_an_expiry_is_rejected() {
        assertRejected(forge(Algorithm.HMAC256(SECRET), builder -> builder.withExpiresAt((Instant) null)));
    }

    @Test
    void token_with_an_unknown_role_is_rejected() {
        assertRejected(forge(Algorithm.HMAC256(SECRET), builder -> builder.withClaim("role", "ROOT")));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"garbage", "a.b.c", "eyJhbGciOiJIUzI1NiJ9..", "Bearer x.y.z"})
    void malformed_token_is_rejected(String token) {
        assertRejected(token);
    }

    @Test
    void oversized_token_is_rejected() {
        assertRejected(forge(Algorithm.HMAC256(SECRET), builder -> builder.withClaim("pad", "x".repeat(5000))));
    }

    @Test
    void every_rejection_gives_the_same_message() {
        clock.set(NOW.plus(Duration.ofHours(1)));
        List<String> rejected = List.of(service.issue(claims), "garbage", forge(Algorithm.none(), UnaryOperator.identity()),
                forge(Algorithm.HMAC256("another-secret-another-secret-12"), UnaryOperator.identity()));

        for (String token : rejected) {
            assertThatThrownBy(() -> service.verify(token)).hasMessage(JwtAccessTokenService.INVALID_TOKEN);
        }
    }

    private JwtAccessTokenService service(JwtSettings settings) {
        return new JwtAccessTokenService(settings, clock::get);
    }

    private void assertRejected(String token) {
        assertThatThrownBy(() -> service.verify(token))
                .isInstanceOf(AuthenticationException.class)
                .hasMessage(JwtAccessTokenService.INVALID_TOKEN);
    }

    /** A token with valid claims for {@link #service}, changed by {@code change}, signed with {@code algorithm}. */
    private String forge(Algorithm algorithm, UnaryOperator<JWTCreator.Builder> change) {
        JWTCreator.Builder builder = JWT.create().withIssuer("coachkit").withAudience("coachkit-api")
                .withSubject(claims.accountId().toString()).withClaim("tid", claims.tenantId().toString())
                .withClaim("role", claims.role().name()).withJWTId(claims.tokenId())
                .withClaim("sid", claims.sessionId().toString())
                .withIssuedAt(claims.issuedAt()).withExpiresAt(claims.expiresAt());
        return change.apply(builder).sign(algorithm);
    }
}
