package dev.coachkit.bootstrap.bench;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * What {@link BenchDataSet} loaded, as the benchmark needs it to drive the API: per tenant who signs in
 * (every account with the caller's one password) and what exists; the row counts; how long loading took.
 */
public record DataSet(List<Tenant> tenants, Counts counts, Duration loadTime) {

    /** A member of a tenant: their account id and sign-in e-mail, e.g. {@code coach-3@tenant-7.bench.test}. */
    public record Member(UUID id, String email) {}

    /** A space, its owner (a coach) and every member, the owner included. */
    public record Space(UUID id, boolean isPrivate, UUID ownerId, List<UUID> memberIds) {}

    /** A live (not deleted) post and its space, whose members and the tenant's admin may comment on it. */
    public record Post(UUID id, UUID spaceId) {}

    /** One organization: its admin, coaches and athletes (by number), spaces (by number) and its newest posts. */
    public record Tenant(UUID id, String name, Member admin, List<Member> coaches, List<Member> athletes,
            List<Space> spaces, List<Post> posts) {

        public Tenant {
            coaches = List.copyOf(coaches);
            athletes = List.copyOf(athletes);
            spaces = List.copyOf(spaces);
            posts = List.copyOf(posts);
        }

        public List<UUID> spaceIds() {
            return spaces.stream().map(Space::id).toList();
        }

        /** Everyone: the admin, then the coaches, then the athletes. */
        public List<Member> members() {
            return Stream.of(List.of(admin), coaches, athletes).flatMap(List::stream).toList();
        }
    }

    /** Rows loaded, per table. */
    public record Counts(long tenants, long accounts, long spaces, long spaceMembers, long posts, long comments,
            long availabilitySlots, long sessions, long cancelledSessions) {}

    public DataSet {
        tenants = List.copyOf(tenants);
    }
}
