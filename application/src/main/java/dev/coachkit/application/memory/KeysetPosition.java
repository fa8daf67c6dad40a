package dev.coachkit.application.memory;

import dev.coachkit.domain.shared.Cursor;
import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;

/** A row's place in a list ordered by (time, id), compared with a cursor of the same two keys. */
record KeysetPosition(Instant at, UUID id) implements Comparable<KeysetPosition> {

    private static final Comparator<KeysetPosition> ORDER =
            Comparator.comparing(KeysetPosition::at).thenComparing(KeysetPosition::id);

    static KeysetPosition of(Cursor cursor) {
        return new KeysetPosition(cursor.instantKey(0), cursor.uuidKey(1));
    }

    Cursor toCursor() {
        return Cursor.of(at.toString(), id.toString());
    }

    @Override
    public int compareTo(KeysetPosition other) {
        return ORDER.compare(this, other);
    }
}
