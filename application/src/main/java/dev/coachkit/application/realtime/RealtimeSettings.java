package dev.coachkit.application.realtime;

import java.time.Duration;

/**
 * Limits and rhythms of the real-time streams.
 *
 * @param streamsPerAccount   open streams one account may hold on one process
 * @param streamsPerProcess   open streams one process holds at most
 * @param heartbeat           how often an idle stream gets a ping (under the 20 s clients and proxies expect)
 * @param recheck             how often each stream's access token is checked again (sign-out, leaving the tenant)
 * @param audienceFreshness   how old a space-membership answer may be (removal from a space takes effect within it)
 * @param poll                how often the feed is read unasked, for wake-ups that were lost
 */
public record RealtimeSettings(int streamsPerAccount, int streamsPerProcess, Duration heartbeat, Duration recheck,
        Duration audienceFreshness, Duration poll) {

    /** How long a ticket can be redeemed. */
    public static final Duration TICKET_LIFETIME = Duration.ofSeconds(60);

    public RealtimeSettings {
        if (streamsPerAccount < 1 || streamsPerProcess < 1) {
            throw new IllegalArgumentException("stream limits must be positive");
        }
    }

    /** 10 streams per account, 5,000 per process, a ping every 15 s, tokens rechecked every 10 s, spaces every 2 s. */
    public static RealtimeSettings defaults() {
        return new RealtimeSettings(10, 5_000, Duration.ofSeconds(15), Duration.ofSeconds(10), Duration.ofSeconds(2),
                Duration.ofSeconds(1));
    }

    public RealtimeSettings withLimits(int perAccount, int perProcess) {
        return new RealtimeSettings(perAccount, perProcess, heartbeat, recheck, audienceFreshness, poll);
    }

    public RealtimeSettings withRhythm(Duration heartbeat, Duration recheck) {
        return new RealtimeSettings(streamsPerAccount, streamsPerProcess, heartbeat, recheck, audienceFreshness, poll);
    }

    public RealtimeSettings withRecheck(Duration recheck) {
        return withRhythm(heartbeat, recheck);
    }
}
