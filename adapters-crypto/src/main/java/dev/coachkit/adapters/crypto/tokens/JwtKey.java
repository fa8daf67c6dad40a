package dev.coachkit.adapters.crypto.tokens;

import com.auth0.jwt.algorithms.Algorithm;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A key that signs and verifies access tokens, which also fixes the one algorithm accepted:
 * HS256 for a shared secret, RS256 for an RSA pair, ES256 for a P-256 pair; or, for key rotation, only
 * the public key of a pair ({@link #publicOnly}), which verifies but does not sign.
 *
 * <p>An RSA or EC key has a key id ({@code kid}): its RFC 7638 JWK thumbprint, the base64url SHA-256 of
 * its required public members, so the id follows from the key alone and stays the same across restarts
 * and processes. Its public half maps to a JWK (RFC 7517/7518) for {@code /.well-known/jwks.json}. A
 * shared secret has neither: nothing derived from it leaves the server.
 */
public final class JwtKey {

    /** HS256 needs a secret at least as long as its hash: 256 bits. */
    public static final int MIN_HMAC_SECRET_BYTES = 32;
    static final int MIN_RSA_BITS = 2048;
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");
    private static final byte[] PROBE = "coachkit key pair check".getBytes(StandardCharsets.US_ASCII);

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    /** P-256 coordinates are 32 octets, written in full (RFC 7518 section 6.2.1.2). */
    private static final int P256_COORDINATE_BYTES = 32;

    private final Algorithm algorithm;
    private final boolean signs;
    /** The public members of the JWK, ordered as written; empty for a shared secret. */
    private final Map<String, String> jwk;
    private final String keyId;

    private JwtKey(Algorithm algorithm, boolean signs, Map<String, String> jwk, String keyId) {
        this.algorithm = algorithm;
        this.signs = signs;
        this.jwk = jwk;
        this.keyId = keyId;
    }

    private static JwtKey secret(Algorithm algorithm) {
        return new JwtKey(algorithm, true, Map.of(), null);
    }

    /** HS256 with a shared secret of at least {@value #MIN_HMAC_SECRET_BYTES} random bytes. */
    public static JwtKey hmac(byte[] secret) {
        Objects.requireNonNull(secret, "secret");
        if (secret.length < MIN_HMAC_SECRET_BYTES) {
            throw new IllegalArgumentException("an HS256 secret needs at least " + MIN_HMAC_SECRET_BYTES
                    + " bytes (256 bits), got " + secret.length);
        }
        return secret(Algorithm.HMAC256(secret.clone()));
    }

    /**
     * RS256 or ES256, chosen by the key type: a PKCS#8 private key ({@code BEGIN PRIVATE KEY}) and the
     * X.509 public key ({@code BEGIN PUBLIC KEY}) of the same pair. RSA keys need 2048 bits or more,
     * EC keys the P-256 curve.
     */
    public static JwtKey fromPem(String privatePem, String publicPem) {
        byte[] privateDer = der(privatePem, "PRIVATE KEY", "private");
        byte[] publicDer = der(publicPem, "PUBLIC KEY", "public");
        try {
            KeyFactory factory = factoryFor(privateDer);
            PrivateKey privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(privateDer));
            PublicKey publicKey;
            try {
                publicKey = factory.generatePublic(new X509EncodedKeySpec(publicDer));
            } catch (InvalidKeySpecException e) {
                throw new IllegalArgumentException("the public key is not of the private key's type ("
                        + factory.getAlgorithm() + ")");
            }
            requirePair(privateKey, publicKey);
            return pair(publicKey, privateKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the PEM keys cannot be read as an RSA or EC key pair");
        }
    }

    /**
     * Only the public key of an RSA or EC pair ({@code BEGIN PUBLIC KEY}, X.509): verifies the tokens that
     * pair signed, and is published, but signs nothing. This is the previous key during a key rotation.
     */
    public static JwtKey publicOnly(String publicPem) {
        byte[] publicDer = der(publicPem, "PUBLIC KEY", "public");
        for (String type : new String[] {"RSA", "EC"}) {
            PublicKey publicKey;
            try {
                publicKey = KeyFactory.getInstance(type).generatePublic(new X509EncodedKeySpec(publicDer));
            } catch (InvalidKeySpecException notThisType) {
                continue;
            } catch (GeneralSecurityException e) {
                throw new IllegalArgumentException("the public key cannot be read as an RSA or EC key");
            }
            try {
                return pair(publicKey, null);
            } catch (GeneralSecurityException e) {
                throw new IllegalArgumentException("the public key cannot be read as an RSA or EC key");
            }
        }
        throw new IllegalArgumentException("the public key is neither RSA nor EC");
    }

    /** A key of a pair, from its public key and, when it signs, its private key (already checked to match). */
    private static JwtKey pair(PublicKey publicKey, PrivateKey privateKey) throws GeneralSecurityException {
        if (publicKey instanceof RSAPublicKey rsaPublic) {
            if (rsaPublic.getModulus().bitLength() < MIN_RSA_BITS) {
                throw new IllegalArgumentException("an RS256 key needs at least " + MIN_RSA_BITS + " bits");
            }
            Map<String, String> jwk = new LinkedHashMap<>();
            jwk.put("kty", "RSA");
            jwk.put("n", BASE64URL.encodeToString(unsigned(rsaPublic.getModulus())));
            jwk.put("e", BASE64URL.encodeToString(unsigned(rsaPublic.getPublicExponent())));
            // RFC 7638: the required members, in lexicographic order, without white space
            String keyId = thumbprint("{\"e\":\"" + jwk.get("e") + "\",\"kty\":\"RSA\",\"n\":\"" + jwk.get("n") + "\"}");
            return new JwtKey(Algorithm.RSA256(rsaPublic, (RSAPrivateKey) privateKey), privateKey != null,
                    published(jwk, keyId, "RS256"), keyId);
        }
        ECPublicKey ecPublic = (ECPublicKey) publicKey;
        requireP256(ecPublic.getParams());
        Map<String, String> jwk = new LinkedHashMap<>();
        jwk.put("kty", "EC");
        jwk.put("crv", "P-256");
        jwk.put("x", BASE64URL.encodeToString(coordinate(ecPublic.getW().getAffineX())));
        jwk.put("y", BASE64URL.encodeToString(coordinate(ecPublic.getW().getAffineY())));
        String keyId = thumbprint("{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"" + jwk.get("x") + "\",\"y\":\""
                + jwk.get("y") + "\"}");
        return new JwtKey(Algorithm.ECDSA256(ecPublic, (ECPrivateKey) privateKey), privateKey != null,
                published(jwk, keyId, "ES256"), keyId);
    }

    /** {@code kty, kid, use, alg}, then the key's own members. */
    private static Map<String, String> published(Map<String, String> members, String keyId, String algorithm) {
        Map<String, String> jwk = new LinkedHashMap<>();
        jwk.put("kty", members.get("kty"));
        jwk.put("kid", keyId);
        jwk.put("use", "sig");
        jwk.put("alg", algorithm);
        members.forEach(jwk::putIfAbsent);
        return Collections.unmodifiableMap(jwk);
    }

    /** {@code HS256}, {@code RS256} or {@code ES256}. */
    public String algorithmName() {
        return algorithm.getName();
    }

    /**
     * The key id written into the header of every token this key signs and looked up on verification:
     * the RFC 7638 JWK thumbprint (base64url SHA-256). Empty for a shared secret.
     */
    public Optional<String> keyId() {
        return Optional.ofNullable(keyId);
    }

    /** False for a {@linkplain #publicOnly public key only}, which verifies but does not sign. */
    public boolean canSign() {
        return signs;
    }

    /**
     * The public key as a JWK: {@code kty, kid, use: "sig", alg}, then {@code n, e} (RSA) or {@code crv, x, y}
     * (EC P-256), each number base64url without padding. Empty for a shared secret, which is never published.
     */
    public Optional<Map<String, String>> publicJwk() {
        return jwk.isEmpty() ? Optional.empty() : Optional.of(jwk);
    }

    Algorithm algorithm() {
        return algorithm;
    }

    @Override
    public String toString() {
        // never the key material; a key id is a hash of the public key, never of a secret
        return "JwtKey[" + algorithmName() + (keyId == null ? "" : ", kid=" + keyId) + (signs ? "" : ", verifies only")
                + "]";
    }

    /** The magnitude's big-endian octets without a sign octet: the minimum for RSA's n and e (RFC 7518 6.3.1). */
    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        int leadingZeros = 0;
        while (leadingZeros < bytes.length - 1 && bytes[leadingZeros] == 0) {
            leadingZeros++;
        }
        byte[] trimmed = new byte[bytes.length - leadingZeros];
        System.arraycopy(bytes, leadingZeros, trimmed, 0, trimmed.length);
        return trimmed;
    }

    /** A P-256 coordinate as exactly 32 octets, zero-padded on the left. */
    private static byte[] coordinate(BigInteger value) {
        byte[] magnitude = unsigned(value);
        byte[] full = new byte[P256_COORDINATE_BYTES];
        System.arraycopy(magnitude, 0, full, P256_COORDINATE_BYTES - magnitude.length, magnitude.length);
        return full;
    }

    private static String thumbprint(String canonicalJwk) throws GeneralSecurityException {
        return BASE64URL.encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(canonicalJwk.getBytes(StandardCharsets.US_ASCII)));
    }

    private static byte[] der(String pem, String label, String which) {
        Objects.requireNonNull(pem, which + "Pem");
        Matcher matcher = PEM.matcher(pem.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("the " + which + " key is not PEM text");
        }
        if (!matcher.group(1).equals(label)) {
            throw new IllegalArgumentException("the " + which + " key must be 'BEGIN " + label + "' ("
                    + (which.equals("private") ? "PKCS#8; convert with openssl pkcs8 -topk8 -nocrypt" : "X.509 SubjectPublicKeyInfo")
                    + "), got 'BEGIN " + matcher.group(1) + "'");
        }
        try {
            return Base64.getMimeDecoder().decode(matcher.group(2));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the " + which + " key is not valid base64");
        }
    }

    private static KeyFactory factoryFor(byte[] pkcs8) throws GeneralSecurityException {
        for (String type : new String[] {"RSA", "EC"}) {
            KeyFactory factory = KeyFactory.getInstance(type);
            try {
                factory.generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
                return factory;
            } catch (InvalidKeySpecException notThisType) {
                // try the next type
            }
        }
        throw new IllegalArgumentException("the private key is neither RSA nor EC");
    }

    /** Signs and verifies a probe, so a public key of another pair is caught at start-up, not at first login. */
    private static void requirePair(PrivateKey privateKey, PublicKey publicKey) throws GeneralSecurityException {
        String scheme = privateKey instanceof RSAPrivateKey ? "SHA256withRSA" : "SHA256withECDSA";
        Signature signer = Signature.getInstance(scheme);
        signer.initSign(privateKey);
        signer.update(PROBE);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance(scheme);
        verifier.initVerify(publicKey);
        verifier.update(PROBE);
        if (!verifier.verify(signature)) {
            throw new IllegalArgumentException("the public key does not belong to the private key");
        }
    }

    private static void requireP256(ECParameterSpec params) throws GeneralSecurityException {
        AlgorithmParameters p256 = AlgorithmParameters.getInstance("EC");
        p256.init(new ECGenParameterSpec("secp256r1"));
        ECParameterSpec expected = p256.getParameterSpec(ECParameterSpec.class);
        BigInteger order = params.getOrder();
        if (!params.getCurve().equals(expected.getCurve()) || !order.equals(expected.getOrder())) {
            throw new IllegalArgumentException("an ES256 key must be on the P-256 curve");
        }
    }
}
