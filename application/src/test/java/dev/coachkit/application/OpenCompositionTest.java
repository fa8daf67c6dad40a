package dev.coachkit.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.application.admin.port.out.MemberDataEraser;
import dev.coachkit.application.admin.port.out.TenantDataSource;
import dev.coachkit.application.community.port.in.CreatePostUseCase;
import dev.coachkit.application.community.port.in.CreateSpaceUseCase;
import dev.coachkit.application.composition.Assembly;
import dev.coachkit.application.composition.BoundedContext;
import dev.coachkit.application.events.EventRuntime;
import dev.coachkit.application.identity.port.in.ListMembersUseCase;
import dev.coachkit.application.identity.port.in.RegisterAccountUseCase;
import dev.coachkit.application.identity.port.out.AccountRepository;
import dev.coachkit.application.memory.InMemoryAccounts;
import dev.coachkit.application.memory.InMemoryUnitOfWork;
import dev.coachkit.application.notification.port.out.Mailer;
import dev.coachkit.domain.community.PostCreated;
import dev.coachkit.domain.community.PostType;
import dev.coachkit.domain.shared.Actor;
import dev.coachkit.domain.shared.DomainEvent;
import dev.coachkit.domain.shared.PageRequest;
import dev.coachkit.domain.shared.TenantId;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A host composes the core: its own consumers, its own adapter for any port, its own bounded context. */
class OpenCompositionTest {

    @Test
    void a_host_consumer_receives_the_typed_event_it_subscribed_to() {
        List<PostCreated> seen = new CopyOnWriteArrayList<>();
        CoachKit core = CoachKit.builder().onEvent(PostCreated.class, seen::add).withInMemoryAdapters().build();
        Actor ann = register(core);
        var space = core.community().createSpace().create(new CreateSpaceUseCase.Command(ann, "Rowing", "", false,
                Optional.empty()));

        var post = core.community().createPost().create(new CreatePostUseCase.Command(ann, space.space().id(),
                PostType.TEXT, "Monday", "Two laps", List.of()));
        core.events().drain();

        assertThat(seen).singleElement().satisfies(event -> {
            assertThat(event.postId()).isEqualTo(post.post().id());
            assertThat(event.title()).contains("Monday");
            assertThat(event.authorId()).isEqualTo(ann.accountId());
        });
    }

    @Test
    void a_host_adapter_of_one_port_sits_beside_in_memory_ones_for_the_rest() {
        InMemoryUnitOfWork memory = new InMemoryUnitOfWork();
        AtomicInteger reads = new AtomicInteger();
        AccountRepository counted = counting(AccountRepository.class, new InMemoryAccounts(memory), reads);

        CoachKit core = CoachKit.builder().unitOfWork(memory).adapter(AccountRepository.class, counted)
                .adapter(TenantDataSource.class, unused(TenantDataSource.class))
                .adapter(MemberDataEraser.class, unused(MemberDataEraser.class))
                .withInMemoryAdapters().build();
        Actor ann = register(core);
        int afterRegistering = reads.get();
        var members = core.identity().members().members(new ListMembersUseCase.Query(ann, ann.tenantId(),
                PageRequest.first(10)));

        assertThat(afterRegistering).as("the use cases call the host's adapter").isPositive();
        assertThat(members.items()).singleElement().satisfies(member ->
                assertThat(member.email().value()).isEqualTo("ann@club.test"));
        assertThat(reads.get()).as("the in-memory memberships read accounts through the host's adapter")
                .isGreaterThan(afterRegistering);
    }

    @Test
    void in_memory_readers_of_a_store_the_host_replaced_are_left_for_the_host_to_give() {
        AccountRepository own = counting(AccountRepository.class, new InMemoryAccounts(new InMemoryUnitOfWork()),
                new AtomicInteger());

        assertThatThrownBy(() -> CoachKit.builder().adapter(AccountRepository.class, own).withInMemoryAdapters()
                .build()).hasMessage("CoachKit needs an adapter for MemberDataEraser, TenantDataSource"
                        + " (or call withInMemoryAdapters())");
    }

    @Test
    void a_consumer_under_a_name_already_taken_or_of_no_event_type_is_refused() {
        assertThatThrownBy(() -> CoachKit.builder().onEvent("post-notifications", PostCreated.class, event -> { })
                .withInMemoryAdapters().build()).hasMessageContaining("two event consumers are named post-notifications");
        assertThatThrownBy(() -> CoachKit.builder().onEvent(Unregistered.class, event -> { })
                .withInMemoryAdapters().build()).hasMessageContaining("which no registered event type is");
    }

    /** An event record no context registers. */
    record Unregistered(TenantId tenantId, Instant occurredAt) implements DomainEvent {}

    @Test
    void build_names_the_ports_a_host_context_needs_and_finds_its_module_once_they_are_given() {
        BoundedContext<Greeter> greetings = new BoundedContext<>() {
            @Override
            public Class<Greeter> moduleType() {
                return Greeter.class;
            }

            @Override
            public List<Class<?>> ports() {
                return List.of(Salutation.class, Mailer.class);
            }

            @Override
            public Greeter assemble(Assembly assembly) {
                return new Greeter(assembly.port(Salutation.class));
            }
        };

        assertThatThrownBy(() -> CoachKit.builder().context(greetings).withInMemoryAdapters().build())
                .hasMessage("CoachKit needs an adapter for Salutation (or call withInMemoryAdapters())");
        CoachKit core = CoachKit.builder().context(greetings).adapter(Salutation.class, () -> "Hello")
                .withInMemoryAdapters().build();
        assertThat(core.module(Greeter.class).greet("Ann")).isEqualTo("Hello, Ann");
    }

    @Test
    void a_context_job_runs_where_the_process_runs_the_scheduler() throws InterruptedException {
        CountDownLatch ran = new CountDownLatch(2);
        BoundedContext<Ticker> ticking = new BoundedContext<>() {
            @Override
            public Class<Ticker> moduleType() {
                return Ticker.class;
            }

            @Override
            public List<Class<?>> ports() {
                return List.of();
            }

            @Override
            public Ticker assemble(Assembly assembly) {
                assembly.job(new EventRuntime.Job("tick", Duration.ofMillis(10), () -> {
                    ran.countDown();
                    return Optional.empty();
                }));
                return new Ticker();
            }
        };
        CoachKit core = CoachKit.builder().context(ticking).withInMemoryAdapters().build();

        core.start();
        try {
            assertThat(ran.await(10, TimeUnit.SECONDS)).as("ran twice at its interval").isTrue();
        } finally {
            core.stop();
        }
    }

    /** A host's module with nothing but a job. */
    record Ticker() {}

    /** A host's own out port. */
    interface Salutation {
        String word();
    }

    /** A host's own module. */
    record Greeter(Salutation salutation) {
        String greet(String name) {
            return salutation.word() + ", " + name;
        }
    }

    private static Actor register(CoachKit core) {
        var session = core.identity().register().register(new RegisterAccountUseCase.Command("ann@club.test",
                "correct horse battery", "Ann", "Lee", "Riverside", Optional.empty()));
        return core.identity().authenticate().authenticate(session.accessToken()).actor();
    }

    /** An adapter that must not be called in the test. */
    private static <P> P unused(Class<P> port) {
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (proxy, method, args) -> {
            throw new AssertionError(port.getSimpleName() + "." + method.getName() + " was called");
        }));
    }

    /** {@code adapter} behind a host's own class, counting the calls. */
    private static <P> P counting(Class<P> port, P adapter, AtomicInteger calls) {
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (proxy, method, args) -> {
            calls.incrementAndGet();
            try {
                return method.invoke(adapter, args);
            } catch (InvocationTargetException failure) {
                throw failure.getCause();
            }
        }));
    }
}
