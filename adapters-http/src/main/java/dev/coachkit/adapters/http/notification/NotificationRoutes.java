package dev.coachkit.adapters.http.notification;

import dev.coachkit.adapters.http.security.Authenticated;
import dev.coachkit.adapters.http.shared.ApiParameter;
import dev.coachkit.adapters.http.shared.ApiResponse;
import dev.coachkit.adapters.http.shared.ApiRoute;
import dev.coachkit.adapters.http.shared.Paging;
import dev.coachkit.adapters.http.shared.RouteModule;
import dev.coachkit.application.notification.port.in.ListNotificationsUseCase;
import dev.coachkit.application.notification.port.in.MarkNotificationReadUseCase;
import dev.coachkit.domain.notification.Notification;
import dev.coachkit.domain.shared.Cursor;
import dev.coachkit.domain.shared.Ids;
import dev.coachkit.domain.shared.InvalidInputException;
import dev.coachkit.domain.shared.Page;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The Notifications endpoints: the caller's own in-app notifications (docs/events.md). */
public final class NotificationRoutes implements RouteModule {

    private static final String TAG = "Notifications";

    private final ListNotificationsUseCase list;
    private final MarkNotificationReadUseCase markRead;

    public NotificationRoutes(ListNotificationsUseCase list, MarkNotificationReadUseCase markRead) {
        this.list = list;
        this.markRead = markRead;
    }

    /** One notification. */
    record NotificationResponse(UUID id, String type, String title, String body, String subjectType, UUID subjectId,
            Instant createdAt, @Nullable Instant readAt) {
        static NotificationResponse from(Notification n) {
            return new NotificationResponse(n.id(), n.type(), n.title(), n.body(), n.subjectType(), n.subjectId(),
                    n.createdAt(), n.readAt());
        }
    }

    /** A page of notifications, newest first. */
    record NotificationPage(List<NotificationResponse> items, @Nullable String nextCursor) {
        static NotificationPage from(Page<Notification> page) {
            return new NotificationPage(page.items().stream().map(NotificationResponse::from).toList(),
                    page.next().map(Cursor::encode).orElse(null));
        }
    }

    @Override
    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.get("/notifications").operationId("listNotifications").tag(TAG)
                        .summary("The caller's notifications, newest first")
                        .parameter(ApiParameter.query("unreadOnly", Boolean.class, "Only notifications not yet read"))
                        .parameter(Paging.PARAMETERS.get(0)).parameter(Paging.PARAMETERS.get(1))
                        .json(200, "A page of notifications", NotificationPage.class)
                        .handle(this::list),
                ApiRoute.post("/notifications/{id}/read").operationId("markNotificationRead").tag(TAG)
                        .summary("Mark one of the caller's notifications read")
                        .parameter(ApiParameter.path("id", UUID.class, "The notification"))
                        .responds(ApiResponse.empty(204, "Marked read (or already read)")).errors(404)
                        .handle(this::markRead));
    }

    private void list(Context ctx) {
        ctx.json(NotificationPage.from(list.notifications(new ListNotificationsUseCase.Query(
                Authenticated.actor(ctx), unreadOnly(ctx), Paging.from(ctx, 2)))));
    }

    private void markRead(Context ctx) {
        markRead.markRead(new MarkNotificationReadUseCase.Command(Authenticated.actor(ctx),
                Ids.parse(ctx.pathParam("id"), "id")));
        ctx.status(204);
    }

    private static boolean unreadOnly(Context ctx) {
        String value = ctx.queryParam("unreadOnly");
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw new InvalidInputException("unreadOnly", "must be true or false");
    }
}
