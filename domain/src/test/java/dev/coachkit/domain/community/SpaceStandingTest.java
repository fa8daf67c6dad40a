package dev.coachkit.domain.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.Actor;
import dev.coachkit.domain.shared.NotFoundException;
import dev.coachkit.domain.shared.PermissionDeniedException;
import dev.coachkit.domain.shared.Role;
import dev.coachkit.domain.shared.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The community's permission table: one row per (tenant role, standing in the space, privacy), and
 * what that actor may do — read, post or comment, manage, delete someone else's post.
 */
class SpaceStandingTest {

    private static final TenantId TENANT = TenantId.of(UUID.fromString("a0000000-0000-4000-8000-000000000001"));
    private static final AccountId ACTOR = AccountId.of(UUID.fromString("c0000000-0000-4000-8000-000000000003"));
    private static final AccountId SOMEONE_ELSE = AccountId.of(UUID.fromString("c0000000-0000-4000-8000-000000000004"));
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    @ParameterizedTest(name = "{0} who is {1} in a {2} space: read {3}, contribute {4}, manage {5}, delete others' {6}")
    @CsvSource({
        // role,     in space, privacy, read,  contribute, manage, delete another's post
        "ADMIN,     NONE,    PRIVATE, true,  true,  true,  true",
        "ADMIN,     NONE,    PUBLIC,  true,  true,  true,  true",
        "COACH,     OWNER,   PRIVATE, true,  true,  true,  true",
        "COACH,     MEMBER,  PRIVATE, true,  true,  false, false",
        "COACH,     NONE,    PRIVATE, false, false, false, false",
        "COACH,     NONE,    PUBLIC,  true,  false, false, false",
        "ATHLETE,   OWNER,   PUBLIC,  true,  true,  true,  true",
        "ATHLETE,   MEMBER,  PRIVATE, true,  true,  false, false",
        "ATHLETE,   MEMBER,  PUBLIC,  true,  true,  false, false",
        "ATHLETE,   NONE,    PRIVATE, false, false, false, false",
        "ATHLETE,   NONE,    PUBLIC,  true,  false, false, false",
        "SCHEDULER, MEMBER,  PRIVATE, true,  true,  false, false",
        "SCHEDULER, NONE,    PRIVATE, false, false, false, false",
        "SCHEDULER, NONE,    PUBLIC,  true,  false, false, false"})
    void who_may_do_what_in_a_space(Role role, String inSpace, String privacy, boolean read, boolean contribute,
            boolean manage, boolean deleteOthers) {
        SpaceStanding standing = standing(role, inSpace, privacy);

        assertThat(standing.mayRead()).as("read").isEqualTo(read);
        assertThat(standing.mayContribute()).as("contribute").isEqualTo(contribute);
        assertThat(standing.mayManage()).as("manage").isEqualTo(manage);
        assertThat(standing.mayDelete(postBy(SOMEONE_ELSE))).as("delete another's post").isEqualTo(deleteOthers);
    }

    @ParameterizedTest(name = "{0} who is {1} in a {2} space")
    @CsvSource({"ATHLETE, NONE, PRIVATE", "COACH, NONE, PRIVATE", "SCHEDULER, NONE, PRIVATE"})
    void a_private_space_is_invisible_to_non_members_so_every_action_is_not_found(Role role, String inSpace,
            String privacy) {
        SpaceStanding standing = standing(role, inSpace, privacy);

        assertThatThrownBy(standing::requireReadable).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(standing::requireMayContribute).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(standing::requireMayManage).isInstanceOf(NotFoundException.class);
    }

    @ParameterizedTest(name = "{0} who is {1} in a {2} space")
    @CsvSource({"ATHLETE, NONE, PUBLIC", "COACH, MEMBER, PRIVATE", "ATHLETE, MEMBER, PUBLIC"})
    void a_visible_space_refuses_what_the_standing_does_not_allow(Role role, String inSpace, String privacy) {
        SpaceStanding standing = standing(role, inSpace, privacy);

        assertThatThrownBy(standing::requireMayManage).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> standing.requireMayDelete(postBy(SOMEONE_ELSE)))
                .isInstanceOf(PermissionDeniedException.class);
    }

    @ParameterizedTest(name = "a {0} member deletes their own post")
    @CsvSource({"MEMBER", "OWNER"})
    void authors_delete_their_own_posts(String inSpace) {
        SpaceStanding standing = standing(Role.ATHLETE, inSpace, "PRIVATE");

        assertThatCode(() -> standing.requireMayDelete(postBy(ACTOR))).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0} creates spaces: {1}")
    @CsvSource({"ADMIN, true", "COACH, true", "ATHLETE, false", "SCHEDULER, false"})
    void admins_and_coaches_create_spaces(Role role, boolean allowed) {
        Actor actor = new Actor(TENANT, ACTOR, role);
        if (allowed) {
            assertThatCode(() -> SpaceStanding.requireMayCreateSpace(actor)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> SpaceStanding.requireMayCreateSpace(actor))
                    .isInstanceOf(PermissionDeniedException.class);
        }
    }

    private static SpaceStanding standing(Role role, String inSpace, String privacy) {
        Space space = Space.create(UUID.randomUUID(), TENANT, "Rowing", null, privacy.equals("PRIVATE"),
                SOMEONE_ELSE, NOW);
        Optional<SpaceRole> spaceRole = inSpace.equals("NONE") ? Optional.empty()
                : Optional.of(SpaceRole.valueOf(inSpace));
        return new SpaceStanding(new Actor(TENANT, ACTOR, role), space, spaceRole);
    }

    private static Post postBy(AccountId author) {
        return new Post(UUID.randomUUID(), TENANT, UUID.randomUUID(), author, PostType.TEXT, Optional.empty(), "Hi",
                List.of(), NOW);
    }
}
