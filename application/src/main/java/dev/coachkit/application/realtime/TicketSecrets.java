package dev.coachkit.application.realtime;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a ticket's text yields: the digest that finds it in the store and a key that seals the access
 * token it stands for (AES-GCM). Both are keyed hashes of the text, which is never stored, so a
 * leaked ticket table yields neither tickets nor tokens.
 */
final class TicketSecrets {

    private static final String MAC = "HmacSHA256";
    private static final String CIPHER = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] ticket;

    TicketSecrets(String ticket) {
        this.ticket = ticket.getBytes(StandardCharsets.UTF_8);
    }

    String digest() {
        return HexFormat.of().formatHex(keyed("digest"));
    }

    String seal(String accessToken) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, nonce, accessToken.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array());
    }

    /** The access token sealed under this ticket; empty when the stored text was not sealed under it. */
    Optional<String> open(String sealed) {
        byte[] bytes = Base64.getDecoder().decode(sealed);
        if (bytes.length <= NONCE_BYTES) {
            return Optional.empty();
        }
        try {
            return Optional.of(new String(crypt(Cipher.DECRYPT_MODE, Arrays.copyOf(bytes, NONCE_BYTES),
                    Arrays.copyOfRange(bytes, NONCE_BYTES, bytes.length)), StandardCharsets.UTF_8));
        } catch (IllegalStateException altered) {
            return Optional.empty();
        }
    }

    private byte[] crypt(int mode, byte[] nonce, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(mode, new SecretKeySpec(keyed("seal"), "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a real-time ticket could not be sealed or opened", e);
        }
    }

    private byte[] keyed(String purpose) {
        try {
            Mac mac = Mac.getInstance(MAC);
            mac.init(new SecretKeySpec(ticket, MAC));
            return mac.doFinal(("coachkit-realtime-ticket:" + purpose).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has " + MAC, e);
        }
    }
}
