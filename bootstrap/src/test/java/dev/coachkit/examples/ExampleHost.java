package dev.coachkit.examples;

import dev.coachkit.adapters.crypto.passwords.Argon2PasswordHasher;
import dev.coachkit.adapters.crypto.tokens.JwtAccessTokenService;
import dev.coachkit.adapters.crypto.tokens.JwtKey;
import dev.coachkit.adapters.crypto.tokens.JwtSettings;
import dev.coachkit.adapters.persistence.PostgresPersistence;
import dev.coachkit.adapters.persistence.PostgresWorkerPersistence;
import dev.coachkit.adapters.persistence.shared.DatabaseMigrations;
import dev.coachkit.adapters.persistence.shared.PostgresUrl;
import dev.coachkit.application.CoachKit;
import dev.coachkit.application.community.port.in.CreatePostUseCase;
import dev.coachkit.application.community.port.in.CreateSpaceUseCase;
import dev.coachkit.application.community.port.in.SpaceOverview;
import dev.coachkit.application.identity.port.in.AuthResult;
import dev.coachkit.application.identity.port.in.RegisterAccountUseCase;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.domain.community.PostCreated;
import dev.coachkit.domain.community.PostType;
import dev.coachkit.domain.shared.Actor;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A JVM host that embeds the CoachKit core without the REST server: the code of docs/embedding.md,
 * compiled here and run by {@code EmbeddingGuideTest}, which also checks that every Java block of the
 * guide is a piece of this file.
 */
final class ExampleHost {

    private ExampleHost() {}

    /** The core on in-memory adapters, telling {@code newPosts} about every post through the event runtime. */
    static CoachKit inMemory(Consumer<PostCreated> newPosts) {
        CoachKit core = CoachKit.builder()
                .onEvent("example-host.new-posts", PostCreated.class, newPosts)
                .withInMemoryAdapters()
                .build();
        core.start();
        return core;
    }

    /**
     * The core on PostgreSQL: migrated as the owner, the use cases on the runtime role's pool, the relay
     * and scheduler on the worker role's; Argon2 and JWT from adapters-crypto; in-memory adapters for the
     * rest (mail, blobs, rate limits).
     */
    static CoachKit onPostgres(PostgresUrl owner, PostgresUrl runtime, PostgresUrl worker,
            Consumer<PostCreated> newPosts) {
        DatabaseMigrations.migrate(owner, runtime.user(), worker.user());
        PostgresPersistence persistence = PostgresPersistence.connect(runtime, 4, new SimpleMeterRegistry());
        PostgresWorkerPersistence relay = PostgresWorkerPersistence.connect(worker, new SimpleMeterRegistry());
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        CoachKit core = persistence.addTo(CoachKit.builder())
                .relay(relay.outboxRelayStore(), relay.outboxSignal())
                .scheduler(relay.maintenance(), relay.dueReminders())
                .passwordHasher(new Argon2PasswordHasher())
                .accessTokens(new JwtAccessTokenService(JwtSettings.defaults(JwtKey.hmac(secret)), Clock.system()))
                .onEvent("example-host.new-posts", PostCreated.class, newPosts)
                .manage(persistence)
                .manage(relay)
                .withInMemoryAdapters()
                .build();
        core.start();
        return core;
    }

    /** Registers an organization, opens a space and posts in it, as a host's own front end would. */
    static void registerAndPost(CoachKit core) {
        AuthResult owner = core.identity().register().register(new RegisterAccountUseCase.Command(
                "ann@club.test", "correct horse battery", "Ann", "Lee", "Riverside Rowing", Optional.empty()));
        Actor ann = core.identity().authenticate().authenticate(owner.accessToken()).actor();
        SpaceOverview juniors = core.community().createSpace().create(
                new CreateSpaceUseCase.Command(ann, "Juniors", "Morning squad", true, Optional.empty()));
        core.community().createPost().create(new CreatePostUseCase.Command(
                ann, juniors.space().id(), PostType.TEXT, "Monday", "Two laps, then drills", List.of()));
    }
}
