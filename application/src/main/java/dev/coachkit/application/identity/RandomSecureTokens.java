package dev.coachkit.application.identity;

import dev.coachkit.application.identity.port.out.SecureTokens;
import java.security.SecureRandom;
import java.util.Base64;

/** 256 random bits from the JDK's {@link SecureRandom}, base64url without padding (43 characters). */
public final class RandomSecureTokens implements SecureTokens {

    private final SecureRandom random = new SecureRandom();

    @Override
    public String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
