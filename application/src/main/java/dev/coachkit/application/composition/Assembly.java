package dev.coachkit.application.composition;

import dev.coachkit.application.events.EventConsumer;
import dev.coachkit.application.events.EventRecorder;
import dev.coachkit.application.events.EventRuntime;
import java.util.Optional;

/** What a {@link BoundedContext} is assembled from: the adapters, settings and modules the builder holds. */
public interface Assembly {

    /** The adapter of {@code port}; the context must list the port in {@link BoundedContext#ports()}. */
    <P> P port(Class<P> port);

    /**
     * The adapter of a port the context can do without (it then falls back on one of its own): the host's,
     * else one a context assembled before {@linkplain #provide provided}.
     */
    <P> Optional<P> optionalPort(Class<P> port);

    /**
     * Offers {@code adapter} of another context's port to the contexts assembled after this one, which find
     * it with {@link #optionalPort} unless the host gave its own; so a context serves another without that
     * one depending on it (payments answers scheduling's {@code BookingPayments}).
     */
    <P> void provide(Class<P> port, P adapter);

    /** The setting of this type the host gave, or {@code defaultValue}. */
    <S> S setting(Class<S> type, S defaultValue);

    /** The module of a context assembled before this one. */
    <M> M module(Class<M> moduleType);

    /** Records typed events in the running unit of work. */
    EventRecorder events();

    /** Registers a consumer of the context's own or other contexts' events. */
    void consumer(EventConsumer<?> consumer);

    /** Registers a periodic job, run by the event runtime where the process runs the scheduler. */
    void job(EventRuntime.Job job);
}
