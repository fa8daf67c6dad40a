package dev.coachkit.application;

import dev.coachkit.application.composition.Assembly;
import dev.coachkit.application.composition.BoundedContext;
import dev.coachkit.application.events.EventConsumer;
import dev.coachkit.application.events.EventRecorder;
import dev.coachkit.application.events.EventRuntime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Assembles the contexts in order from the builder's adapters and settings, collecting modules, consumers and jobs. */
final class ContextAssembly {

    private final CoachKitBuilder builder;
    private final EventRecorder events;
    private final Map<Class<?>, Object> modules = new LinkedHashMap<>();
    private final Map<Class<?>, Object> provided = new LinkedHashMap<>();
    private final List<EventConsumer<?>> consumers = new ArrayList<>();
    private final List<EventRuntime.Job> jobs = new ArrayList<>();

    ContextAssembly(CoachKitBuilder builder, EventRecorder events) {
        this.builder = builder;
        this.events = events;
    }

    <M> void assemble(BoundedContext<M> context) {
        if (modules.containsKey(context.moduleType())) {
            throw new IllegalStateException(context.moduleType().getSimpleName() + " is assembled twice");
        }
        modules.put(context.moduleType(), context.assemble(new ForContext(context)));
    }

    Map<Class<?>, Object> modules() {
        return Map.copyOf(modules);
    }

    List<EventConsumer<?>> consumers() {
        return List.copyOf(consumers);
    }

    List<EventRuntime.Job> jobs() {
        return List.copyOf(jobs);
    }

    /** One context's view: only the ports it declared, only the modules assembled before it. */
    private final class ForContext implements Assembly {
        private final BoundedContext<?> context;

        ForContext(BoundedContext<?> context) {
            this.context = context;
        }

        @Override
        public <P> P port(Class<P> port) {
            if (!context.ports().contains(port)) {
                throw new IllegalStateException(context.getClass().getSimpleName() + " uses "
                        + port.getSimpleName() + " without declaring it in ports()");
            }
            return builder.adapterOf(port);
        }

        @Override
        public <P> Optional<P> optionalPort(Class<P> port) {
            return Optional.ofNullable(builder.adapterOf(port))
                    .or(() -> Optional.ofNullable(port.cast(provided.get(port))));
        }

        @Override
        public <P> void provide(Class<P> port, P adapter) {
            if (provided.putIfAbsent(port, port.cast(adapter)) != null) {
                throw new IllegalStateException(port.getSimpleName() + " is provided by two contexts");
            }
        }

        @Override
        public <S> S setting(Class<S> type, S defaultValue) {
            return builder.settingOf(type, defaultValue);
        }

        @Override
        public <M> M module(Class<M> moduleType) {
            Object module = modules.get(moduleType);
            if (module == null) {
                throw new IllegalStateException(context.getClass().getSimpleName() + " needs "
                        + moduleType.getSimpleName() + ", which is not assembled before it");
            }
            return moduleType.cast(module);
        }

        @Override
        public EventRecorder events() {
            return events;
        }

        @Override
        public void consumer(EventConsumer<?> consumer) {
            consumers.add(consumer);
        }

        @Override
        public void job(EventRuntime.Job job) {
            jobs.add(job);
        }
    }
}
