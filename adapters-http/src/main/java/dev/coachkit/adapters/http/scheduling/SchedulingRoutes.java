package dev.coachkit.adapters.http.scheduling;

import dev.coachkit.adapters.http.scheduling.SchedulingRequests.AvailabilityRequest;
import dev.coachkit.adapters.http.scheduling.SchedulingRequests.BookRequest;
import dev.coachkit.adapters.http.scheduling.SchedulingRequests.CancelRequest;
import dev.coachkit.adapters.http.scheduling.SchedulingResponses.AvailabilityResponse;
import dev.coachkit.adapters.http.scheduling.SchedulingResponses.AvailabilityWithOpeningsResponse;
import dev.coachkit.adapters.http.scheduling.SchedulingResponses.CalendarTokenResponse;
import dev.coachkit.adapters.http.scheduling.SchedulingResponses.SessionPage;
import dev.coachkit.adapters.http.scheduling.SchedulingResponses.SessionResponse;
import dev.coachkit.adapters.http.scheduling.SchedulingResponses.SessionStatusName;
import dev.coachkit.adapters.http.security.Authenticated;
import dev.coachkit.adapters.http.security.ClientIp;
import dev.coachkit.adapters.http.shared.ApiParameter;
import dev.coachkit.adapters.http.shared.ApiResponse;
import dev.coachkit.adapters.http.shared.ApiRoute;
import dev.coachkit.adapters.http.shared.Paging;
import dev.coachkit.adapters.http.shared.QueryInstants;
import dev.coachkit.adapters.http.shared.RequestBody;
import dev.coachkit.adapters.http.shared.RouteModule;
import dev.coachkit.application.scheduling.SchedulingModule;
import dev.coachkit.application.scheduling.port.in.BookSessionUseCase;
import dev.coachkit.application.scheduling.port.in.CancelSessionUseCase;
import dev.coachkit.application.scheduling.port.in.GetAvailabilityUseCase;
import dev.coachkit.application.scheduling.port.in.ListSessionsUseCase;
import dev.coachkit.application.scheduling.port.in.SetAvailabilityUseCase;
import dev.coachkit.domain.scheduling.SessionStatus;
import dev.coachkit.domain.scheduling.WeeklySlot;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.Ids;
import dev.coachkit.domain.shared.InvalidInputException;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The Scheduling endpoints, and the calendar feed with its token (docs/scheduling.md). */
public final class SchedulingRoutes implements RouteModule {

    private static final String TAG = "Scheduling";
    private static final String CALENDAR = "text/calendar";

    private final SchedulingModule scheduling;
    private final String publicUrl;

    /** @param publicUrl where clients reach the API; feed URLs start with it */
    public SchedulingRoutes(SchedulingModule scheduling, String publicUrl) {
        this.scheduling = scheduling;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    @Override
    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.post("/scheduling/availability").operationId("setAvailability").tag(TAG)
                        .summary("Replace a coach's weekly availability (own; SCHEDULER and ADMIN: any coach's)")
                        .body(AvailabilityRequest.class, SchedulingExamples.SET_AVAILABILITY)
                        .json(200, "The coach's new weekly availability", AvailabilityResponse.class,
                                SchedulingExamples.AVAILABILITY)
                        .errors(403, 404)
                        .handle(this::setAvailability),
                ApiRoute.get("/scheduling/availability/{coachId}").operationId("getAvailability").tag(TAG)
                        .summary("A coach's weekly rules and free openings in [from, to), at most 62 days")
                        .parameter(ApiParameter.path("coachId", UUID.class, "The coach"))
                        .parameter(ApiParameter.query("from", Instant.class, "Start of the window (default now)"))
                        .parameter(ApiParameter.query("to", Instant.class, "End of the window (default from + 14 days)"))
                        .json(200, "Rules and openings", AvailabilityWithOpeningsResponse.class, SchedulingExamples.OPENINGS).errors(404)
                        .handle(this::getAvailability),
                ApiRoute.post("/scheduling/sessions/book").operationId("bookSession").tag(TAG)
                        .summary("Book a session inside the coach's availability, in the future, on a free slot")
                        .body(BookRequest.class, SchedulingExamples.BOOK)
                        .json(201, "The scheduled session, or the session held until its order is paid",
                                SessionResponse.class, SchedulingExamples.BOOKED).errors(402, 403, 404, 409, 422, 503)
                        .handle(this::book),
                ApiRoute.get("/scheduling/sessions").operationId("listSessions").tag(TAG)
                        .summary("Sessions by start time: the caller's own (SCHEDULER, ADMIN: the tenant's)")
                        .parameter(ApiParameter.query("from", Instant.class, "Sessions starting at or after"))
                        .parameter(ApiParameter.query("to", Instant.class, "Sessions starting before"))
                        .parameter(ApiParameter.query("coachId", UUID.class, "Only this coach's"))
                        .parameter(ApiParameter.query("athleteId", UUID.class, "Only this athlete's"))
                        .parameter(ApiParameter.query("status", SessionStatusName.class,
                                "Only sessions in this status"))
                        .parameter(Paging.PARAMETERS.get(0)).parameter(Paging.PARAMETERS.get(1))
                        .json(200, "A page of sessions", SessionPage.class)
                        .handle(this::list),
                ApiRoute.post("/scheduling/sessions/{id}/cancel").operationId("cancelSession").tag(TAG)
                        .summary("Cancel a session (coach, athlete, SCHEDULER, ADMIN); the slot is free again")
                        .parameter(ApiParameter.path("id", UUID.class, "The session"))
                        .body(CancelRequest.class)
                        .json(200, "The cancelled session", SessionResponse.class).errors(404, 409)
                        .handle(this::cancel),
                ApiRoute.post("/auth/me/calendar-token").operationId("rotateCalendarToken").tag(TAG)
                        .summary("Issue a new secret calendar-feed URL for the caller's sessions; the old one stops working")
                        .json(200, "The feed URL and its token, shown only now", CalendarTokenResponse.class)
                        .handle(this::rotateCalendarToken),
                ApiRoute.get("/scheduling/calendar.ics").operationId("getCalendarFeed").tag(TAG).publicAccess()
                        .summary("iCalendar feed of the token owner's sessions; the token is the only credential")
                        .parameter(new ApiParameter("token", ApiParameter.Location.QUERY, String.class, true,
                                "The secret from POST /auth/me/calendar-token"))
                        .responds(ApiResponse.content(200, "RFC 5545 calendar", CALENDAR))
                        .errors(404)
                        .handle(this::calendarFeed));
    }

    private void setAvailability(Context ctx) {
        AvailabilityRequest request = RequestBody.parse(ctx, AvailabilityRequest.class);
        List<WeeklySlot> slots = request.slots().stream()
                .map(slot -> new WeeklySlot(slot.dayOfWeek(), slot.start(), slot.end())).toList();
        ctx.json(AvailabilityResponse.from(scheduling.setAvailability().set(new SetAvailabilityUseCase.Command(
                Authenticated.actor(ctx), Optional.ofNullable(request.coachId()).map(AccountId::of),
                request.timeZone(), slots, Optional.ofNullable(request.requiresCredit()), clientIp(ctx)))));
    }

    private void getAvailability(Context ctx) {
        ctx.json(AvailabilityWithOpeningsResponse.from(scheduling.availability().availability(
                new GetAvailabilityUseCase.Query(Authenticated.actor(ctx),
                        AccountId.parse(ctx.pathParam("coachId"), "coachId"), QueryInstants.optional(ctx, "from"), QueryInstants.optional(ctx, "to")))));
    }

    private void book(Context ctx) {
        BookRequest request = RequestBody.parse(ctx, BookRequest.class);
        ctx.status(201).json(SessionResponse.from(scheduling.book().book(new BookSessionUseCase.Command(
                Authenticated.actor(ctx), AccountId.of(request.coachId()), request.startsAt(), request.endsAt(),
                Optional.ofNullable(request.athleteId()).map(AccountId::of), Optional.ofNullable(request.spaceId()),
                Optional.ofNullable(request.notes()), Optional.ofNullable(request.productId()), clientIp(ctx)))));
    }

    private void list(Context ctx) {
        ListSessionsUseCase.Filter filter = new ListSessionsUseCase.Filter(QueryInstants.optional(ctx, "from"),
                QueryInstants.optional(ctx, "to"), account(ctx, "coachId"), account(ctx, "athleteId"), status(ctx));
        ctx.json(SessionPage.from(scheduling.sessions().sessions(new ListSessionsUseCase.Query(
                Authenticated.actor(ctx), filter, Paging.from(ctx, 2)))));
    }

    private void cancel(Context ctx) {
        Optional<String> reason = ctx.bodyAsBytes().length == 0 ? Optional.empty()
                : Optional.ofNullable(RequestBody.parse(ctx, CancelRequest.class).reason());
        ctx.json(SessionResponse.from(scheduling.cancel().cancel(new CancelSessionUseCase.Command(
                Authenticated.actor(ctx), Ids.parse(ctx.pathParam("id"), "id"), reason, clientIp(ctx)))));
    }

    private void rotateCalendarToken(Context ctx) {
        String token = scheduling.rotateCalendarToken().rotate(Authenticated.actor(ctx));
        ctx.json(new CalendarTokenResponse(token,
                publicUrl + "/scheduling/calendar.ics?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)));
    }

    private void calendarFeed(Context ctx) {
        String feed = ICalendarWriter.write(scheduling.calendarFeed().feed(ctx.queryParam("token")));
        ctx.header("Cache-Control", "private, max-age=300");
        ctx.contentType(CALENDAR + "; charset=utf-8").result(feed);
    }


    private static Optional<AccountId> account(Context ctx, String name) {
        return Optional.ofNullable(ctx.queryParam(name)).map(text -> AccountId.parse(text, name));
    }

    private static Optional<SessionStatus> status(Context ctx) {
        String text = ctx.queryParam("status");
        if (text == null) {
            return Optional.empty();
        }
        return Optional.of(Arrays.stream(SessionStatus.values()).filter(status -> status.name().equals(text))
                .findFirst().orElseThrow(() -> new InvalidInputException("status",
                        "must be one of " + Arrays.toString(SessionStatus.values()))));
    }

    private static Optional<String> clientIp(Context ctx) {
        return Optional.of(ClientIp.of(ctx).getHostAddress());
    }
}
