package dev.coachkit.application.shared;

import dev.coachkit.application.shared.port.in.IdempotentRequestUseCase.Request;
import dev.coachkit.application.shared.port.out.IdempotencyStore.StoredResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * What the client's key text yields for one request. The store keeps the text's digest to find the
 * key, a hash of the request keyed with the text to tell a retry from other work, and the answer
 * sealed with AES-GCM under a key derived from the text and the request. Without the text (which
 * is never stored) and the request (whose body may hold a password) a stored answer can be neither
 * read nor matched to a guessed request; an answer with tokens or an invitation link is therefore
 * safe to keep.
 */
record IdempotencySecrets(String digest, String requestHash, SecretKey sealKey) {

    private static final String MAC = "HmacSHA256";
    private static final String CIPHER = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    static IdempotencySecrets of(Request request) {
        byte[] text = request.key().getBytes(StandardCharsets.US_ASCII);
        byte[] requestHash = keyedHash(text, "request", request);
        byte[] sealKey = keyedHash(text, "seal", request);
        return new IdempotencySecrets(HexFormat.of().formatHex(sha256(text)), HexFormat.of().formatHex(requestHash),
                new SecretKeySpec(sealKey, "AES"));
    }

    /** The response with its body encrypted; status and content type stay readable but are authenticated. */
    static StoredResponse seal(SecretKey sealKey, StoredResponse response) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] sealed = crypt(sealKey, Cipher.ENCRYPT_MODE, nonce, response, response.body());
        byte[] body = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        return new StoredResponse(response.status(), response.contentType(), body);
    }

    /**
     * The response as it was before {@link #seal} under the same key.
     *
     * @throws IllegalStateException when the stored bytes were not sealed under this key or were altered
     */
    static StoredResponse open(SecretKey sealKey, StoredResponse stored) {
        byte[] body = stored.body();
        if (body.length < NONCE_BYTES) {
            throw new IllegalStateException("a stored idempotent response is too short to be sealed");
        }
        byte[] nonce = Arrays.copyOf(body, NONCE_BYTES);
        byte[] plain = crypt(sealKey, Cipher.DECRYPT_MODE, nonce, stored, Arrays.copyOfRange(body, NONCE_BYTES, body.length));
        return new StoredResponse(stored.status(), stored.contentType(), plain);
    }

    private static byte[] crypt(SecretKey sealKey, int mode, byte[] nonce, StoredResponse response, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(mode, sealKey, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD((response.status() + " " + response.contentType()).getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored idempotent response could not be sealed or opened", e);
        }
    }

    /** HMAC-SHA256 over length-prefixed parts, so no two different requests concatenate to the same input. */
    private static byte[] keyedHash(byte[] key, String purpose, Request request) {
        try {
            Mac mac = Mac.getInstance(MAC);
            mac.init(new SecretKeySpec(key, MAC));
            for (byte[] part : new byte[][] {purpose.getBytes(StandardCharsets.UTF_8),
                    request.method().getBytes(StandardCharsets.UTF_8), request.target().getBytes(StandardCharsets.UTF_8),
                    request.credentials().getBytes(StandardCharsets.UTF_8), request.body()}) {
                mac.update(ByteBuffer.allocate(Integer.BYTES).putInt(part.length).array());
                mac.update(part);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has " + MAC, e);
        }
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
