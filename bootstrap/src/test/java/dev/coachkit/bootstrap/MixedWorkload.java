package dev.coachkit.bootstrap;

import dev.coachkit.bootstrap.ApiClient.Session;
import dev.coachkit.bootstrap.SoakClub.Booking;
import dev.coachkit.bootstrap.SoakClub.Member;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * The soak test's requests over several {@link SoakClub}s, mixed like real use: mostly reads of the feed, the
 * notifications and a coach's openings; posts, comments, bookings of free slots and cancellations; token refreshes
 * and a few sign-ins (Argon2 is expensive by design). Every request is one the server must grant, but for a
 * booking of a slot that another athlete holds, which must be refused with 409. {@link #next()} is safe to call
 * from many threads: a refresh token is in one thread's hands at a time, since reusing a rotated one would rightly
 * revoke its session, and a booking is cancelled by one thread only.
 */
final class MixedWorkload {

    /** A kind of request, its share of the mix in percent, and the one status that answers it correctly. */
    enum Kind {
        FEED(30, 200), NOTIFICATIONS(14, 200), OPENINGS(12, 200), POST(8, 201), COMMENT(12, 201), BOOK(10, 201),
        CANCEL(4, 200), BOOK_TAKEN(1, 409), REFRESH(8, 200), LOGIN(1, 200);

        final int percent;
        final int expectedStatus;

        Kind(int percent, int expectedStatus) {
            this.percent = percent;
            this.expectedStatus = expectedStatus;
        }
    }

    /**
     * What one request got: its status, or 0 with {@link #NO_ANSWER} or {@link #UNDOCUMENTED} as its failure;
     * the body or the error when it is not the expected answer; how long it took.
     */
    record Answer(Kind kind, int status, String failure, String detail, long nanos) {
        boolean expected() {
            return failure == null && status == kind.expectedStatus;
        }

        /** The status as text, or the failure. */
        String outcome() {
            return failure != null ? failure : Integer.toString(status);
        }
    }

    static final String NO_ANSWER = "no answer";
    static final String UNDOCUMENTED = "undocumented answer";

    private final List<SoakClub> clubs;
    /** Members whose refresh token no thread holds: a refresh or sign-in takes one and puts it back renewed. */
    private final ConcurrentLinkedQueue<Member> idleSessions = new ConcurrentLinkedQueue<>();

    MixedWorkload(List<SoakClub> clubs) {
        this.clubs = List.copyOf(clubs);
        List<Member> members = new ArrayList<>();
        clubs.forEach(club -> members.addAll(club.members()));
        Collections.shuffle(members);
        idleSessions.addAll(members);
    }

    /** Makes one request of a kind drawn by the mix's shares, for a random member of a random club. */
    Answer next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        SoakClub club = clubs.get(random.nextInt(clubs.size()));
        int draw = random.nextInt(100);
        for (Kind kind : Kind.values()) {
            if (draw < kind.percent) {
                return make(kind, club);
            }
            draw -= kind.percent;
        }
        throw new IllegalStateException("the shares of the mix do not add up to 100");
    }

    private Answer make(Kind kind, SoakClub club) {
        Member member = club.anyMember();
        return switch (kind) {
            case FEED -> call(kind, member, "GET", "/posts?limit=20", null, Map.of(), answered -> {});
            case NOTIFICATIONS -> call(kind, member, "GET", "/notifications?limit=20", null, Map.of(), answered -> {});
            case OPENINGS -> call(kind, member, "GET", "/scheduling/availability/" + SoakClub.any(club.coaches).userId,
                    null, Map.of(), answered -> {});
            case POST -> call(kind, member, "POST", "/posts", Map.of("spaceId", club.spaceId, "type", "TEXT",
                    "content", "Drill notes " + UUID.randomUUID()), retryable(),
                    created -> club.remember(ApiClient.json(created).path("id").asText()));
            case COMMENT -> call(kind, member, "POST", "/posts/" + club.recentPost() + "/comments",
                    Map.of("content", "Tried it today"), Map.of(), answered -> {});
            case BOOK -> book(club);
            case CANCEL -> cancel(club);
            case BOOK_TAKEN -> bookTaken(club);
            case REFRESH, LOGIN -> renew(kind, club);
        };
    }

    private Answer book(SoakClub club) {
        Member coach = SoakClub.any(club.coaches);
        Member athlete = SoakClub.any(club.athletes);
        Instant slot = club.freeSlot(coach);
        return call(Kind.BOOK, athlete, "POST", "/scheduling/sessions/book", booking(coach, slot), retryable(),
                booked -> club.booked.add(new Booking(coach, athlete, slot,
                        ApiClient.json(booked).path("id").asText())));
    }

    private Answer cancel(SoakClub club) {
        Booking booking = club.booked.poll();
        if (booking == null) {
            return make(Kind.FEED, club);
        }
        return call(Kind.CANCEL, booking.athlete(), "POST", "/scheduling/sessions/" + booking.sessionId() + "/cancel",
                Map.of("reason", "rescheduling"), Map.of(),
                cancelled -> club.free(booking.coach(), booking.startsAt()));
    }

    /** Another athlete tries a slot a scheduled session holds; the booking is kept from cancellers meanwhile. */
    private Answer bookTaken(SoakClub club) {
        Booking booking = club.booked.poll();
        if (booking == null) {
            return make(Kind.FEED, club);
        }
        try {
            return call(Kind.BOOK_TAKEN, SoakClub.any(club.athletes), "POST", "/scheduling/sessions/book",
                    booking(booking.coach(), booking.startsAt()), Map.of(), refused -> {});
        } finally {
            club.booked.add(booking);
        }
    }

    /** A refresh with the member's current refresh token, or a sign-in with the password; either renews both tokens. */
    private Answer renew(Kind kind, SoakClub club) {
        Member member = idleSessions.poll();
        if (member == null) {
            return make(Kind.FEED, club);
        }
        try {
            Session current = member.session;
            Map<String, String> body = kind == Kind.REFRESH ? Map.of("refreshToken", current.refreshToken())
                    : Map.of("email", member.email, "password", ApiClient.PASSWORD, "tenantId", current.tenantId());
            String path = kind == Kind.REFRESH ? "/auth/refresh" : "/auth/login";
            return call(kind, member.club.api, null, "POST", path, body, Map.of(),
                    renewed -> member.session = Session.from(ApiClient.json(renewed)));
        } finally {
            idleSessions.add(member);
        }
    }

    private static Map<String, String> booking(Member coach, Instant slot) {
        return Map.of("coachId", coach.userId, "startsAt", slot.toString(),
                "endsAt", slot.plus(SoakClub.SLOT).toString());
    }

    /** Clients that retry writes send an Idempotency-Key, so the server stores each such answer too. */
    private static Map<String, String> retryable() {
        return Map.of("Idempotency-Key", UUID.randomUUID().toString());
    }

    private static Answer call(Kind kind, Member as, String method, String path, Object body,
            Map<String, String> headers, Consumer<HttpResponse<String>> onExpected) {
        return call(kind, as.club.api, as.session, method, path, body, headers, onExpected);
    }

    private static Answer call(Kind kind, ApiClient api, Session as, String method, String path, Object body,
            Map<String, String> headers, Consumer<HttpResponse<String>> onExpected) {
        long started = System.nanoTime();
        HttpResponse<String> response;
        try {
            response = api.send(method, path, body, as, headers);
        } catch (IllegalStateException noAnswer) {
            return new Answer(kind, 0, NO_ANSWER, noAnswer.getMessage(), System.nanoTime() - started);
        } catch (AssertionError undocumented) { // HttpProbe checks every answer against /openapi.json
            return new Answer(kind, 0, UNDOCUMENTED, undocumented.getMessage(), System.nanoTime() - started);
        }
        long nanos = System.nanoTime() - started;
        boolean expected = response.statusCode() == kind.expectedStatus;
        if (expected) {
            onExpected.accept(response);
        }
        return new Answer(kind, response.statusCode(), null, expected ? null : response.body(), nanos);
    }
}
