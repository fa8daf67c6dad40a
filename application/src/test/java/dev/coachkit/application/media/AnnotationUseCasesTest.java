package dev.coachkit.application.media;

import static dev.coachkit.application.testing.IdentityBuilders.aMembership;
import static dev.coachkit.application.testing.IdentityBuilders.aTenant;
import static dev.coachkit.application.testing.IdentityBuilders.anAccount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.application.community.CommunityEventTypes;
import dev.coachkit.application.community.CommunityModule;
import dev.coachkit.application.community.port.in.AddSpaceMemberUseCase;
import dev.coachkit.application.community.port.in.CreatePostUseCase;
import dev.coachkit.application.community.port.in.CreateSpaceUseCase;
import dev.coachkit.application.events.EventDispatcher;
import dev.coachkit.application.events.EventRecorder;
import dev.coachkit.application.events.EventTypes;
import dev.coachkit.application.events.envelope.EventEnvelope;
import dev.coachkit.application.media.port.in.AnnotateMediaUseCase;
import dev.coachkit.application.media.port.in.DeleteAnnotationUseCase;
import dev.coachkit.application.media.port.in.EditAnnotationUseCase;
import dev.coachkit.application.media.port.in.ListAnnotationsUseCase;
import dev.coachkit.application.memory.InMemoryAccounts;
import dev.coachkit.application.memory.InMemoryAnnotations;
import dev.coachkit.application.memory.InMemoryAuditLog;
import dev.coachkit.application.memory.InMemoryBlobStore;
import dev.coachkit.application.memory.InMemoryComments;
import dev.coachkit.application.memory.InMemoryEventOutbox;
import dev.coachkit.application.memory.InMemoryMedia;
import dev.coachkit.application.memory.InMemoryMediaProbe;
import dev.coachkit.application.memory.InMemoryMemberships;
import dev.coachkit.application.memory.InMemoryNotifications;
import dev.coachkit.application.memory.InMemoryPosts;
import dev.coachkit.application.memory.InMemoryProcessedEvents;
import dev.coachkit.application.memory.InMemorySpaceMembers;
import dev.coachkit.application.memory.InMemorySpaces;
import dev.coachkit.application.memory.InMemoryTenants;
import dev.coachkit.application.memory.InMemoryUnitOfWork;
import dev.coachkit.application.notification.AnnotationNotificationConsumer;
import dev.coachkit.application.notification.Inbox;
import dev.coachkit.application.notification.NotificationEventTypes;
import dev.coachkit.application.shared.port.out.IdGenerator;
import dev.coachkit.application.testing.TickingClock;
import dev.coachkit.domain.audit.AuditEntry;
import dev.coachkit.domain.community.PostType;
import dev.coachkit.domain.community.Space;
import dev.coachkit.domain.identity.Account;
import dev.coachkit.domain.identity.Tenant;
import dev.coachkit.domain.media.Annotation;
import dev.coachkit.domain.media.Drawing;
import dev.coachkit.domain.media.MediaAsset;
import dev.coachkit.domain.media.MediaMetadata;
import dev.coachkit.domain.media.MediaStatus;
import dev.coachkit.domain.media.Point;
import dev.coachkit.domain.media.Shape;
import dev.coachkit.domain.media.ShapeKind;
import dev.coachkit.domain.notification.Notification;
import dev.coachkit.domain.shared.Actor;
import dev.coachkit.domain.shared.BusinessRuleException;
import dev.coachkit.domain.shared.NotFoundException;
import dev.coachkit.domain.shared.PageRequest;
import dev.coachkit.domain.shared.PermissionDeniedException;
import dev.coachkit.domain.shared.Role;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Video review on the in-memory adapters: the readers of a media annotate it, the author edits, the author,
 * uploader, space owner or ADMIN deletes, and the uploader and the post's author are told.
 */
class AnnotationUseCasesTest {

    private static final Optional<String> IP = Optional.of("203.0.113.7");
    private static final EventTypes EVENT_TYPES = new EventTypes(List.of(CommunityEventTypes.all(),
            MediaEventTypes.all()).stream().flatMap(List::stream).toList());
    private static final Drawing KNEE_ANGLE = new Drawing(1, List.of(new Shape(ShapeKind.ANGLE,
            List.of(new Point(0.4, 0.3), new Point(0.5, 0.6), new Point(0.45, 0.9)), "#FF3B30", Optional.of(3.0),
            Optional.of("142°"))));

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
    private final EventRecorder events = new EventRecorder(outbox, EVENT_TYPES, IdGenerator.random());
    private final CommunityModule community = new CommunityModule(new CommunityModule.Ports(unitOfWork, events,
            spaces, spaceMembers, posts, new InMemoryComments(posts), memberships, media, auditLog,
            IdGenerator.random(), clock));
    private final MediaModule review = new MediaModule(new MediaModule.Ports(unitOfWork, events, media,
            new InMemoryAnnotations(unitOfWork, media), new InMemoryBlobStore(clock), new InMemoryMediaProbe(),
            community.mediaAudience(), mediaId -> { }, auditLog, IdGenerator.random(), clock),
            MediaSettings.defaults());
    private final EventDispatcher notifier = new EventDispatcher(unitOfWork,
            new InMemoryProcessedEvents(unitOfWork, clock), EVENT_TYPES, List.of(new AnnotationNotificationConsumer(
                    new Inbox(notifications, new EventRecorder(new InMemoryEventOutbox(unitOfWork, clock),
                            new EventTypes(NotificationEventTypes.all()), IdGenerator.random())),
                    IdGenerator.random())));

    private final Tenant club = aTenant().build();
    private final Actor admin = member(Role.ADMIN);
    private final Actor coach = member(Role.COACH);
    private final Actor athlete = member(Role.ATHLETE);
    private final Actor teammate = member(Role.ATHLETE);
    private final Actor outsider = member(Role.ATHLETE);

    @Test
    void the_readers_of_a_media_annotate_it_and_the_uploader_and_the_posts_author_are_told() {
        Space team = privateSpace(coach, athlete, teammate);
        MediaAsset swing = storedVideo(athlete, Optional.of(team.id()), 8_000);
        post(coach, team, swing);

        Annotation byTeammate = annotate(teammate, swing, 2_500, "Elbow higher");
        Annotation byCoach = review.annotate().annotate(new AnnotateMediaUseCase.Command(coach, swing.id(), 1_200,
                Optional.of(2_000L), Optional.empty(), Optional.of(KNEE_ANGLE), Optional.empty()));
        deliverEvents();

        assertThat(list(athlete, swing)).containsExactly(byCoach, byTeammate);
        assertThat(byCoach.drawing()).contains(KNEE_ANGLE);
        assertThat(notificationsOf(athlete)).hasSize(2).allSatisfy(notification -> {
            assertThat(notification.type()).isEqualTo("annotation.created");
            assertThat(notification.subjectId()).isEqualTo(swing.id());
        });
        // the coach wrote the post: told of the teammate's annotation, not of their own
        assertThat(notificationsOf(coach)).singleElement()
                .satisfies(notification -> assertThat(notification.type()).isEqualTo("annotation.created"));
        assertThat(notificationsOf(teammate)).isEmpty();
        EventEnvelope created = events().stream().filter(event -> event.type().equals("annotation.created"))
                .findFirst().orElseThrow();
        assertThat(created.subjectId()).isEqualTo(byTeammate.id());
        assertThat(created.payload()).containsEntry("mediaId", swing.id().toString())
                .containsEntry("uploaderId", athlete.accountId().toString())
                .containsEntry("postAuthorIds", List.of(coach.accountId().toString()))
                .containsEntry("spaceIds", List.of(team.id().toString()));
    }

    @Test
    void a_media_the_caller_may_not_read_does_not_exist_for_them() {
        Space team = privateSpace(coach, athlete);
        MediaAsset swing = storedVideo(athlete, Optional.of(team.id()), 8_000);
        Annotation note = annotate(coach, swing, 0, "Nice");

        assertThatThrownBy(() -> annotate(outsider, swing, 0, "Hi")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> list(outsider, swing)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> edit(outsider, note, "Mine")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> delete(outsider, note)).isInstanceOf(NotFoundException.class);
        assertThat(list(admin, swing)).containsExactly(note);
    }

    @Test
    void the_moment_is_checked_against_the_media_and_the_voice_over_must_be_ready_audio() {
        MediaAsset swing = storedVideo(athlete, Optional.empty(), 8_000);

        assertThatThrownBy(() -> annotate(athlete, swing, 8_001, "after the end"))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("atMs");
        assertThatThrownBy(() -> review.annotate().annotate(new AnnotateMediaUseCase.Command(athlete, swing.id(), 0,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(UUID.randomUUID()))))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("audioMediaId");
        assertThatThrownBy(() -> review.annotate().annotate(new AnnotateMediaUseCase.Command(athlete, swing.id(), 0,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(swing.id()))))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("audioMediaId");

        MediaAsset coachesMemo = stored(MediaAsset.reconstitute(UUID.randomUUID(), club.id(), coach.accountId(),
                Optional.empty(), "memo.m4a", "audio/mp4", 2048, Optional.empty(), MediaStatus.READY,
                MediaMetadata.none(), false, Optional.empty(), clock.now(), clock.now(), Optional.of(clock.now())));
        assertThatThrownBy(() -> review.annotate().annotate(new AnnotateMediaUseCase.Command(athlete, swing.id(), 0,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(coachesMemo.id()))))
                .as("another member's recording").isInstanceOf(BusinessRuleException.class)
                .hasMessageContaining("audioMediaId");
        MediaAsset voice = stored(MediaAsset.reconstitute(UUID.randomUUID(), club.id(), athlete.accountId(),
                Optional.empty(), "voice.m4a", "audio/mp4", 2048, Optional.empty(), MediaStatus.READY,
                MediaMetadata.audio(2_000), false, Optional.empty(), clock.now(), clock.now(), Optional.of(clock.now())));
        Annotation spoken = review.annotate().annotate(new AnnotateMediaUseCase.Command(athlete, swing.id(), 0,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(voice.id())));
        assertThat(spoken.audioMediaId()).contains(voice.id());
    }

    @Test
    void only_the_author_edits_and_the_window_of_the_list_follows_the_new_moment() {
        MediaAsset swing = storedVideo(athlete, Optional.empty(), 8_000);
        Annotation note = annotate(admin, swing, 1_000, "Hips first");

        assertThatThrownBy(() -> edit(athlete, note, "Not mine")).isInstanceOf(PermissionDeniedException.class);
        clock.advance(Duration.ofMinutes(1));
        Annotation edited = review.editAnnotation().edit(new EditAnnotationUseCase.Command(admin, note.id(),
                new Annotation.Changes(Optional.of(6_000L), Optional.empty(), Optional.of("Hips first, then arms"),
                        Optional.empty())));

        assertThat(edited.text()).contains("Hips first, then arms");
        assertThat(edited.updatedAt()).isAfter(note.createdAt());
        assertThat(review.annotations().annotations(new ListAnnotationsUseCase.Query(athlete, swing.id(),
                Optional.of(5_000L), Optional.of(7_000L), PageRequest.firstDefault())).items()).containsExactly(edited);
        assertThat(review.annotations().annotations(new ListAnnotationsUseCase.Query(athlete, swing.id(),
                Optional.of(0L), Optional.of(4_999L), PageRequest.firstDefault())).items()).isEmpty();
    }

    @Test
    void the_author_uploader_space_owner_and_admin_delete_other_readers_are_refused() {
        Space team = privateSpace(coach, athlete, teammate);
        MediaAsset swing = storedVideo(athlete, Optional.of(team.id()), 8_000);

        Annotation teammatesNote = annotate(teammate, swing, 0, "1");
        assertThatThrownBy(() -> delete(teammate, annotate(athlete, swing, 0, "by the uploader")))
                .isInstanceOf(PermissionDeniedException.class);
        delete(teammate, teammatesNote);
        delete(athlete, annotate(teammate, swing, 0, "2"));
        delete(coach, annotate(teammate, swing, 0, "3"));
        delete(admin, annotate(teammate, swing, 0, "4"));

        assertThat(list(athlete, swing)).extracting(annotation -> annotation.text().orElseThrow())
                .containsExactly("by the uploader");
        assertThatThrownBy(() -> delete(teammate, teammatesNote)).isInstanceOf(NotFoundException.class);
        assertThat(audit()).filteredOn(entry -> entry.action().equals("annotation.deleted")).hasSize(4)
                .allSatisfy(entry -> assertThat(entry.clientIp()).isEqualTo(IP));
    }

    @Test
    void the_owner_of_the_space_of_a_post_that_carries_the_media_deletes_too() {
        Space team = privateSpace(coach, athlete, teammate);
        MediaAsset swing = storedVideo(athlete, Optional.empty(), 8_000);
        post(athlete, team, swing);

        delete(coach, annotate(teammate, swing, 0, "x"));

        assertThat(list(athlete, swing)).isEmpty();
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

    /** A private space owned by {@code owner}, with {@code members} added. */
    private Space privateSpace(Actor owner, Actor... members) {
        Space space = community.createSpace().create(new CreateSpaceUseCase.Command(owner, "Team", "", true, IP))
                .space();
        for (Actor member : members) {
            if (!member.equals(owner)) {
                community.addMember().add(new AddSpaceMemberUseCase.Command(owner, space.id(), member.accountId(),
                        Optional.empty(), IP));
            }
        }
        return space;
    }

    private MediaAsset storedVideo(Actor uploader, Optional<UUID> spaceId, long durationMs) {
        return stored(MediaAsset.reconstitute(UUID.randomUUID(), club.id(), uploader.accountId(), spaceId,
                "swing.mp4", "video/mp4", 4096, Optional.empty(), MediaStatus.READY,
                MediaMetadata.video(1920, 1080, durationMs), false, Optional.empty(), clock.now(), clock.now(),
                Optional.of(clock.now())));
    }

    private MediaAsset stored(MediaAsset asset) {
        unitOfWork.runInTenant(club.id(), () -> media.add(asset));
        return asset;
    }

    private void post(Actor author, Space space, MediaAsset asset) {
        community.createPost().create(new CreatePostUseCase.Command(author, space.id(), PostType.MEDIA, null,
                "Watch this", List.of(asset.id())));
    }

    private Annotation annotate(Actor actor, MediaAsset asset, long atMs, String text) {
        clock.advance(Duration.ofSeconds(1));
        return review.annotate().annotate(new AnnotateMediaUseCase.Command(actor, asset.id(), atMs, Optional.empty(),
                Optional.of(text), Optional.empty(), Optional.empty()));
    }

    private List<Annotation> list(Actor actor, MediaAsset asset) {
        return review.annotations().annotations(new ListAnnotationsUseCase.Query(actor, asset.id(), Optional.empty(),
                Optional.empty(), PageRequest.firstDefault())).items();
    }

    private Annotation edit(Actor actor, Annotation annotation, String text) {
        return review.editAnnotation().edit(new EditAnnotationUseCase.Command(actor, annotation.id(),
                new Annotation.Changes(Optional.empty(), Optional.empty(), Optional.of(text), Optional.empty())));
    }

    private void delete(Actor actor, Annotation annotation) {
        review.deleteAnnotation().delete(new DeleteAnnotationUseCase.Command(actor, annotation.id(), IP));
    }

    private List<EventEnvelope> events() {
        return outbox.unpublished(club.id());
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
