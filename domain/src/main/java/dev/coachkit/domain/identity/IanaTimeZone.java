package dev.coachkit.domain.identity;

import dev.coachkit.domain.shared.InvalidInputException;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The IANA time zone a person reads times in, such as {@code Europe/Berlin}. Only ids of the tz database
 * whose rules are not a fixed offset, and {@code UTC}, are accepted: {@link ZoneId#of} also takes offsets
 * ({@code +02:00}, {@code GMT+2}) and the tz database lists fixed-offset ids ({@code Etc/GMT+5}, which is
 * UTC−5, {@code EST}); none of them follows daylight saving time, so a profile holding one would show the
 * wrong hour for half of the year.
 */
public record IanaTimeZone(ZoneId zone) {

    /** Where every account starts until its owner sets a zone. */
    public static final IanaTimeZone UTC = new IanaTimeZone(ZoneId.of("UTC"));

    public IanaTimeZone {
        Objects.requireNonNull(zone, "zone");
        if (!isRegion(zone.getId())) {
            throw new IllegalArgumentException("not an IANA time zone: " + zone.getId());
        }
    }

    /**
     * The zone a client named.
     *
     * @throws InvalidInputException naming {@code timeZone} for anything but a tz database region id or UTC
     */
    public static IanaTimeZone of(String id) {
        if (id == null || !isRegion(id)) {
            throw new InvalidInputException("timeZone", "must be an IANA time zone such as Europe/Berlin or UTC,"
                    + " not an offset or an abbreviation");
        }
        return new IanaTimeZone(ZoneId.of(id));
    }

    /**
     * A zone read back from storage: {@code UTC} when this JVM's tz database does not know the id (a zone
     * renamed or dropped by a newer or older JDK), so that the account still loads and its texts still go out.
     */
    public static IanaTimeZone ofStored(String id) {
        return isRegion(id) ? new IanaTimeZone(ZoneId.of(id)) : UTC;
    }

    /** Case matters: {@code europe/berlin} is not a tz database id, though some parsers would guess. */
    private static boolean isRegion(String id) {
        return id.equals("UTC")
                || ZoneId.getAvailableZoneIds().contains(id) && !ZoneId.of(id).getRules().isFixedOffset();
    }

    /** The id as clients send and see it, e.g. {@code America/New_York}. */
    public String id() {
        return zone.getId();
    }
}
