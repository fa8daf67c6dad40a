package dev.coachkit.adapters.storage.local;

import dev.coachkit.domain.shared.PermissionDeniedException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and checks blob URLs with HMAC-SHA256 over the operation, the key, every other query
 * parameter and the expiry, so no part of a signed URL can be changed without breaking it.
 */
final class BlobUrlSigner {

    static final int MIN_KEY_BYTES = 32;
    private static final String SIGNATURE = "signature";
    private static final String EXPIRES = "expires";

    private final byte[] key;

    BlobUrlSigner(byte[] key) {
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("the blob signing key needs at least " + MIN_KEY_BYTES + " bytes");
        }
        this.key = key.clone();
    }

    /** The query string of a URL granting {@code parameters} on {@code blobKey} until {@code expiresAt}. */
    String signedQuery(String blobKey, Map<String, String> parameters, Instant expiresAt) {
        Map<String, String> signed = new TreeMap<>(parameters);
        signed.put(EXPIRES, Long.toString(expiresAt.getEpochSecond()));
        signed.put(SIGNATURE, sign(blobKey, signed));
        StringBuilder query = new StringBuilder();
        signed.forEach((name, value) -> query.append(query.length() == 0 ? "" : "&").append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return query.toString();
    }

    /**
     * The signed parameters of a request, once its signature and expiry are checked.
     *
     * @throws PermissionDeniedException when the signature is missing or wrong, or the URL expired
     */
    Map<String, String> verify(String blobKey, Map<String, String> query, Instant now) {
        String presented = query.get(SIGNATURE);
        String expires = query.get(EXPIRES);
        if (presented == null || expires == null) {
            throw new PermissionDeniedException("the blob URL is not signed");
        }
        Map<String, String> signed = new TreeMap<>(query);
        signed.remove(SIGNATURE);
        byte[] expected = sign(blobKey, signed).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, presented.getBytes(StandardCharsets.US_ASCII))) {
            throw new PermissionDeniedException("the blob URL's signature does not match");
        }
        long expiresAt;
        try {
            expiresAt = Long.parseLong(expires);
        } catch (NumberFormatException malformed) {
            throw new PermissionDeniedException("the blob URL's expiry is malformed");
        }
        if (now.getEpochSecond() >= expiresAt) {
            throw new PermissionDeniedException("the blob URL has expired");
        }
        Map<String, String> parameters = new LinkedHashMap<>(signed);
        parameters.remove(EXPIRES);
        return parameters;
    }

    private String sign(String blobKey, Map<String, String> sortedParameters) {
        StringBuilder canonical = new StringBuilder(blobKey);
        sortedParameters.forEach((name, value) -> canonical.append('\n').append(name).append('=').append(value));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }
}
