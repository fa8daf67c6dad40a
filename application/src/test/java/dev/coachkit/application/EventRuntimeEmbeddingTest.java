package dev.coachkit.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.application.community.port.in.AddSpaceMemberUseCase;
import dev.coachkit.application.community.port.in.CreatePostUseCase;
import dev.coachkit.application.community.port.in.CreateSpaceUseCase;
import dev.coachkit.application.events.RuntimeSettings;
import dev.coachkit.application.identity.port.in.AcceptInvitationUseCase;
import dev.coachkit.application.identity.port.in.AuthResult;
import dev.coachkit.application.identity.port.in.InviteMemberUseCase;
import dev.coachkit.application.identity.port.in.RegisterAccountUseCase;
import dev.coachkit.application.memory.InMemoryEventOutbox;
import dev.coachkit.application.notification.port.in.ListNotificationsUseCase;
import dev.coachkit.domain.community.PostType;
import dev.coachkit.domain.notification.Notification;
import dev.coachkit.domain.shared.Actor;
import dev.coachkit.domain.shared.PageRequest;
import dev.coachkit.domain.shared.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An embedded core with in-memory adapters delivers its events: by its running runtime, or by drain(). */
class EventRuntimeEmbeddingTest {

    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(10);

    private CoachKit core;
    private Actor admin;
    private Actor athlete;

    @AfterEach
    void stopCore() {
        if (core != null) {
            core.stop();
        }
    }

    @Test
    void started_core_delivers_a_post_to_the_athletes_notifications_with_no_other_setup() {
        core = CoachKit.builder().withInMemoryAdapters().build();
        core.start();
        clubWithAthlete();

        UUID post = postInSpaceWithAthlete();

        List<Notification> received = await(() -> notificationsOf(athlete), list -> !list.isEmpty());
        assertThat(received).singleElement().satisfies(n -> assertThat(n.subjectId()).isEqualTo(post));
    }

    @Test
    void drain_without_start_delivers_everything_pending_and_reports_how_many() {
        core = CoachKit.builder().withInMemoryAdapters().build();
        clubWithAthlete();
        core.events().drain();

        UUID post = postInSpaceWithAthlete();

        assertThat(notificationsOf(athlete)).isEmpty();
        List<String> pending = ((InMemoryEventOutbox) core.eventOutbox()).unpublished(admin.tenantId()).stream().map(e -> e.type()).toList();
        assertThat(pending).contains("post.created");
        // and the notification.created that handling the post recorded, relayed in the same drain
        assertThat(core.events().drain()).isEqualTo(pending.size() + 1);
        assertThat(notificationsOf(athlete)).singleElement()
                .satisfies(n -> assertThat(n.subjectId()).isEqualTo(post));
        assertThat(core.events().drain()).as("nothing left").isZero();
    }

    @Test
    void the_runtime_runs_on_the_hosts_executor_when_given_one_and_stops_there() throws Exception {
        ExecutorService host = Executors.newCachedThreadPool();
        core = CoachKit.builder().runtimeSettings(RuntimeSettings.defaults().withExecutor(host))
                .withInMemoryAdapters().build();
        core.start();
        clubWithAthlete();

        postInSpaceWithAthlete();

        await(() -> notificationsOf(athlete), list -> !list.isEmpty());
        core.stop();
        core = null;
        host.shutdown();
        assertThat(host.awaitTermination(5, TimeUnit.SECONDS))
                .as("every loop returned its thread to the host").isTrue();
    }

    private void clubWithAthlete() {
        AuthResult registered = core.identity().register().register(new RegisterAccountUseCase.Command(
                "ann@club.test", "correct horse battery", "Ann", "Admin", "Club", Optional.empty()));
        admin = actorOf(registered);
        String token = core.identity().invite().invite(new InviteMemberUseCase.Command(admin, admin.tenantId(),
                "bo@club.test", Role.ATHLETE, Optional.empty())).acceptToken();
        athlete = actorOf(core.identity().acceptInvitation().accept(new AcceptInvitationUseCase.Command(token,
                Optional.empty(), Optional.of(new AcceptInvitationUseCase.NewAccount("another good password", "Bo",
                        "Athlete")), Optional.empty())));
    }

    private UUID postInSpaceWithAthlete() {
        UUID space = core.community().createSpace().create(new CreateSpaceUseCase.Command(admin, "Crew", "", true,
                Optional.empty())).space().id();
        core.community().addMember().add(new AddSpaceMemberUseCase.Command(admin, space, athlete.accountId(),
                Optional.empty(), Optional.empty()));
        return core.community().createPost().create(new CreatePostUseCase.Command(admin, space, PostType.TEXT, null,
                "Training moved to 7am", List.of())).post().id();
    }

    private Actor actorOf(AuthResult session) {
        return core.identity().authenticate().authenticate(session.accessToken()).actor();
    }

    private List<Notification> notificationsOf(Actor member) {
        return core.listNotifications().notifications(new ListNotificationsUseCase.Query(member, false,
                PageRequest.first(50))).items();
    }

    /** Polls until {@code done} holds, failing after {@link #DELIVERY_TIMEOUT}; the wait is no assertion. */
    private static <T> T await(Supplier<T> read, Predicate<T> done) {
        Instant deadline = Instant.now().plus(DELIVERY_TIMEOUT);
        T value = read.get();
        while (!done.test(value)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not delivered within " + DELIVERY_TIMEOUT + ": " + value);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new AssertionError(interrupted);
            }
            value = read.get();
        }
        return value;
    }
}
