package dev.coachkit.bootstrap;

import dev.coachkit.bootstrap.ApiClient.Session;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * One organization of the soak test, made through the API as its people would: an ADMIN registers it, invites
 * coaches and athletes, opens a private space to all of them and writes a first post; each coach opens
 * 08:00-18:00 UTC every day ({@link ApiClient#openEveryDay}). It keeps what the workload's requests need to
 * stay valid: who is signed in with which tokens, recent posts to comment on, and each coach's free and booked
 * slots, so that bookings succeed and cancellations cancel something.
 */
final class SoakClub {

    /** A coach or athlete; its session is renewed by the workload's refreshes and sign-ins. */
    static final class Member {
        final SoakClub club;
        final String email;
        final String userId;
        volatile Session session;

        Member(SoakClub club, String email, Session session) {
            this.club = club;
            this.email = email;
            this.userId = session.userId();
            this.session = session;
        }
    }

    /** A booked session: the slot, who booked it, and its id for cancelling. */
    record Booking(Member coach, Member athlete, Instant startsAt, String sessionId) {}

    static final Duration SLOT = Duration.ofMinutes(30);
    private static final int SLOTS_PER_DAY = 20; // 08:00-18:00
    private static final int RECENT_POSTS = 32;

    final ApiClient api;
    final String spaceId;
    final List<Member> coaches = new ArrayList<>();
    final List<Member> athletes = new ArrayList<>();
    final ConcurrentLinkedQueue<Booking> booked = new ConcurrentLinkedQueue<>();
    private final Map<String, Calendar> calendars = new HashMap<>();
    private final AtomicReferenceArray<String> recentPosts = new AtomicReferenceArray<>(RECENT_POSTS);
    private final AtomicInteger postsWritten = new AtomicInteger();
    private final LocalDate firstDay = LocalDate.now(ZoneOffset.UTC).plusDays(2);

    /** A coach's slots from the day after tomorrow on: the next never offered, and those freed by cancelling. */
    private static final class Calendar {
        final AtomicInteger nextNew = new AtomicInteger();
        final ConcurrentLinkedQueue<Instant> freed = new ConcurrentLinkedQueue<>();
    }

    private SoakClub(ApiClient api, int coachCount, int athleteCount) {
        this.api = api;
        Session admin = api.registerAdmin();
        for (int i = 0; i < coachCount; i++) {
            coaches.add(join(admin, "COACH"));
        }
        for (int i = 0; i < athleteCount; i++) {
            athletes.add(join(admin, "ATHLETE"));
        }
        this.spaceId = api.expect(201, "POST", "/spaces", Map.of("name", "Squad", "isPrivate", true), admin)
                .path("id").asText();
        for (Member member : members()) {
            api.expect(201, "POST", "/spaces/" + spaceId + "/members", Map.of("userId", member.userId), admin);
        }
        for (Member coach : coaches) {
            api.openEveryDay(coach.session);
            calendars.put(coach.userId, new Calendar());
        }
        remember(api.expect(201, "POST", "/posts", Map.of("spaceId", spaceId, "type", "TEXT", "content",
                "Welcome to the squad"), coaches.get(0).session).path("id").asText());
    }

    /** A new organization on the server at {@code port}, whose requests come from an address of its own. */
    static SoakClub create(int port, int coaches, int athletes) {
        return new SoakClub(new ApiClient(port), coaches, athletes);
    }

    private Member join(Session admin, String role) {
        String email = ApiClient.uniqueEmail(role.toLowerCase());
        return new Member(this, email, api.join(admin, role, email, "Soak", role));
    }

    List<Member> members() {
        List<Member> all = new ArrayList<>(coaches);
        all.addAll(athletes);
        return all;
    }

    Member anyMember() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return random.nextInt(coaches.size() + athletes.size()) < coaches.size() ? any(coaches) : any(athletes);
    }

    static Member any(List<Member> members) {
        return members.get(ThreadLocalRandom.current().nextInt(members.size()));
    }

    void remember(String postId) {
        recentPosts.set(Math.floorMod(postsWritten.getAndIncrement(), RECENT_POSTS), postId);
    }

    /** One of the last posts written in the club's space. */
    String recentPost() {
        int written = Math.min(postsWritten.get(), RECENT_POSTS);
        String post = recentPosts.get(ThreadLocalRandom.current().nextInt(written));
        return post != null ? post : recentPosts.get(0); // counted but not stored yet; the first is always there
    }

    /** A slot of {@code coach} that no scheduled session holds: a freed one first, else one never offered. */
    Instant freeSlot(Member coach) {
        Calendar calendar = calendars.get(coach.userId);
        Instant freed = calendar.freed.poll();
        if (freed != null) {
            return freed;
        }
        int slot = calendar.nextNew.getAndIncrement();
        return firstDay.plusDays(slot / SLOTS_PER_DAY).atTime(LocalTime.of(8, 0)).toInstant(ZoneOffset.UTC)
                .plus(SLOT.multipliedBy(slot % SLOTS_PER_DAY));
    }

    /** Gives back a slot that was not booked after all, or whose session was cancelled. */
    void free(Member coach, Instant slot) {
        calendars.get(coach.userId).freed.add(slot);
    }
}
