package dev.coachkit.adapters.http.realtime;

import dev.coachkit.adapters.http.security.BearerAuthentication;
import dev.coachkit.adapters.http.shared.ApiParameter;
import dev.coachkit.adapters.http.shared.ApiResponse;
import dev.coachkit.adapters.http.shared.ApiRoute;
import dev.coachkit.adapters.http.shared.RouteModule;
import dev.coachkit.adapters.http.shared.WebSocketEndpoint;
import dev.coachkit.application.identity.port.out.AccessTokenService;
import dev.coachkit.application.realtime.RealtimeModule;
import dev.coachkit.application.realtime.port.in.IssueRealtimeTicketUseCase;
import dev.coachkit.application.realtime.port.in.OpenRealtimeStreamUseCase;
import dev.coachkit.application.realtime.port.in.OpenRealtimeStreamUseCase.Credential;
import dev.coachkit.application.realtime.port.in.OpenRealtimeStreamUseCase.Stream;
import dev.coachkit.domain.shared.AuthenticationException;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;

/** The Real-time endpoints: tickets and the Server-Sent Events stream (docs/realtime.md). */
public final class RealtimeRoutes implements RouteModule {

    private static final String TAG = "Real-time";
    static final String EVENT_STREAM = "text/event-stream";

    private final RealtimeModule realtime;
    private final EncodedEvents encoding = new EncodedEvents();
    private final WebSocketStreams webSockets;
    /**
     * The threads that write to the streams' connections, shared by all of them. One event is a thousand
     * small tasks at once for a thousand streams: a work-stealing pool takes them without the one lock a
     * fixed pool's queue puts every hand-over through.
     */
    private final ExecutorService writers = new ForkJoinPool(Math.max(2, Runtime.getRuntime().availableProcessors()),
            pool -> {
                ForkJoinWorkerThread thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
                thread.setName("coachkit-realtime-writer-" + thread.getPoolIndex());
                thread.setDaemon(true);
                return thread;
            }, null, true);

    public RealtimeRoutes(RealtimeModule realtime) {
        this.realtime = realtime;
        this.webSockets = new WebSocketStreams(realtime.openStream(), encoding);
    }

    /** A ticket: pass it as {@code ?ticket=} within a minute; it opens one stream. */
    record TicketResponse(String ticket, Instant expiresAt) {}

    @Override
    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.post("/realtime/tickets").operationId("createRealtimeTicket").tag(TAG)
                        .summary("A single-use ticket, valid 60 s, that opens one stream for clients that cannot send headers")
                        .json(201, "The ticket", TicketResponse.class, new TicketResponse(
                                "q3Zs0c2mP0Vb9u1WJ3r8xY2kTqf7Lr4nH6aEoD5sFgA", Instant.parse("2026-12-07T12:01:00Z")))
                        .handle(this::issueTicket),
                ApiRoute.get("/realtime/events").operationId("streamRealtimeEvents").tag(TAG).publicAccess()
                        .summary("Server-Sent Events: what the caller can read, as it is committed on any server")
                        .parameter(ApiParameter.query("ticket", String.class,
                                "A ticket from POST /realtime/tickets, instead of the Authorization header"))
                        .parameter(ApiParameter.query("lastEventId", String.class,
                                "Resume after this event id (as the Last-Event-ID header does)"))
                        .parameter(ApiParameter.header("Last-Event-ID",
                                "Resume after this event id; sent by EventSource when it reconnects"))
                        .responds(ApiResponse.content(200, "The stream: events with id, event and data lines,"
                                + " `: ping` at least every 20 s, one `event: reset` when the last id is too old,"
                                + " and `event: end` with the reason when the stream ends", EVENT_STREAM))
                        .errors(401, 429)
                        .handle(this::stream),
                ApiRoute.get("/realtime/ws").operationId("realtimeWebSocket").tag(TAG).publicAccess()
                        .summary("WebSocket: the same events as text frames {id, type, data}; to resume, pass"
                                + " ?lastEventId= or send {\"resume\":\"<id>\"} as the first message (a later"
                                + " resume closes the socket with 1008)")
                        .parameter(ApiParameter.query("ticket", String.class, "A ticket from POST /realtime/tickets"))
                        .parameter(ApiParameter.query("lastEventId", String.class,
                                "Resume after this event id at once (instead of a first {\"resume\"} message)"))
                        .responds(ApiResponse.empty(101, "Switched to the WebSocket protocol"))
                        .responds(ApiResponse.problem(426, "Not a WebSocket upgrade request"))
                        .handle(RealtimeRoutes::upgradeRequired));
    }

    @Override
    public List<WebSocketEndpoint> webSockets() {
        return List.of(new WebSocketEndpoint("/realtime/ws", webSockets::configure));
    }

    @Override
    public void stopping() {
        webSockets.stop();
        realtime.stop();
        writers.shutdown(); // after the streams' last messages, which are queued by now
    }

    /** A plain request to the WebSocket endpoint: upgrade requests never get here. */
    private static void upgradeRequired(Context ctx) {
        ctx.header("Upgrade", "websocket");
        throw new HttpResponseException(426, "GET /realtime/ws is a WebSocket endpoint: connect with a WebSocket client.");
    }

    private void issueTicket(Context ctx) {
        String accessToken = BearerAuthentication.presentedToken(ctx)
                .orElseThrow(() -> new AuthenticationException(BearerAuthentication.MISSING));
        IssueRealtimeTicketUseCase.Ticket ticket = realtime.issueTicket()
                .issue(new IssueRealtimeTicketUseCase.Command(accessToken));
        ctx.status(201).json(new TicketResponse(ticket.ticket(), ticket.expiresAt()));
    }

    /** Opens the stream, then holds the response open without a thread until the stream ends. */
    private void stream(Context ctx) {
        Credential credential = credential(ctx);
        Optional<String> lastEventId = Optional.ofNullable(ctx.header("Last-Event-ID"))
                .or(() -> Optional.ofNullable(ctx.queryParam("lastEventId")));
        ctx.future(() -> {
            EventStreamWriter writer;
            try {
                writer = new EventStreamWriter(ctx.res(), encoding, writers);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Stream stream = realtime.openStream().open(new OpenRealtimeStreamUseCase.Command(credential, lastEventId, writer));
            writer.finished().whenComplete((done, failure) -> stream.close());
            return writer.finished(); // the 200 goes out when the core has joined the stream (EventStreamWriter.live)
        });
    }

    private static Credential credential(Context ctx) {
        String ticket = ctx.queryParam("ticket");
        if (ticket != null) {
            return new Credential.Ticket(ticket);
        }
        return BearerAuthentication.presentedToken(ctx).<Credential>map(Credential.Bearer::new)
                .orElseThrow(() -> new AuthenticationException(ctx.header("Authorization") == null
                        ? "This stream needs an access token: send Authorization: Bearer <accessToken> or ?ticket=."
                        : AccessTokenService.INVALID_TOKEN));
    }
}
