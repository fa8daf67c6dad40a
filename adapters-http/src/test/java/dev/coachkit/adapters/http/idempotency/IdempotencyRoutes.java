package dev.coachkit.adapters.http.idempotency;

import dev.coachkit.adapters.http.shared.ApiResponse;
import dev.coachkit.adapters.http.shared.ApiRoute;
import dev.coachkit.adapters.http.shared.RequestBody;
import dev.coachkit.adapters.http.shared.RouteModule;
import dev.coachkit.domain.shared.BusinessRuleException;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** POST routes that count how often their handlers ran, to tell a replay from a second run. */
final class IdempotencyRoutes implements RouteModule {

    record ThingRequest(@NotBlank String name) {}

    record ThingResponse(int id, @NotNull String name) {}

    final AtomicInteger created = new AtomicInteger();
    final AtomicInteger publics = new AtomicInteger();
    final AtomicInteger flakyRuns = new AtomicInteger();
    final AtomicInteger emptyRuns = new AtomicInteger();
    /** How many of the next flaky runs fail: with a 500 when positive. */
    final AtomicInteger flakyFailures = new AtomicInteger();
    final AtomicInteger rejections = new AtomicInteger();
    final CountDownLatch slowEntered = new CountDownLatch(1);
    final CountDownLatch slowRelease = new CountDownLatch(1);

    @Override
    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.post("/test/things").operationId("testCreateThing").tag("Test").summary("Counts creations")
                        .body(ThingRequest.class).json(201, "Created", ThingResponse.class)
                        .handle(ctx -> {
                            ThingRequest in = RequestBody.parse(ctx, ThingRequest.class);
                            ctx.status(201).json(new ThingResponse(created.incrementAndGet(), in.name()));
                        }),
                ApiRoute.post("/test/flaky").operationId("testFlaky").tag("Test").summary("Fails while told to")
                        .body(ThingRequest.class).json(201, "Created", ThingResponse.class).errors(422)
                        .handle(ctx -> {
                            int run = flakyRuns.incrementAndGet();
                            if (rejections.getAndDecrement() > 0) {
                                throw new BusinessRuleException("not now");
                            }
                            if (flakyFailures.getAndDecrement() > 0) {
                                throw new IllegalStateException("the database went away");
                            }
                            ctx.status(201).json(new ThingResponse(run, RequestBody.parse(ctx, ThingRequest.class).name()));
                        }),
                ApiRoute.post("/test/answers-503").operationId("testAnswers503").tag("Test").summary("A 5xx answer")
                        .json(200, "Never", ThingResponse.class)
                        .handle(ctx -> ctx.status(503).json(new ThingResponse(flakyRuns.incrementAndGet(), "down"))),
                ApiRoute.post("/test/slow").operationId("testSlowThing").tag("Test").summary("Waits for the test")
                        .body(ThingRequest.class).json(201, "Created", ThingResponse.class)
                        .handle(ctx -> {
                            slowEntered.countDown();
                            if (!slowRelease.await(30, TimeUnit.SECONDS)) {
                                throw new IllegalStateException("the test never released the slow request");
                            }
                            ctx.status(201).json(new ThingResponse(created.incrementAndGet(), "slow"));
                        }),
                ApiRoute.post("/test/empty").operationId("testEmpty").tag("Test").summary("No content")
                        .responds(ApiResponse.empty(204, "Done"))
                        .handle(ctx -> {
                            emptyRuns.incrementAndGet();
                            ctx.status(204);
                        }),
                ApiRoute.post("/test/public").operationId("testPublic").tag("Test").summary("No token needed")
                        .publicAccess().json(201, "Created", ThingResponse.class)
                        .handle(ctx -> ctx.status(201).json(new ThingResponse(publics.incrementAndGet(), "open"))));
    }
}
