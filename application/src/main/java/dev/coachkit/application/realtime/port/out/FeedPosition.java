package dev.coachkit.application.realtime.port.out;

import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a committed event stands in the feed: ordered by the transaction that recorded it, then by its
 * sequence within the outbox. The text form is what clients see as the event id; they treat it as
 * opaque and hand it back to resume.
 */
public record FeedPosition(long transaction, long sequence) implements Comparable<FeedPosition> {

    /** Before every event. */
    public static final FeedPosition START = new FeedPosition(0, 0);

    private static final Pattern TEXT = Pattern.compile("(\\d{1,18})-(\\d{1,18})");
    private static final Comparator<FeedPosition> ORDER =
            Comparator.comparingLong(FeedPosition::transaction).thenComparingLong(FeedPosition::sequence);

    public FeedPosition {
        if (transaction < 0 || sequence < 0) {
            throw new IllegalArgumentException("feed positions are not negative: " + transaction + "-" + sequence);
        }
    }

    /** The position a client sent back; empty when it is not one this server hands out. */
    public static Optional<FeedPosition> parse(String text) {
        Matcher matcher = text == null ? null : TEXT.matcher(text);
        if (matcher == null || !matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new FeedPosition(Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2))));
    }

    public String text() {
        return transaction + "-" + sequence;
    }

    @Override
    public int compareTo(FeedPosition other) {
        return ORDER.compare(this, other);
    }
}
