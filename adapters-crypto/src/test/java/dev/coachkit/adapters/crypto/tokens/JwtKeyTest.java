package dev.coachkit.adapters.crypto.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import org.junit.jupiter.api.Test;

class JwtKeyTest {

    private static final KeyPair RSA = TestKeys.rsa(2048);
    private static final KeyPair EC = TestKeys.ec("secp256r1");

    @Test
    void rsa_pem_pair_selects_rs256() {
        assertThat(JwtKey.fromPem(TestKeys.privatePem(RSA), TestKeys.publicPem(RSA)).algorithmName()).isEqualTo("RS256");
    }

    @Test
    void ec_pem_pair_selects_es256() {
        assertThat(JwtKey.fromPem(TestKeys.privatePem(EC), TestKeys.publicPem(EC)).algorithmName()).isEqualTo("ES256");
    }

    @Test
    void secret_selects_hs256() {
        assertThat(JwtKey.hmac(new byte[32]).algorithmName()).isEqualTo("HS256");
    }

    @Test
    void secret_shorter_than_256_bits_is_rejected() {
        assertThatThrownBy(() -> JwtKey.hmac(new byte[31])).hasMessageContaining("256 bits");
    }

    @Test
    void public_key_of_another_pair_is_rejected() {
        KeyPair other = TestKeys.ec("secp256r1");

        assertThatThrownBy(() -> JwtKey.fromPem(TestKeys.privatePem(EC), TestKeys.publicPem(other)))
                .hasMessageContaining("does not belong");
    }

    @Test
    void public_key_of_another_type_is_rejected() {
        assertThatThrownBy(() -> JwtKey.fromPem(TestKeys.privatePem(RSA), TestKeys.publicPem(EC)))
                .hasMessageContaining("not of the private key's type");
    }

    @Test
    void rsa_key_under_2048_bits_is_rejected() {
        KeyPair small = TestKeys.rsa(1024);

        assertThatThrownBy(() -> JwtKey.fromPem(TestKeys.privatePem(small), TestKeys.publicPem(small)))
                .hasMessageContaining("2048");
    }

    @Test
    void ec_key_off_the_p256_curve_is_rejected() {
        KeyPair p384 = TestKeys.ec("secp384r1");

        assertThatThrownBy(() -> JwtKey.fromPem(TestKeys.privatePem(p384), TestKeys.publicPem(p384)))
                .hasMessageContaining("P-256");
    }

    @Test
    void pkcs1_private_key_is_rejected_with_a_hint_to_convert_it() {
        String pkcs1 = TestKeys.pem("RSA PRIVATE KEY", new byte[] {1, 2, 3});

        assertThatThrownBy(() -> JwtKey.fromPem(pkcs1, TestKeys.publicPem(RSA)))
                .hasMessageContaining("PKCS#8").hasMessageContaining("openssl pkcs8");
    }

    @Test
    void text_that_is_not_pem_is_rejected_without_echoing_it() {
        assertThatThrownBy(() -> JwtKey.fromPem("hunter2-secret", TestKeys.publicPem(RSA)))
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void key_prints_its_algorithm_not_its_material() {
        assertThat(JwtKey.hmac("s3cret-s3cret-s3cret-s3cret-s3cret!".getBytes()).toString()).isEqualTo("JwtKey[HS256]");
    }
}
