package dev.coachkit.application.shared.port.out;

import java.util.UUID;

/** Source of new identifiers; injected so tests get deterministic ids. */
@FunctionalInterface
public interface IdGenerator {

    UUID newId();

    /** Random (version 4) UUIDs. */
    static IdGenerator random() {
        return UUID::randomUUID;
    }
}
