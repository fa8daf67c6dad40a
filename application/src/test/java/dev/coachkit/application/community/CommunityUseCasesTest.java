package dev.coachkit.application.community;

import static dev.coachkit.application.testing.IdentityBuilders.aMembership;
import static dev.coachkit.application.testing.IdentityBuilders.aTenant;
import static dev.coachkit.application.testing.IdentityBuilders.anAccount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.application.community.port.in.AddCommentUseCase;
import dev.coachkit.application.community.port.in.AddSpaceMemberUseCase;
import dev.coachkit.application.community.port.in.CreatePostUseCase;
import dev.coachkit.application.community.port.in.CreateSpaceUseCase;
import dev.coachkit.application.community.port.in.DeletePostUseCase;
import dev.coachkit.application.community.port.in.GetPostUseCase;
import dev.coachkit.application.community.port.in.GetSpaceUseCase;
import dev.coachkit.application.community.port.in.ListFeedUseCase;
import dev.coachkit.application.community.port.in.ListSpacesUseCase;
import dev.coachkit.application.community.port.in.RemoveSpaceMemberUseCase;
import dev.coachkit.application.community.port.in.UpdateSpaceUseCase;
import dev.coachkit.application.community.port.in.PostOverview;
import dev.coachkit.application.community.port.in.SpaceOverview;
import dev.coachkit.application.events.EventDispatcher;
import dev.coachkit.application.events.EventRecorder;
import dev.coachkit.application.events.EventTypes;
import dev.coachkit.application.events.envelope.EventEnvelope;
import dev.coachkit.application.memory.InMemoryAccounts;
import dev.coachkit.application.memory.InMemoryAuditLog;
import dev.coachkit.application.memory.InMemoryComments;
import dev.coachkit.application.memory.InMemoryEventOutbox;
import dev.coachkit.application.memory.InMemoryMedia;
import dev.coachkit.application.memory.InMemoryMemberships;
import dev.coachkit.application.memory.InMemoryNotifications;
import dev.coachkit.application.memory.InMemoryPosts;
import dev.coachkit.application.memory.InMemoryProcessedEvents;
import dev.coachkit.application.memory.InMemorySpaceMembers;
import dev.coachkit.application.memory.InMemorySpaces;
import dev.coachkit.application.memory.InMemoryTenants;
import dev.coachkit.application.memory.InMemoryUnitOfWork;
import dev.coachkit.application.notification.CommentNotificationConsumer;
import dev.coachkit.application.notification.Inbox;
import dev.coachkit.application.notification.NotificationEventTypes;
import dev.coachkit.application.notification.PostNotificationConsumer;
import dev.coachkit.application.shared.port.out.IdGenerator;
import dev.coachkit.application.testing.MediaBuilders;
import dev.coachkit.application.testing.TickingClock;
import dev.coachkit.domain.audit.AuditEntry;
import dev.coachkit.domain.community.Comment;
import dev.coachkit.domain.community.PostType;
import dev.coachkit.domain.community.Space;
import dev.coachkit.domain.community.SpaceRole;
import dev.coachkit.domain.identity.Account;
import dev.coachkit.domain.identity.Tenant;
import dev.coachkit.domain.media.MediaAsset;
import dev.coachkit.domain.notification.Notification;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.Actor;
import dev.coachkit.domain.shared.BusinessRuleException;
import dev.coachkit.domain.shared.ConflictException;
import dev.coachkit.domain.shared.InvalidInputException;
import dev.coachkit.domain.shared.NotFoundException;
import dev.coachkit.domain.shared.PageRequest;
import dev.coachkit.domain.shared.PermissionDeniedException;
import dev.coachkit.domain.shared.Role;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The community use cases on the in-memory adapters: rules, events, audit and notifications. */
class CommunityUseCasesTest {

    private static final Optional<String> IP = Optional.of("203.0.113.7");
    private static final EventTypes EVENT_TYPES = new EventTypes(CommunityEventTypes.all());

    private final TickingClock clock = new TickingClock();
    private final InMemoryUnitOfWork unitOfWork = new InMemoryUnitOfWork();
    private final InMemoryAccounts accounts = new InMemoryAccounts(unitOfWork);
    private final InMemoryTenants tenants = new InMemoryTenants(unitOfWork);
    private final InMemoryMemberships memberships = new InMemoryMemberships(unitOfWork, accounts, tenants);
    private final InMemorySpaceMembers spaceMembers = new InMemorySpaceMembers(unitOfWork);
    private final InMemorySpaces spaces = new InMemorySpaces(unitOfWork, spaceMembers);
    private final InMemoryPosts posts = new InMemoryPosts(unitOfWork, spaces);
    private final InMemoryEventOutbox outbox = new InMemoryEventOutbox(unitOfWork, clock);
    private final InMemoryAuditLog auditLog = new InMemoryAuditLog(unitOfWork);
    private final InMemoryNotifications notifications = new InMemoryNotifications(unitOfWork);
    private final InMemoryMedia media = new InMemoryMedia(unitOfWork);
    private final CommunityModule community = new CommunityModule(new CommunityModule.Ports(unitOfWork,
            new EventRecorder(outbox, EVENT_TYPES, IdGenerator.random()), spaces,
            spaceMembers, posts, new InMemoryComments(posts), memberships, media, auditLog, IdGenerator.random(),
            clock));
    private final EventDispatcher notifier = new EventDispatcher(unitOfWork,
            new InMemoryProcessedEvents(unitOfWork, clock), EVENT_TYPES, List.of(
                    new PostNotificationConsumer(spaces, spaceMembers, inbox(), IdGenerator.random()),
                    new CommentNotificationConsumer(inbox(), IdGenerator.random())));

    private final Tenant club = aTenant().build();
    private final Actor admin = member(Role.ADMIN);
    private final Actor coach = member(Role.COACH);
    private final Actor athlete = member(Role.ATHLETE);
    private final Actor otherAthlete = member(Role.ATHLETE);

    /** The consumers' inbox: its notification.created events go to an outbox of their own, apart from the one the tests read. */
    private Inbox inbox() {
        return new Inbox(notifications, new EventRecorder(new InMemoryEventOutbox(unitOfWork, clock),
                new EventTypes(NotificationEventTypes.all()), IdGenerator.random()));
    }

    @Test
    void admins_and_coaches_create_spaces_and_own_them_athletes_do_not() {
        SpaceOverview created = createSpace(coach, "Sculling", true);

        assertThat(created.space().ownerId()).isEqualTo(coach.accountId());
        assertThat(created.memberCount()).isEqualTo(1);
        assertThat(space(coach, created.space().id()).members().items()).singleElement()
                .satisfies(member -> assertThat(member.role()).isEqualTo(SpaceRole.OWNER));
        assertThatThrownBy(() -> createSpace(athlete, "Mine", false)).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> createSpace(coach, " ", false)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("name");
    }

    @Test
    void a_private_space_is_invisible_to_non_members_and_a_public_one_readable_but_not_writable() {
        Space hidden = createSpace(coach, "Hidden", true).space();
        Space open = createSpace(coach, "Open", false).space();

        assertThatThrownBy(() -> space(athlete, hidden.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> post(athlete, hidden, "Hi")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> feed(athlete, Optional.of(hidden.id()))).isInstanceOf(NotFoundException.class);
        assertThat(space(athlete, open.id()).summary().space()).isEqualTo(open);
        assertThatThrownBy(() -> post(athlete, open, "Hi")).isInstanceOf(PermissionDeniedException.class);
        assertThat(space(admin, hidden.id()).summary().space()).isEqualTo(hidden);
        assertThat(community.spaces().spaces(new ListSpacesUseCase.Query(athlete, PageRequest.first(10))).items())
                .isEmpty();
        assertThat(community.spaces().spaces(new ListSpacesUseCase.Query(admin, PageRequest.first(10))).items())
                .hasSize(2);
    }

    @Test
    void owners_add_tenant_members_which_is_recorded_and_audited() {
        Space space = createSpace(coach, "Crew", true).space();

        addMember(coach, space, athlete.accountId());

        assertThat(space(athlete, space.id()).summary().memberCount()).isEqualTo(2);
        EventEnvelope added = lastEvent();
        assertThat(added.type()).isEqualTo("space.member_added");
        assertThat(added.payload()).containsEntry("accountId", athlete.accountId().toString())
                .containsEntry("role", "MEMBER").containsEntry("addedBy", coach.accountId().toString());
        assertThat(audit()).extracting(AuditEntry::action).containsExactly("space.created", "space.member_added");
        assertThat(audit().get(1).clientIp()).isEqualTo(IP);
    }

    @Test
    void only_owners_and_admins_manage_and_only_tenant_members_can_join() {
        Space space = createSpace(coach, "Crew", true).space();
        addMember(coach, space, athlete.accountId());
        AccountId stranger = anAccount().build().id();

        assertThatThrownBy(() -> addMember(athlete, space, otherAthlete.accountId()))
                .isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> addMember(coach, space, stranger)).isInstanceOf(BusinessRuleException.class);
        assertThatThrownBy(() -> addMember(coach, space, athlete.accountId())).isInstanceOf(ConflictException.class);
        addMember(admin, space, otherAthlete.accountId());
        assertThatThrownBy(() -> community.updateSpace().update(new UpdateSpaceUseCase.Command(athlete, space.id(),
                new Space.Changes(Optional.of("Mine now"), Optional.empty(), Optional.empty()), IP)))
                .isInstanceOf(PermissionDeniedException.class);
        assertThat(community.updateSpace().update(new UpdateSpaceUseCase.Command(coach, space.id(),
                new Space.Changes(Optional.of("Renamed"), Optional.empty(), Optional.of(false)), IP)).space())
                .satisfies(edited -> {
                    assertThat(edited.name()).isEqualTo("Renamed");
                    assertThat(edited.isPrivate()).isFalse();
                });
    }

    @Test
    void removing_a_member_is_recorded_and_audited_and_the_creator_stays() {
        Space space = createSpace(coach, "Crew", true).space();
        addMember(coach, space, athlete.accountId());

        removeMember(admin, space, athlete.accountId());

        assertThat(lastEvent().type()).isEqualTo("space.member_removed");
        assertThat(audit()).extracting(AuditEntry::action).containsExactly("space.created", "space.member_added",
                "space.member_removed");
        assertThatThrownBy(() -> space(athlete, space.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> removeMember(admin, space, athlete.accountId()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> removeMember(admin, space, coach.accountId()))
                .isInstanceOf(BusinessRuleException.class);
    }

    @Test
    void members_post_and_comment_which_records_events_and_notifies() {
        Space space = createSpace(coach, "Crew", true).space();
        addMember(coach, space, athlete.accountId());
        addMember(coach, space, otherAthlete.accountId());

        PostOverview post = post(coach, space, "Tomorrow: 6 x 500 m");
        deliverEvents();
        Comment ownReply = comment(coach, post, "Bring water");
        Comment reply = comment(athlete, post, "I'll be there ✅");
        deliverEvents();

        assertThat(notificationsOf(athlete)).extracting(Notification::type).containsExactly("post.created");
        assertThat(notificationsOf(otherAthlete)).extracting(Notification::type).containsExactly("post.created");
        assertThat(notificationsOf(coach)).singleElement().satisfies(notification -> {
            assertThat(notification.type()).isEqualTo("comment.created");
            assertThat(notification.subjectId()).isEqualTo(post.post().id());
        });
        GetPostUseCase.PostDetails details = community.post().post(new GetPostUseCase.Query(otherAthlete,
                post.post().id()));
        assertThat(details.post().commentCount()).isEqualTo(2);
        assertThat(details.comments().items()).containsExactly(ownReply, reply);
    }

    @Test
    void the_author_a_space_owner_or_an_admin_deletes_a_post_and_it_vanishes_with_its_comments() {
        Space space = createSpace(coach, "Crew", false).space();
        addMember(coach, space, athlete.accountId());
        addMember(coach, space, otherAthlete.accountId());
        PostOverview byAthlete = post(athlete, space, "Mine");
        PostOverview another = post(athlete, space, "Also mine");
        PostOverview third = post(otherAthlete, space, "Theirs");
        comment(otherAthlete, byAthlete, "Reply");

        assertThatThrownBy(() -> delete(otherAthlete, byAthlete)).isInstanceOf(PermissionDeniedException.class);
        delete(athlete, byAthlete);
        delete(coach, another);
        delete(admin, third);

        assertThat(lastEvent().type()).isEqualTo("post.deleted");
        assertThat(audit()).extracting(AuditEntry::action).endsWith("post.deleted", "post.deleted", "post.deleted");
        assertThat(feed(athlete, Optional.empty())).isEmpty();
        assertThatThrownBy(() -> community.post().post(new GetPostUseCase.Query(athlete, byAthlete.post().id())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> comment(athlete, byAthlete, "Too late")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> delete(athlete, byAthlete)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void the_feed_merges_every_readable_space_newest_first() {
        Space crew = createSpace(coach, "Crew", true).space();
        Space open = createSpace(coach, "Open", false).space();
        Space secret = createSpace(coach, "Secret", true).space();
        addMember(coach, crew, athlete.accountId());
        PostOverview first = post(coach, crew, "one");
        PostOverview second = post(coach, open, "two");
        post(coach, secret, "hidden");

        assertThat(feed(athlete, Optional.empty())).containsExactly(second.post().id(), first.post().id());
        assertThat(feed(athlete, Optional.of(crew.id()))).containsExactly(first.post().id());
        assertThat(feed(admin, Optional.empty())).hasSize(3);
    }

    private Actor member(Role role) {
        unitOfWork.runInTenant(club.id(), () -> {
            if (tenants.find(club.id()).isEmpty()) {
                tenants.add(club);
            }
        });
        Account account = anAccount().build();
        unitOfWork.withoutTenant(() -> {
            accounts.add(account);
            return null;
        });
        unitOfWork.runInTenant(club.id(),
                () -> memberships.add(aMembership().inTenant(club.id()).of(account.id()).as(role).build()));
        return new Actor(club.id(), account.id(), role);
    }

    private SpaceOverview createSpace(Actor actor, String name, boolean isPrivate) {
        return community.createSpace().create(new CreateSpaceUseCase.Command(actor, name, "", isPrivate, IP));
    }

    @Test
    void a_post_carries_only_media_its_author_may_see() {
        Space crew = createSpace(coach, "Crew", true).space();
        addMember(coach, crew, athlete.accountId());
        Space staff = createSpace(admin, "Staff", true).space();
        Space open = createSpace(admin, "Open", false).space();
        MediaAsset coachsPrivate = storedMedia(coach, Optional.empty());
        MediaAsset inStaff = storedMedia(admin, Optional.of(staff.id()));
        MediaAsset inCrew = storedMedia(coach, Optional.of(crew.id()));
        MediaAsset inOpen = storedMedia(admin, Optional.of(open.id()));
        MediaAsset athletes = storedMedia(athlete, Optional.empty());

        assertThatThrownBy(() -> mediaPost(athlete, crew, coachsPrivate.id())).isInstanceOf(BusinessRuleException.class)
                .hasMessageContaining(coachsPrivate.id().toString());
        assertThatThrownBy(() -> mediaPost(athlete, crew, athletes.id(), inStaff.id()))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining(inStaff.id().toString())
                .hasMessageNotContaining(athletes.id().toString());
        assertThat(mediaPost(athlete, crew, athletes.id(), inCrew.id(), inOpen.id()).post().mediaIds())
                .containsExactly(athletes.id(), inCrew.id(), inOpen.id());
        assertThat(mediaPost(admin, crew, coachsPrivate.id(), inStaff.id()).post().mediaIds()).hasSize(2);
    }

    private MediaAsset storedMedia(Actor uploader, Optional<UUID> spaceId) {
        MediaBuilders.MediaAssetBuilder builder = MediaBuilders.aPendingUpload().inTenant(club.id())
                .uploadedBy(uploader.accountId());
        MediaAsset asset = spaceId.map(builder::inSpace).orElse(builder).build();
        unitOfWork.runInTenant(club.id(), () -> media.add(asset));
        return asset;
    }

    private PostOverview mediaPost(Actor actor, Space space, UUID... mediaIds) {
        clock.advance(Duration.ofSeconds(1));
        return community.createPost().create(new CreatePostUseCase.Command(actor, space.id(), PostType.MEDIA, null,
                "Watch this", List.of(mediaIds)));
    }

    private GetSpaceUseCase.SpaceDetails space(Actor actor, UUID spaceId) {
        return community.space().space(new GetSpaceUseCase.Query(actor, spaceId));
    }

    private void addMember(Actor actor, Space space, AccountId account) {
        community.addMember().add(new AddSpaceMemberUseCase.Command(actor, space.id(), account, Optional.empty(), IP));
    }

    private void removeMember(Actor actor, Space space, AccountId account) {
        community.removeMember().remove(new RemoveSpaceMemberUseCase.Command(actor, space.id(), account, IP));
    }

    private PostOverview post(Actor actor, Space space, String content) {
        clock.advance(Duration.ofSeconds(1));
        return community.createPost().create(new CreatePostUseCase.Command(actor, space.id(), PostType.TEXT, null,
                content, List.of()));
    }

    private Comment comment(Actor actor, PostOverview post, String content) {
        return community.addComment().add(new AddCommentUseCase.Command(actor, post.post().id(), content));
    }

    private void delete(Actor actor, PostOverview post) {
        community.deletePost().delete(new DeletePostUseCase.Command(actor, post.post().id(), IP));
    }

    private List<UUID> feed(Actor actor, Optional<UUID> spaceId) {
        return community.feed().feed(new ListFeedUseCase.Query(actor, spaceId, PageRequest.first(50))).items()
                .stream().map(view -> view.post().id()).toList();
    }

    private List<EventEnvelope> events() {
        return outbox.unpublished(club.id());
    }

    private EventEnvelope lastEvent() {
        List<EventEnvelope> events = events();
        return events.get(events.size() - 1);
    }

    private void deliverEvents() {
        events().forEach(notifier::handle);
    }

    private List<AuditEntry> audit() {
        return unitOfWork.inTenant(club.id(), auditLog::entries);
    }

    private List<Notification> notificationsOf(Actor actor) {
        return unitOfWork.inTenant(club.id(), () -> notifications.listFor(club.id(), actor.accountId(), false,
                PageRequest.first(50)).items());
    }
}
