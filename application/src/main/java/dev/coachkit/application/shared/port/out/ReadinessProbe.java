package dev.coachkit.application.shared.port.out;

/** Checks one dependency the core needs to serve requests (database, cache, queue, storage). */
public interface ReadinessProbe {

    /** Short, stable name shown in readiness reports, e.g. {@code database}. */
    String name();

    /**
     * Checks the dependency within a short time. Returns normally when it is usable; throws with a
     * message that says what is wrong otherwise.
     */
    void check() throws Exception;

    /** What to report next to a passed check, e.g. a queue depth; read right after {@link #check()}. */
    default String detail() {
        return "ok";
    }
}
