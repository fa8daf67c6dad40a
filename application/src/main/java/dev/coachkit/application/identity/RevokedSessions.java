package dev.coachkit.application.identity;

import dev.coachkit.application.identity.port.out.TokenDenylist;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Sessions (refresh-token families) that ended — by logout, sign-out of a device, a password change or
 * the reuse of a rotated refresh token: their key in the {@code TokenDenylist} refuses every access token
 * issued in them, not only the one presented, until the longest of those has expired.
 */
final class RevokedSessions {

    private final TokenDenylist denylist;
    private final Duration accessTokenTtl;

    RevokedSessions(TokenDenylist denylist, Duration accessTokenTtl) {
        this.denylist = denylist;
        this.accessTokenTtl = accessTokenTtl;
    }

    /** Refuses the session's access tokens from now on: every one was issued by {@code now}. */
    void revoke(UUID session, Instant now) {
        denylist.deny(key(session), now.plus(accessTokenTtl));
    }

    static String key(UUID sessionId) {
        return "session:" + sessionId;
    }
}
