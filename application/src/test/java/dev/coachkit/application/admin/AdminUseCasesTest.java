package dev.coachkit.application.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.application.CoachKit;
import dev.coachkit.application.admin.port.in.EraseMemberUseCase;
import dev.coachkit.application.admin.port.in.GetExportUseCase;
import dev.coachkit.application.admin.port.in.RequestExportUseCase;
import dev.coachkit.application.audit.port.in.SearchAuditTrailUseCase;
import dev.coachkit.application.community.port.in.PostOverview;
import dev.coachkit.application.community.CommunityModule;
import dev.coachkit.application.community.port.in.AddCommentUseCase;
import dev.coachkit.application.community.port.in.AddSpaceMemberUseCase;
import dev.coachkit.application.community.port.in.CreatePostUseCase;
import dev.coachkit.application.community.port.in.CreateSpaceUseCase;
import dev.coachkit.application.community.port.in.GetPostUseCase;
import dev.coachkit.application.community.port.in.ListFeedUseCase;
import dev.coachkit.application.shared.port.in.IdempotentRequestUseCase.Response;
import dev.coachkit.application.identity.port.in.AcceptInvitationUseCase;
import dev.coachkit.application.identity.port.in.AuthResult;
import dev.coachkit.application.identity.port.in.ChangeMemberRoleUseCase;
import dev.coachkit.application.identity.port.in.InviteMemberUseCase;
import dev.coachkit.application.identity.port.in.LoginUseCase;
import dev.coachkit.application.identity.port.in.RegisterAccountUseCase;
import dev.coachkit.application.shared.port.in.IdempotentRequestUseCase;
import dev.coachkit.application.memory.InMemoryEventOutbox;
import dev.coachkit.application.memory.InMemoryUnitOfWork;
import dev.coachkit.application.testing.CountingUnitOfWork;
import dev.coachkit.application.testing.TickingClock;
import dev.coachkit.domain.admin.ContentErasure;
import dev.coachkit.domain.admin.TenantMetrics;
import dev.coachkit.domain.community.PostType;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.Actor;
import dev.coachkit.domain.shared.AuthenticationException;
import dev.coachkit.domain.shared.ConflictException;
import dev.coachkit.domain.shared.NotFoundException;
import dev.coachkit.domain.shared.PageRequest;
import dev.coachkit.domain.shared.PermissionDeniedException;
import dev.coachkit.domain.shared.Role;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Audit trail, metrics and erasure on the in-memory adapters, with the delete policy for content. */
class AdminUseCasesTest {

    private static final Optional<String> IP = Optional.of("203.0.113.7");
    private static final String PASSWORD = "correct horse battery";

    private final TickingClock clock = new TickingClock();
    private final InMemoryUnitOfWork memory = new InMemoryUnitOfWork();
    private final CountingUnitOfWork units = new CountingUnitOfWork(memory);
    private final CoachKit core = CoachKit.builder().clock(clock).contentErasure(ContentErasure.DELETE)
            .unitOfWork(memory).eventOutbox(new InMemoryEventOutbox(memory, clock)).withInMemoryAdapters()
            .unitOfWork(units).build();
    private final AuthResult adminSession = core.identity().register().register(new RegisterAccountUseCase.Command(
            "ann@club.test", PASSWORD, "Ann", "Admin", "Club", IP));
    private final Actor admin = actorOf(adminSession);
    private final AuthResult athleteSession = join("bo@club.test", Role.ATHLETE);
    private final Actor athlete = actorOf(athleteSession);
    private final Actor coach = actorOf(join("cy@club.test", Role.COACH));

    @Test
    void erasing_with_the_delete_policy_removes_their_posts_with_all_comments_and_their_comments_elsewhere() {
        UUID space = community().createSpace().create(new CreateSpaceUseCase.Command(coach, "Crew", "", true, IP))
                .space().id();
        community().addMember().add(new AddSpaceMemberUseCase.Command(coach, space, athlete.accountId(),
                Optional.empty(), IP));
        PostOverview theirs = post(athlete, space, "Mine");
        PostOverview coachs = post(coach, space, "Coach's");
        comment(coach, theirs, "On their post");
        comment(athlete, coachs, "Their reply");

        EraseMemberUseCase.Receipt receipt = erase(athlete);

        assertThat(receipt.status()).isEqualTo("ACCEPTED");
        assertThat(community().feed().feed(new ListFeedUseCase.Query(coach, Optional.empty(), PageRequest.first(10)))
                .items()).extracting(view -> view.post().id()).containsExactly(coachs.post().id());
        assertThat(community().post().post(new GetPostUseCase.Query(coach, coachs.post().id())).comments().items())
                .isEmpty();
        assertThatThrownBy(() -> core.identity().authenticate().authenticate(athleteSession.accessToken()))
                .isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> core.identity().login().login(new LoginUseCase.Command("bo@club.test", PASSWORD,
                Optional.empty(), IP))).isInstanceOf(AuthenticationException.class);
        assertThat(core.admin().auditTrail().search(new SearchAuditTrailUseCase.Query(admin, new SearchAuditTrailUseCase.Filter(
                Optional.of("user.erased"), Optional.empty(), Optional.empty(), Optional.empty()),
                PageRequest.first(10))).items()).singleElement()
                .satisfies(entry -> assertThat(entry.details()).containsEntry("contentPolicy", "DELETE"));
    }

    @Test
    void erasing_forgets_the_answers_stored_under_the_members_idempotency_keys() {
        IdempotentRequestUseCase.Request request = IdempotentRequestUseCase.Request.of(athlete, "first-post", "POST",
                "/posts", "{\"content\":\"Mine\"}".getBytes(StandardCharsets.UTF_8));
        IdempotentRequestUseCase.Outcome first = core.idempotentRequests().begin(request);
        core.idempotentRequests().finish(((IdempotentRequestUseCase.Proceed) first).ticket(),
                new Response(201, "application/json", "{\"content\":\"Mine\"}".getBytes(StandardCharsets.UTF_8)));
        assertThat(core.idempotentRequests().begin(request)).isInstanceOf(IdempotentRequestUseCase.Replay.class);

        erase(athlete);

        assertThat(core.idempotentRequests().begin(request)).isInstanceOf(IdempotentRequestUseCase.Proceed.class);
    }

    @Test
    void only_admins_erase_members_of_their_own_organization_and_never_the_last_admin() {
        assertThatThrownBy(() -> erase(athlete, coach)).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> erase(admin)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> core.admin().eraseMember().erase(new EraseMemberUseCase.Command(admin,
                AccountId.of(UUID.randomUUID()), IP))).isInstanceOf(NotFoundException.class);
        erase(athlete);
        assertThatThrownBy(() -> erase(athlete)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void metrics_count_members_and_content_for_admins_only() {
        UUID space = community().createSpace().create(new CreateSpaceUseCase.Command(coach, "Open", "", false, IP))
                .space().id();
        comment(coach, post(coach, space, "One"), "Reply");

        TenantMetrics metrics = core.admin().metrics().metrics(admin);

        assertThat(metrics.users()).isEqualTo(3);
        assertThat(metrics.spaces()).isEqualTo(1);
        assertThat(metrics.posts()).isEqualTo(1);
        assertThat(metrics.comments()).isEqualTo(1);
        assertThat(metrics.outbox().pending()).isPositive();
        assertThatThrownBy(() -> core.admin().metrics().metrics(coach)).isInstanceOf(PermissionDeniedException.class);
    }

    @Test
    void a_demoted_admin_loses_the_administration_endpoints_before_their_token_expires() {
        Actor secondAdmin = actorOf(join("di@club.test", Role.ADMIN));
        assertThat(core.admin().metrics().metrics(secondAdmin).users()).isEqualTo(4);

        core.identity().changeRole().changeRole(new ChangeMemberRoleUseCase.Command(admin, admin.tenantId(),
                secondAdmin.accountId(), Role.COACH, IP));

        assertThat(secondAdmin.role()).as("the token still says ADMIN").isEqualTo(Role.ADMIN);
        assertThatThrownBy(() -> core.admin().metrics().metrics(secondAdmin))
                .isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> erase(athlete, secondAdmin)).isInstanceOf(PermissionDeniedException.class);
    }

    @Test
    void each_admin_use_case_checks_the_callers_current_role_in_the_unit_of_work_of_its_work() {
        SearchAuditTrailUseCase.Filter everything = new SearchAuditTrailUseCase.Filter(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
        UUID export = core.exports().request().request(new RequestExportUseCase.Command(admin, Optional.empty(), IP))
                .id();

        assertThat(units.openedBy(() -> core.admin().auditTrail().search(new SearchAuditTrailUseCase.Query(admin,
                everything, PageRequest.first(20))))).isEqualTo(1);
        assertThat(units.openedBy(() -> core.admin().metrics().metrics(admin))).isEqualTo(1);
        assertThat(units.openedBy(() -> core.exports().request().request(new RequestExportUseCase.Command(admin,
                Optional.empty(), IP)))).isEqualTo(1);
        assertThat(units.openedBy(() -> core.exports().status().export(new GetExportUseCase.Query(admin, export))))
                .isEqualTo(1);
        assertThat(units.openedBy(() -> erase(athlete))).isEqualTo(1);
    }

    private AuthResult join(String email, Role role) {
        InviteMemberUseCase.IssuedInvitation invitation = core.identity().invite().invite(
                new InviteMemberUseCase.Command(admin, admin.tenantId(), email, role, IP));
        return core.identity().acceptInvitation().accept(new AcceptInvitationUseCase.Command(invitation.acceptToken(),
                Optional.empty(), Optional.of(new AcceptInvitationUseCase.NewAccount(PASSWORD, "Bo", "Rower")), IP));
    }

    private Actor actorOf(AuthResult session) {
        return core.identity().authenticate().authenticate(session.accessToken()).actor();
    }

    private CommunityModule community() {
        return core.community();
    }

    private PostOverview post(Actor author, UUID space, String content) {
        return community().createPost().create(new CreatePostUseCase.Command(author, space, PostType.TEXT, null,
                content, List.of()));
    }

    private void comment(Actor author, PostOverview post, String content) {
        community().addComment().add(new AddCommentUseCase.Command(author, post.post().id(), content));
    }

    private EraseMemberUseCase.Receipt erase(Actor member) {
        return erase(member, admin);
    }

    private EraseMemberUseCase.Receipt erase(Actor member, Actor by) {
        return core.admin().eraseMember().erase(new EraseMemberUseCase.Command(by, member.accountId(), IP));
    }
}
