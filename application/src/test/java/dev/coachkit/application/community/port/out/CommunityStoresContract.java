package dev.coachkit.application.community.port.out;

import static dev.coachkit.application.testing.CommunityBuilders.aComment;
import static dev.coachkit.application.testing.CommunityBuilders.aPost;
import static dev.coachkit.application.testing.CommunityBuilders.aSpace;
import static dev.coachkit.application.testing.IdentityBuilders.T0;
import static dev.coachkit.application.testing.IdentityBuilders.aMembership;
import static dev.coachkit.application.testing.IdentityBuilders.aTenant;
import static dev.coachkit.application.testing.IdentityBuilders.anAccount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.application.community.port.out.PostRepository.FeedQuery;
import dev.coachkit.application.community.port.out.PostRepository.PostView;
import dev.coachkit.application.community.port.out.SpaceRepository.SpaceSummary;
import dev.coachkit.application.identity.port.out.AccountRepository;
import dev.coachkit.application.identity.port.out.MembershipRepository;
import dev.coachkit.application.identity.port.out.TenantRepository;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.community.Comment;
import dev.coachkit.domain.community.Post;
import dev.coachkit.domain.community.Space;
import dev.coachkit.domain.community.SpaceMember;
import dev.coachkit.domain.community.SpaceRole;
import dev.coachkit.domain.identity.Account;
import dev.coachkit.domain.identity.Tenant;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.ConflictException;
import dev.coachkit.domain.shared.Page;
import dev.coachkit.domain.shared.PageRequest;
import dev.coachkit.domain.shared.Role;
import dev.coachkit.domain.shared.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * What every adapter family of the community stores guarantees. Each test runs in a tenant of its
 * own with members of its own, so adapters may keep state between tests. Identity stores of the
 * same family seed the tenants and members the community rows refer to.
 */
public abstract class CommunityStoresContract {

    protected abstract UnitOfWork unitOfWork();

    protected abstract AccountRepository accounts();

    protected abstract TenantRepository tenants();

    protected abstract MembershipRepository memberships();

    protected abstract SpaceRepository spaces();

    protected abstract SpaceMemberRepository spaceMembers();

    protected abstract PostRepository posts();

    protected abstract CommentRepository comments();

    private TenantId tenant;
    private AccountId coach;
    private AccountId athlete;
    private AccountId outsider;

    @BeforeEach
    void freshTenantWithMembers() {
        Tenant club = aTenant().build();
        tenant = club.id();
        runInTenant(() -> tenants().add(club));
        coach = member(Role.COACH);
        athlete = member(Role.ATHLETE);
        outsider = member(Role.ATHLETE);
    }

    @Nested
    class Spaces {

        @Test
        void a_stored_space_is_found_with_its_member_count() {
            Space space = storedSpace(aSpace(tenant, coach).named("Ergo 🚣 «club»").build());
            join(space, athlete, SpaceRole.MEMBER);

            SpaceSummary found = inTenant(() -> spaces().find(space.id())).orElseThrow();

            assertThat(found.space()).isEqualTo(space);
            assertThat(found.memberCount()).isEqualTo(2);
        }

        @Test
        void another_tenant_sees_no_space_of_this_one() {
            Space space = storedSpace(aSpace(tenant, coach).build());
            Tenant other = aTenant().build();
            unitOfWork().runInTenant(other.id(), () -> tenants().add(other));

            assertThat(unitOfWork().inTenant(other.id(), () -> spaces().find(space.id()))).isEmpty();
        }

        @Test
        void an_update_changes_name_description_privacy_and_time_but_not_the_owner() {
            Space space = storedSpace(aSpace(tenant, coach).build());
            Space edited = space.edit(new Space.Changes(Optional.of("Renamed"), Optional.of(""), Optional.of(true)),
                    T0.plusSeconds(60));

            runInTenant(() -> spaces().update(edited));

            assertThat(inTenant(() -> spaces().find(space.id())).orElseThrow().space()).isEqualTo(edited);
        }

        @Test
        void a_member_lists_the_spaces_they_belong_to_newest_first_and_all_lists_every_space() {
            Space older = storedSpace(aSpace(tenant, coach).createdAt(T0).build());
            Space newer = storedSpace(aSpace(tenant, coach).createdAt(T0.plusSeconds(1)).build());
            Space notJoined = storedSpace(aSpace(tenant, coach).createdAt(T0.plusSeconds(2)).build());
            join(older, athlete, SpaceRole.MEMBER);
            join(newer, athlete, SpaceRole.MEMBER);

            assertThat(ids(inTenant(() -> spaces().list(athlete, false, PageRequest.first(10)))))
                    .containsExactly(newer.id(), older.id());
            assertThat(ids(inTenant(() -> spaces().list(athlete, true, PageRequest.first(10)))))
                    .containsExactly(notJoined.id(), newer.id(), older.id());
        }

        @Test
        void spaces_page_by_keyset() {
            List<UUID> created = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                created.add(0, storedSpace(aSpace(tenant, coach).createdAt(T0.plusSeconds(i)).build()).id());
            }

            List<UUID> seen = collect(page -> inTenant(() -> spaces().list(coach, false, page)), 2,
                    summary -> summary.space().id());

            assertThat(seen).containsExactlyElementsOf(created);
        }

        private List<UUID> ids(Page<SpaceSummary> page) {
            return page.items().stream().map(summary -> summary.space().id()).toList();
        }
    }

    @Nested
    class SpaceMembers {

        @Test
        void members_are_added_found_listed_and_removed() {
            Space space = storedSpace(aSpace(tenant, coach).build());
            SpaceMember added = join(space, athlete, SpaceRole.MEMBER);

            assertThat(inTenant(() -> spaceMembers().find(space.id(), athlete))).contains(added);
            assertThat(inTenant(() -> spaceMembers().list(space.id(), PageRequest.first(10))).items())
                    .extracting(SpaceMember::accountId).containsExactly(coach, athlete);
            assertThat(inTenant(() -> spaceMembers().accountsOf(space.id()))).containsExactlyInAnyOrder(coach, athlete);

            assertThat(inTenant(() -> spaceMembers().remove(space.id(), athlete))).isTrue();
            assertThat(inTenant(() -> spaceMembers().remove(space.id(), athlete))).isFalse();
            assertThat(inTenant(() -> spaceMembers().find(space.id(), athlete))).isEmpty();
        }

        @Test
        void the_same_account_twice_is_a_conflict() {
            Space space = storedSpace(aSpace(tenant, coach).build());
            join(space, athlete, SpaceRole.MEMBER);

            assertThatThrownBy(() -> join(space, athlete, SpaceRole.OWNER)).isInstanceOf(ConflictException.class);
        }

        @Test
        void members_page_by_keyset_in_the_order_they_were_added() {
            Space space = storedSpace(aSpace(tenant, coach).build());
            List<AccountId> joined = new ArrayList<>(List.of(coach));
            for (int i = 1; i <= 4; i++) {
                AccountId member = member(Role.ATHLETE);
                Instant at = T0.plusSeconds(i);
                runInTenant(() -> spaceMembers().add(new SpaceMember(tenant, space.id(), member, SpaceRole.MEMBER, at)));
                joined.add(member);
            }

            assertThat(collect(page -> inTenant(() -> spaceMembers().list(space.id(), page)), 2,
                    SpaceMember::accountId)).containsExactlyElementsOf(joined);
        }
    }

    @Nested
    class Posts {

        @Test
        void a_post_is_stored_verbatim_with_its_media_and_counts_its_comments() {
            Space space = storedSpace(aSpace(tenant, coach).build());
            String content = "  Ünïcödé 🏋️‍♀️ مرحبا\n\tkeeps whitespace  ";
            Post post = storedPost(aPost(space, coach).titled("Ĥello").saying(content)
                    .withMedia(List.of(UUID.randomUUID(), UUID.randomUUID())).build());
            runInTenant(() -> comments().add(aComment(post, athlete, T0.plusSeconds(1))));

            PostView found = inTenant(() -> posts().find(post.id())).orElseThrow();

            assertThat(found.post()).isEqualTo(post);
            assertThat(found.post().content()).isEqualTo(content);
            assertThat(found.commentCount()).isEqualTo(1);
        }

        @Test
        void a_deleted_post_and_its_comments_are_gone_from_every_read() {
            Space space = storedSpace(aSpace(tenant, coach).build());
            Post post = storedPost(aPost(space, coach).build());
            runInTenant(() -> comments().add(aComment(post, athlete, T0.plusSeconds(1))));

            assertThat(inTenant(() -> posts().delete(post.id(), T0.plusSeconds(2)))).isTrue();

            assertThat(inTenant(() -> posts().find(post.id()))).isEmpty();
            assertThat(inTenant(() -> posts().delete(post.id(), T0.plusSeconds(3)))).isFalse();
            assertThat(feed(coach, false, Optional.empty())).isEmpty();
            assertThat(inTenant(() -> comments().list(post.id(), PageRequest.first(10))).items()).isEmpty();
        }

        @Test
        void the_feed_shows_public_spaces_and_private_ones_the_reader_belongs_to() {
            Space open = storedSpace(aSpace(tenant, coach).build());
            Space closed = storedSpace(aSpace(tenant, coach).privateSpace().build());
            Space joinedClosed = storedSpace(aSpace(tenant, coach).privateSpace().build());
            join(joinedClosed, athlete, SpaceRole.MEMBER);
            Post inOpen = storedPost(aPost(open, coach).createdAt(T0).build());
            Post inClosed = storedPost(aPost(closed, coach).createdAt(T0.plusSeconds(1)).build());
            Post inJoined = storedPost(aPost(joinedClosed, coach).createdAt(T0.plusSeconds(2)).build());

            assertThat(feed(athlete, false, Optional.empty())).containsExactly(inJoined.id(), inOpen.id());
            assertThat(feed(outsider, false, Optional.empty())).containsExactly(inOpen.id());
            assertThat(feed(outsider, true, Optional.empty()))
                    .containsExactly(inJoined.id(), inClosed.id(), inOpen.id());
            assertThat(feed(athlete, false, Optional.of(joinedClosed.id()))).containsExactly(inJoined.id());
            assertThat(feed(outsider, false, Optional.of(joinedClosed.id()))).isEmpty();
        }

        @Test
        void media_is_readable_through_live_posts_in_readable_spaces() {
            UUID clip = UUID.randomUUID();
            Space open = storedSpace(aSpace(tenant, coach).build());
            Space closed = storedSpace(aSpace(tenant, coach).privateSpace().build());
            storedPost(aPost(closed, coach).withMedia(List.of(clip)).build());

            assertThat(inTenant(() -> posts().carriesReadableMedia(clip, athlete, false))).isFalse();
            assertThat(inTenant(() -> posts().carriesReadableMedia(clip, athlete, true))).isTrue();
            assertThat(inTenant(() -> posts().carriesReadableMedia(clip, coach, false))).isTrue();

            Post openPost = storedPost(aPost(open, coach).withMedia(List.of(UUID.randomUUID(), clip)).build());
            assertThat(inTenant(() -> posts().carriesReadableMedia(clip, athlete, false))).isTrue();
            runInTenant(() -> posts().delete(openPost.id(), T0.plusSeconds(1)));
            assertThat(inTenant(() -> posts().carriesReadableMedia(clip, athlete, false))).isFalse();
        }

        @Test
        void the_carriers_of_a_media_are_the_authors_of_its_live_posts_and_the_owners_of_their_spaces() {
            UUID clip = UUID.randomUUID();
            Space coachSpace = storedSpace(aSpace(tenant, coach).build());
            Space athleteSpace = storedSpace(aSpace(tenant, athlete).privateSpace().build());
            storedPost(aPost(coachSpace, athlete).withMedia(List.of(clip)).build());
            Post deleted = storedPost(aPost(athleteSpace, coach).withMedia(List.of(clip)).build());
            storedPost(aPost(athleteSpace, coach).withMedia(List.of(UUID.randomUUID())).build());
            runInTenant(() -> posts().delete(deleted.id(), T0.plusSeconds(1)));

            assertThat(inTenant(() -> posts().carriersOf(clip)))
                    .containsExactly(new PostRepository.MediaCarrier(athlete, coachSpace.id(), coach));
        }

        @Test
        void the_feed_pages_newest_first_without_duplicates_or_gaps() {
            Space space = storedSpace(aSpace(tenant, coach).build());
            List<UUID> newestFirst = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                newestFirst.add(0, storedPost(aPost(space, coach).createdAt(T0.plusMillis(i)).build()).id());
            }

            assertThat(collect(page -> inTenant(() -> posts().feed(new FeedQuery(athlete, false, Optional.empty(),
                    page))), 10, view -> view.post().id())).containsExactlyElementsOf(newestFirst);
        }

        @Test
        void paging_stays_exact_while_posts_are_added_and_deleted_concurrently() throws Exception {
            Space space = storedSpace(aSpace(tenant, coach).build());
            List<UUID> existing = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                existing.add(0, storedPost(aPost(space, coach).createdAt(T0.plusMillis(i)).build()).id());
            }
            UUID deletedMidway = existing.get(25);
            Semaphore pageRead = new Semaphore(0);
            AtomicInteger written = new AtomicInteger();
            AtomicBoolean paging = new AtomicBoolean(true);
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                while (paging.get()) {
                    if (acquired(pageRead)) {
                        Instant later = T0.plus(Duration.ofHours(1)).plusMillis(written.get());
                        storedPost(aPost(space, athlete).createdAt(later).build());
                        written.incrementAndGet();
                    }
                }
            });

            List<UUID> seen = new ArrayList<>();
            PageRequest page = PageRequest.first(4);
            int pages = 0;
            while (true) {
                PageRequest request = page;
                Page<PostView> result = inTenant(() -> posts().feed(new FeedQuery(athlete, false, Optional.empty(),
                        request)));
                result.items().forEach(view -> seen.add(view.post().id()));
                if (pages++ == 0) {
                    runInTenant(() -> posts().delete(deletedMidway, T0.plus(Duration.ofHours(2))));
                }
                pageRead.release(); // another transaction adds a newer post before the next page is read
                awaitCount(written, pages);
                if (result.next().isEmpty()) {
                    break;
                }
                page = page.after(result.next().get());
            }
            paging.set(false);
            writer.get(10, TimeUnit.SECONDS);

            assertThat(written.get()).isEqualTo(pages);
            assertThat(new HashSet<>(seen)).hasSize(seen.size());
            List<UUID> expected = new ArrayList<>(existing);
            expected.remove(deletedMidway);
            assertThat(seen.stream().filter(existing::contains).toList()).containsExactlyElementsOf(expected);
        }

        private boolean acquired(Semaphore semaphore) {
            try {
                return semaphore.tryAcquire(10, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        private void awaitCount(AtomicInteger count, int expected) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (count.get() < expected && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            assertThat(count.get()).as("posts added while paging").isEqualTo(expected);
        }

        private List<UUID> feed(AccountId reader, boolean readsAll, Optional<UUID> spaceId) {
            return inTenant(() -> posts().feed(new FeedQuery(reader, readsAll, spaceId, PageRequest.first(50))))
                    .items().stream().map(view -> view.post().id()).toList();
        }
    }

    @Nested
    class Comments {

        @Test
        void comments_page_oldest_first() {
            Space space = storedSpace(aSpace(tenant, coach).build());
            Post post = storedPost(aPost(space, coach).build());
            List<UUID> oldestFirst = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                Comment comment = aComment(post, i % 2 == 0 ? athlete : coach, T0.plusSeconds(i));
                runInTenant(() -> comments().add(comment));
                oldestFirst.add(comment.id());
            }

            assertThat(collect(page -> inTenant(() -> comments().list(post.id(), page)), 3, Comment::id))
                    .containsExactlyElementsOf(oldestFirst);
            assertThat(inTenant(() -> posts().find(post.id())).orElseThrow().commentCount()).isEqualTo(7);
        }
    }

    private AccountId member(Role role) {
        Account account = anAccount().build();
        unitOfWork().withoutTenant(() -> {
            accounts().add(account);
            return null;
        });
        runInTenant(() -> memberships().add(aMembership().inTenant(tenant).of(account.id()).as(role).build()));
        return account.id();
    }

    /** Stores the space with its creator as OWNER, as the use case does. */
    private Space storedSpace(Space space) {
        runInTenant(() -> {
            spaces().add(space);
            spaceMembers().add(new SpaceMember(tenant, space.id(), space.ownerId(), SpaceRole.OWNER,
                    space.createdAt()));
        });
        return space;
    }

    private SpaceMember join(Space space, AccountId account, SpaceRole role) {
        SpaceMember member = new SpaceMember(tenant, space.id(), account, role, space.createdAt().plusMillis(1));
        runInTenant(() -> spaceMembers().add(member));
        return member;
    }

    private Post storedPost(Post post) {
        runInTenant(() -> posts().add(post));
        return post;
    }

    /** Every item of a list, read page by page of {@code limit}. */
    private static <T, R> List<R> collect(Function<PageRequest, Page<T>> read, int limit, Function<T, R> key) {
        List<R> all = new ArrayList<>();
        PageRequest page = PageRequest.first(limit);
        while (true) {
            Page<T> result = read.apply(page);
            result.items().forEach(item -> all.add(key.apply(item)));
            if (result.next().isEmpty()) {
                return all;
            }
            page = page.after(result.next().get());
        }
    }

    private <T> T inTenant(Supplier<T> work) {
        return unitOfWork().inTenant(tenant, work);
    }

    private void runInTenant(Runnable work) {
        unitOfWork().runInTenant(tenant, work);
    }
}
