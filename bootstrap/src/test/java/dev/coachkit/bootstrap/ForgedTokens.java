package dev.coachkit.bootstrap;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Access tokens as an attacker would make them for a server signing with an RS256 key pair: the
 * claims of a real session, signed with the server's key (a control that must be accepted) or with
 * anything else, or not at all.
 */
final class ForgedTokens {

    static final String ISSUER = "coachkit";
    static final String AUDIENCE = "coachkit-api";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KeyPair pair = rsa();
    private final Algorithm serverKey =
            Algorithm.RSA256((RSAPublicKey) pair.getPublic(), (RSAPrivateKey) pair.getPrivate());

    /** Writes the pair as the PEM files an operator configures and answers the settings naming them. */
    Map<String, String> writeKeyFiles(Path directory) {
        try {
            Path privateKey = Files.writeString(directory.resolve("jwt-private.pem"),
                    pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Path publicKey = Files.writeString(directory.resolve("jwt-public.pem"), publicPem());
            return Map.of("COACHKIT_JWT_PRIVATE_KEY_FILE", privateKey.toString(),
                    "COACHKIT_JWT_PUBLIC_KEY_FILE", publicKey.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The public key as published for other services, which an attacker can read too. */
    String publicPem() {
        return pem("PUBLIC KEY", publicDer());
    }

    byte[] publicDer() {
        return pair.getPublic().getEncoded();
    }

    /** The claims the server writes for this session, valid for the next ten minutes. */
    Map<String, Object> claimsOf(ApiClient.Session session) {
        Instant now = Instant.now();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", ISSUER);
        claims.put("aud", AUDIENCE);
        claims.put("sub", session.userId());
        claims.put("tid", session.tenantId());
        claims.put("role", "ADMIN");
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("sid", UUID.randomUUID().toString());
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plusSeconds(600).getEpochSecond());
        return claims;
    }

    /** Signed with the server's own private key. */
    String signed(Map<String, Object> claims) {
        return sign(claims, serverKey);
    }

    static String sign(Map<String, Object> claims, Algorithm algorithm) {
        return JWT.create().withPayload(claims).sign(algorithm);
    }

    /** The compact form of a header, the claims and a signature, for tokens java-jwt refuses to make. */
    static String compact(String headerJson, Map<String, Object> claims, String signature) {
        try {
            return base64(headerJson) + "." + base64(JSON.writeValueAsString(claims)) + "." + signature;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
