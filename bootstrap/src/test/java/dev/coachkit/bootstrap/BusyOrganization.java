package dev.coachkit.bootstrap;

import dev.coachkit.bootstrap.ApiClient.Session;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Grows an {@link Organization} until each of its lists is longer than a page (20 by default) and its
 * items come from many people and places: members of the organization and of its space, spaces, posts
 * over three spaces by seven authors each commented on by another, comments on the organization's post,
 * more of the coach's sessions with six athletes than the largest page holds, the coach's
 * notifications of them, orders by six athletes and the admin's credit ledger.
 */
final class BusyOrganization {

    /** More than a page of each kind of item. */
    static final int ITEMS = 25;
    /** More sessions than the largest page (100), so a read that pages through them shows it. */
    static final int SESSIONS = 105;

    private BusyOrganization() {}

    static void grow(ApiClient api, Organization club, OperationCalls calls) {
        List<Session> athletes = new ArrayList<>(List.of(club.athlete()));
        for (int i = 0; i < 5; i++) {
            athletes.add(join(api, club, "ATHLETE"));
        }
        List<Session> authors = new ArrayList<>(List.of(club.admin(), club.coach()));
        authors.addAll(athletes);
        for (int i = authors.size() + 2; i < ITEMS; i++) {
            join(api, club, i % 2 == 0 ? "COACH" : "SCHEDULER");
        }
        List<String> spaces = List.of(club.spaceId(), space(api, club, "Juniors", authors),
                space(api, club, "Seniors", authors));
        for (int i = spaces.size(); i < ITEMS; i++) {
            space(api, club, "Group " + i, List.of());
        }
        for (int i = 0; i < ITEMS; i++) {
            String post = api.expect(201, "POST", "/posts", Map.of("spaceId", spaces.get(i % spaces.size()),
                    "type", "TEXT", "content", "Drill " + i), authors.get(i % authors.size())).path("id").asText();
            comment(api, post, authors.get((i + 1) % authors.size()));
            comment(api, club.postId(), authors.get(i % authors.size()));
        }
        for (int i = 0; i < SESSIONS; i++) {
            calls.bookAnotherHour(athletes.get(i % athletes.size()));
        }
        for (int i = 0; i < ITEMS; i++) {
            api.pendingOrder(athletes.get(i % athletes.size()), club.productId());
            api.expect(200, "POST", "/payments/credits/adjustments", Map.of("accountId", club.admin().userId(),
                    "productId", club.productId(), "delta", 1 + i % 3, "reason", "goodwill " + i), club.admin());
        }
        Await.until(() -> api.expect(200, "GET", "/notifications?limit=100", null, club.coach()).path("items")
                .size() > ITEMS, Duration.ofSeconds(30), "the coach's notifications of every booking");
    }

    /** A new member of the organization who is also in its space. */
    private static Session join(ApiClient api, Organization club, String role) {
        Session member = api.join(club.admin(), role);
        api.expect(201, "POST", "/spaces/" + club.spaceId() + "/members", Map.of("userId", member.userId()),
                club.admin());
        return member;
    }

    private static String space(ApiClient api, Organization club, String name, List<Session> members) {
        String space = api.expect(201, "POST", "/spaces", Map.of("name", name, "isPrivate", true), club.admin())
                .path("id").asText();
        for (Session member : members) {
            if (!member.equals(club.admin())) {
                api.expect(201, "POST", "/spaces/" + space + "/members", Map.of("userId", member.userId()),
                        club.admin());
            }
        }
        return space;
    }

    private static void comment(ApiClient api, String post, Session author) {
        api.expect(201, "POST", "/posts/" + post + "/comments", Map.of("content", "Done"), author);
    }
}
