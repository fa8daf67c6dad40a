package dev.coachkit.application.shared.port.out;

/** Checks one dependency the core needs to serve requests (database, cache, queue, storage). */
public interface ReadinessProbe {

    /** Short, stable name shown in readiness reports, e.g. {@code database}. */
    String name();

    /**
     * Checks the dependency within a short time. Returns what to report when it is usable ("ok", or
     * e.g. a queue depth); throws with a message that says what is wrong otherwise.
     */
    String check() throws Exception;
}
