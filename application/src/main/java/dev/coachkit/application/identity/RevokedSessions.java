package dev.coachkit.application.identity;

import java.util.UUID;

/**
 * A session (refresh-token family) that ended by logout or by the reuse of a rotated refresh token: its
 * key in the {@code TokenDenylist} refuses every access token issued in it, not only the one presented,
 * until the longest of them has expired.
 */
final class RevokedSessions {

    private RevokedSessions() {}

    static String key(UUID sessionId) {
        return "session:" + sessionId;
    }
}
