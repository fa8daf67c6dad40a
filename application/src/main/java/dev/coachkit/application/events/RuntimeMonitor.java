package dev.coachkit.application.events;

import dev.coachkit.application.events.envelope.EventEnvelope;
import java.lang.System.Logger.Level;
import java.lang.System.Logger;

/**
 * What the event runtime reports: parked events, failed relay rounds and jobs, and the context in
 * which an event is handled in-process. The defaults log through {@link System.Logger}; a host
 * replaces them to add its own logging context (the REST server puts the tenant and event ids in its MDC).
 */
public interface RuntimeMonitor {

    /** The defaults: everything to {@link System.Logger}, no handling context. */
    RuntimeMonitor LOGGING = new RuntimeMonitor() {};

    /** An event failed too often and was parked as dead; operators must look at it. */
    default void deadEvent(EventEnvelope event, int attempts, String error) {
        log().log(Level.ERROR, "outbox event {0} ({1}, tenant {2}) parked as dead after {3} attempts: {4}",
                event.id(), event.type(), event.tenantId(), attempts, error);
    }

    /** A relay round failed as a whole (the store or queue unreachable); the relay retries after its poll interval. */
    default void relayFailed(RuntimeException failure) {
        log().log(Level.WARNING, "outbox relay round failed, retrying: {0}", failure.toString());
    }

    /** A scheduled job did something worth reporting. */
    default void jobDone(String job, String summary) {
        log().log(Level.INFO, "{0}: {1}", job, summary);
    }

    /** A scheduled job failed; its next run tries again. */
    default void jobFailed(String job, RuntimeException failure) {
        log().log(Level.WARNING, "{0} failed: {1}", job, failure.toString());
    }

    /** Opened around the in-process handling of one event and closed after it, on the handling thread. */
    default Scope handling(EventEnvelope event) {
        return () -> {};
    }

    /** Handling an event in-process failed; the relay retries it. */
    default void handlingFailed(EventEnvelope event, RuntimeException failure) {
        log().log(Level.WARNING, "Handling " + event.type() + " " + event.id() + " failed; the relay will retry it",
                failure);
    }

    /** A logging context that closes without checked exceptions. */
    @FunctionalInterface
    interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    private static Logger log() {
        return System.getLogger(EventRuntime.class.getName());
    }
}
