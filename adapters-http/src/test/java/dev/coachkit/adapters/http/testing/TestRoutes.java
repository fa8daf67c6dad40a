package dev.coachkit.adapters.http.testing;

import dev.coachkit.adapters.http.shared.ApiRoute;
import dev.coachkit.adapters.http.shared.RequestBody;
import dev.coachkit.adapters.http.shared.RouteModule;
import dev.coachkit.domain.shared.AuthenticationException;
import dev.coachkit.domain.shared.BusinessRuleException;
import dev.coachkit.domain.shared.ConflictException;
import dev.coachkit.domain.shared.NotFoundException;
import dev.coachkit.domain.shared.PermissionDeniedException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/** Test-only routes that exercise input handling and every way a handler can fail. */
public final class TestRoutes implements RouteModule {

    /** A validated request record, shaped like the real ones. */
    public record MemberRequest(
            @NotBlank @Size(max = 40) String name,
            @NotNull @Email String email,
            @Min(13) int age,
            UUID spaceId,
            Instant joinedAt,
            List<@Valid Slot> slots) {}

    /** A nested record, to check that field paths name the element. */
    public record Slot(@NotBlank String day) {}

    /** The stored member, echoed back. */
    public record MemberResponse(@NotNull String name, @NotNull String email, int age, @Nullable UUID spaceId,
            @Nullable Instant joinedAt) {}

    /** Counted down when a slow request is inside its handler. */
    public final CountDownLatch slowEntered = new CountDownLatch(1);
    /** Counted down by the test to let the slow request finish. */
    public final CountDownLatch slowRelease = new CountDownLatch(1);

    @Override
    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.post("/test/members").operationId("testCreateMember").tag("Test").summary("Validated body")
                        .body(MemberRequest.class)
                        .json(201, "Created", MemberResponse.class)
                        .handle(ctx -> {
                            MemberRequest in = RequestBody.parse(ctx, MemberRequest.class);
                            ctx.status(201).json(new MemberResponse(in.name(), in.email(), in.age(), in.spaceId(), in.joinedAt()));
                        }),
                ApiRoute.get("/test/boom").operationId("testBoom").tag("Test").summary("Fails unexpectedly")
                        .json(200, "Never", MemberResponse.class)
                        .handle(ctx -> {
                            throw new IllegalStateException("connection to db:5432 as admin/hunter2 refused");
                        }),
                ApiRoute.get("/test/failures/{kind}").operationId("testDomainFailure").tag("Test")
                        .summary("Throws the domain error named by kind")
                        .json(200, "Never", MemberResponse.class)
                        .errors(401, 403, 404, 409, 422)
                        .handle(ctx -> {
                            switch (ctx.pathParam("kind")) {
                                case "not-found" -> throw new NotFoundException("Space", "42");
                                case "conflict" -> throw new ConflictException("the slot is already booked");
                                case "forbidden" -> throw new PermissionDeniedException("only the owner may do this");
                                case "unauthenticated" -> throw new AuthenticationException("wrong e-mail or password");
                                default -> throw new BusinessRuleException("sessions cannot start in the past");
                            }
                        }),
                ApiRoute.get("/test/slow").operationId("testSlow").tag("Test").summary("Waits for the test")
                        .json(200, "Finished", MemberResponse.class)
                        .handle(ctx -> {
                            slowEntered.countDown();
                            if (!slowRelease.await(30, TimeUnit.SECONDS)) {
                                throw new IllegalStateException("the test never released the slow request");
                            }
                            ctx.json(new MemberResponse("slow", "slow@example.com", 30, null, null));
                        }));
    }
}
