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
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The key that signs and verifies access tokens, which also fixes the one algorithm accepted:
 * HS256 for a shared secret, RS256 for an RSA pair, ES256 for a P-256 pair.
 */
public final class JwtKey {

    /** HS256 needs a secret at least as long as its hash: 256 bits. */
    public static final int MIN_HMAC_SECRET_BYTES = 32;
    static final int MIN_RSA_BITS = 2048;
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");
    private static final byte[] PROBE = "coachkit key pair check".getBytes(StandardCharsets.US_ASCII);

    private final Algorithm algorithm;

    private JwtKey(Algorithm algorithm) {
        this.algorithm = algorithm;
    }

    /** HS256 with a shared secret of at least {@value #MIN_HMAC_SECRET_BYTES} random bytes. */
    public static JwtKey hmac(byte[] secret) {
        Objects.requireNonNull(secret, "secret");
        if (secret.length < MIN_HMAC_SECRET_BYTES) {
            throw new IllegalArgumentException("an HS256 secret needs at least " + MIN_HMAC_SECRET_BYTES
                    + " bytes (256 bits), got " + secret.length);
        }
        return new JwtKey(Algorithm.HMAC256(secret.clone()));
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
            if (privateKey instanceof RSAPrivateKey rsaPrivate) {
                RSAPublicKey rsaPublic = (RSAPublicKey) publicKey;
                if (rsaPublic.getModulus().bitLength() < MIN_RSA_BITS) {
                    throw new IllegalArgumentException("an RS256 key needs at least " + MIN_RSA_BITS + " bits");
                }
                return new JwtKey(Algorithm.RSA256(rsaPublic, rsaPrivate));
            }
            ECPublicKey ecPublic = (ECPublicKey) publicKey;
            requireP256(ecPublic.getParams());
            return new JwtKey(Algorithm.ECDSA256(ecPublic, (ECPrivateKey) privateKey));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the PEM keys cannot be read as an RSA or EC key pair");
        }
    }

    /** {@code HS256}, {@code RS256} or {@code ES256}. */
    public String algorithmName() {
        return algorithm.getName();
    }

    Algorithm algorithm() {
        return algorithm;
    }

    @Override
    public String toString() {
        return "JwtKey[" + algorithmName() + "]"; // never the key material
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
