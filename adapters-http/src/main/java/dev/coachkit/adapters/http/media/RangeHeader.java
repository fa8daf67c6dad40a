package dev.coachkit.adapters.http.media;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what a {@code Range} header asks of a representation of a known length (RFC 9110 section 14):
 * the whole of it, one range of it, or nothing it has.
 *
 * <p>One range is served. A header naming several ranges is answered with the whole representation
 * (200), which RFC 9110 allows a server that does not do {@code multipart/byteranges}: players seek
 * with one range at a time. Headers this server does not understand (another unit, a malformed
 * range, a last byte before the first) are ignored the same way, as section 14.2 asks.
 */
final class RangeHeader {

    private static final String UNIT = "bytes=";
    /** {@code first-last}, {@code first-} or {@code -suffix}, blanks around each part allowed. */
    private static final Pattern SINGLE = Pattern.compile("[ \\t]*(?:(\\d+)[ \\t]*-[ \\t]*(\\d*)|-[ \\t]*(\\d+))[ \\t]*");

    private RangeHeader() {}

    /** What to serve. */
    sealed interface Selection {}

    /** Everything, with 200. */
    record Whole() implements Selection {}

    /** Bytes {@code first..last} (inclusive), with 206. */
    record Part(long first, long last) implements Selection {
        long length() {
            return last - first + 1;
        }

        String contentRange(long total) {
            return "bytes " + first + "-" + last + "/" + total;
        }
    }

    /** Nothing of the representation lies in the range: 416. */
    record Unsatisfiable() implements Selection {
        static String contentRange(long total) {
            return "bytes */" + total;
        }
    }

    /**
     * @param header the {@code Range} header, or null when the request has none
     * @param total  the representation's length in bytes
     */
    static Selection select(String header, long total) {
        if (header == null || !header.regionMatches(true, 0, UNIT, 0, UNIT.length())) {
            return new Whole();
        }
        Matcher range = SINGLE.matcher(header.substring(UNIT.length()));
        if (!range.matches()) {
            return new Whole(); // malformed, or several ranges
        }
        if (range.group(3) != null) {
            long suffix = digits(range.group(3));
            // an empty representation has no last bytes, and a suffix of none selects nothing (section 14.1.3)
            return suffix == 0 || total == 0 ? new Unsatisfiable() : new Part(Math.max(0, total - suffix), total - 1);
        }
        long first = digits(range.group(1));
        long last = range.group(2).isEmpty() ? Long.MAX_VALUE : digits(range.group(2));
        if (last < first) {
            return new Whole(); // invalid: ignored like any malformed header
        }
        if (first >= total) {
            return new Unsatisfiable();
        }
        return new Part(first, Math.min(last, total - 1));
    }

    /** A position beyond what a long holds lies beyond any file: it reads as the largest long. */
    private static long digits(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException tooLong) {
            return Long.MAX_VALUE;
        }
    }
}
