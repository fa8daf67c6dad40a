package dev.coachkit.adapters.persistence.community;

import static dev.coachkit.application.testing.CommunityBuilders.aComment;
import static dev.coachkit.application.testing.CommunityBuilders.aPost;
import static dev.coachkit.application.testing.CommunityBuilders.aSpace;
import static dev.coachkit.application.testing.IdentityBuilders.T0;
import static dev.coachkit.application.testing.IdentityBuilders.aMembership;
import static dev.coachkit.application.testing.IdentityBuilders.aTenant;
import static dev.coachkit.application.testing.IdentityBuilders.anAccount;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.adapters.persistence.PostgresPersistence;
import dev.coachkit.adapters.persistence.testing.TestDatabase;
import dev.coachkit.application.community.port.out.PostRepository.FeedQuery;
import dev.coachkit.domain.community.Post;
import dev.coachkit.domain.community.Space;
import dev.coachkit.domain.community.SpaceMember;
import dev.coachkit.domain.community.SpaceRole;
import dev.coachkit.domain.identity.Account;
import dev.coachkit.domain.identity.Tenant;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.PageRequest;
import dev.coachkit.domain.shared.Role;
import dev.coachkit.domain.shared.TenantId;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The feed is one statement per page however many spaces, authors and comments it spans: counted
 * with the adapters' own {@code coachkit_sql_statements_total}, against the statements a unit of work
 * needs for itself.
 */
class FeedStatementCountTest {

    private static final SimpleMeterRegistry METERS = new SimpleMeterRegistry();
    private static PostgresPersistence persistence;
    private static TenantId tenant;
    private static AccountId reader;

    @BeforeAll
    static void aBusyTenant() {
        persistence = PostgresPersistence.connect(TestDatabase.shared().runtime(), 2, METERS);
        Tenant club = aTenant().build();
        tenant = club.id();
        inTenant(() -> {
            persistence.tenants().add(club);
            return null;
        });
        List<AccountId> authors = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            authors.add(member());
        }
        reader = authors.get(0);
        for (int s = 0; s < 3; s++) {
            Space space = aSpace(tenant, authors.get(s)).createdAt(T0.plusSeconds(s)).build();
            inTenant(() -> {
                persistence.spaces().add(space);
                authors.forEach(author -> persistence.spaceMembers().add(
                        new SpaceMember(tenant, space.id(), author, SpaceRole.MEMBER, T0)));
                for (int p = 0; p < 10; p++) {
                    Post post = aPost(space, authors.get(p % authors.size())).createdAt(T0.plusMillis(p)).build();
                    persistence.posts().add(post);
                    persistence.comments().add(aComment(post, authors.get((p + 1) % authors.size()), T0));
                }
                return null;
            });
        }
    }

    @AfterAll
    static void close() {
        persistence.close();
    }

    @Test
    void a_feed_page_over_many_spaces_authors_and_comments_costs_one_statement() {
        long unitOnly = statementsOf(() -> inTenant(() -> null));

        long firstPage = statementsOf(() -> inTenant(() -> persistence.posts().feed(
                new FeedQuery(reader, false, Optional.empty(), PageRequest.first(20)))));
        long wholeTenant = statementsOf(() -> inTenant(() -> persistence.posts().feed(
                new FeedQuery(reader, true, Optional.empty(), PageRequest.first(100)))));

        assertThat(firstPage - unitOnly).isEqualTo(1);
        assertThat(wholeTenant - unitOnly).isEqualTo(1);
    }

    @Test
    void a_post_with_its_comment_count_is_one_statement_and_a_space_with_its_member_count_too() {
        long unitOnly = statementsOf(() -> inTenant(() -> null));
        Post post = inTenant(() -> persistence.posts().feed(new FeedQuery(reader, true, Optional.empty(),
                PageRequest.first(1)))).items().get(0).post();

        assertThat(statementsOf(() -> inTenant(() -> persistence.posts().find(post.id()))) - unitOnly).isEqualTo(1);
        assertThat(statementsOf(() -> inTenant(() -> persistence.spaces().list(reader, false, PageRequest.first(20))))
                - unitOnly).isEqualTo(1);
    }

    private static long statementsOf(Runnable work) {
        double before = METERS.counter("coachkit.sql.statements").count();
        work.run();
        return Math.round(METERS.counter("coachkit.sql.statements").count() - before);
    }

    private static <T> T inTenant(Supplier<T> work) {
        return persistence.unitOfWork().inTenant(tenant, work);
    }

    private static AccountId member() {
        Account account = anAccount().build();
        persistence.unitOfWork().withoutTenant(() -> {
            persistence.accounts().add(account);
            return null;
        });
        inTenant(() -> {
            persistence.memberships().add(aMembership().inTenant(tenant).of(account.id()).as(Role.ATHLETE).build());
            return null;
        });
        return account.id();
    }
}
