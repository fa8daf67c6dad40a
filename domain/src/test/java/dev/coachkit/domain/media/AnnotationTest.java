package dev.coachkit.domain.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.Actor;
import dev.coachkit.domain.shared.BusinessRuleException;
import dev.coachkit.domain.shared.InvalidInputException;
import dev.coachkit.domain.shared.Role;
import dev.coachkit.domain.shared.TenantId;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What an annotation may say, where it may sit on its media, and who may change or remove it. */
class AnnotationTest {

    private static final TenantId TENANT = TenantId.of(UUID.fromString("a0000000-0000-4000-8000-000000000001"));
    private static final AccountId UPLOADER = AccountId.of(UUID.fromString("c0000000-0000-4000-8000-000000000001"));
    private static final AccountId COACH = AccountId.of(UUID.fromString("c0000000-0000-4000-8000-000000000002"));
    private static final AccountId OWNER = AccountId.of(UUID.fromString("c0000000-0000-4000-8000-000000000003"));
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final MediaAsset SWING = media("video/mp4", MediaStatus.READY, MediaMetadata.video(1920, 1080, 8_000));
    private static final Drawing ARROW = new Drawing(1, List.of(shape(ShapeKind.ARROW, 2)));

    @Test
    void a_moment_of_a_video_with_text_and_a_drawing() {
        Annotation annotation = annotate(SWING, 2_500, Optional.of(3_000L), Optional.of("  Elbow higher "),
                Optional.of(ARROW));

        assertThat(annotation.atMs()).isEqualTo(2_500);
        assertThat(annotation.endMs()).contains(3_000L);
        assertThat(annotation.text()).contains("Elbow higher");
        assertThat(annotation.drawing()).contains(ARROW);
        assertThat(annotation.createdAt()).isEqualTo(NOW).isEqualTo(annotation.updatedAt());
    }

    @Test
    void says_something_text_drawing_or_voice_over() {
        assertThatThrownBy(() -> annotate(SWING, 0, Optional.empty(), Optional.of("  "), Optional.empty()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("at least one of text, drawing");
        assertThatThrownBy(() -> annotate(SWING, 0, Optional.empty(), Optional.of("x".repeat(2_001)),
                Optional.empty())).isInstanceOf(InvalidInputException.class).hasMessageContaining("text");

        MediaAsset voice = media("audio/mpeg", MediaStatus.READY, MediaMetadata.audio(2_000));
        Annotation spoken = Annotation.create(UUID.randomUUID(), COACH, SWING, 10, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(voice), NOW);
        assertThat(spoken.audioMediaId()).contains(voice.id());
    }

    @Test
    void lies_within_the_video_and_on_the_only_frame_of_an_image() {
        assertThat(annotate(SWING, 8_000, Optional.empty(), Optional.of("last frame"), Optional.empty()).atMs())
                .isEqualTo(8_000);
        assertThatThrownBy(() -> annotate(SWING, 8_001, Optional.empty(), Optional.of("x"), Optional.empty()))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("atMs");
        assertThatThrownBy(() -> annotate(SWING, 7_000, Optional.of(9_000L), Optional.of("x"), Optional.empty()))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("endMs");
        assertThatThrownBy(() -> annotate(SWING, -1, Optional.empty(), Optional.of("x"), Optional.empty()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("atMs");
        assertThatThrownBy(() -> annotate(SWING, 3_000, Optional.of(3_000L), Optional.of("x"), Optional.empty()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("endMs");

        MediaAsset photo = media("image/png", MediaStatus.READY, MediaMetadata.image(800, 600));
        assertThat(annotate(photo, 0, Optional.empty(), Optional.of("posture"), Optional.empty()).atMs()).isZero();
        assertThatThrownBy(() -> annotate(photo, 1, Optional.empty(), Optional.of("x"), Optional.empty()))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("atMs");
    }

    @Test
    void only_ready_pictured_media_is_annotated_and_only_a_ready_audio_media_is_a_voice_over() {
        MediaAsset processing = media("video/mp4", MediaStatus.PROCESSING, MediaMetadata.none());
        assertThatThrownBy(() -> annotate(processing, 0, Optional.empty(), Optional.of("x"), Optional.empty()))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("READY");
        MediaAsset voice = media("audio/wav", MediaStatus.READY, MediaMetadata.audio(1_000));
        assertThatThrownBy(() -> annotate(voice, 0, Optional.empty(), Optional.of("x"), Optional.empty()))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("only images and videos");

        for (MediaAsset notAVoiceOver : List.of(media("audio/mpeg", MediaStatus.PROCESSING, MediaMetadata.none()),
                media("video/mp4", MediaStatus.READY, MediaMetadata.video(10, 10, 10)))) {
            assertThatThrownBy(() -> Annotation.create(UUID.randomUUID(), COACH, SWING, 0, Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.of(notAVoiceOver), NOW))
                    .isInstanceOf(BusinessRuleException.class).hasMessageContaining("audioMediaId");
        }
    }

    @Test
    void drawings_are_version_1_in_the_frame_and_bounded() {
        assertThatThrownBy(() -> new Drawing(2, List.of(shape(ShapeKind.LINE, 2))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("drawing.version");
        assertThatThrownBy(() -> new Point(1.01, 0.5)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("drawing.shapes.points");
        assertThatThrownBy(() -> new Point(Double.NaN, 0.5)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new Shape(ShapeKind.LINE, List.of(new Point(0, 0)), "red", Optional.empty(),
                Optional.empty())).isInstanceOf(InvalidInputException.class).hasMessageContaining("drawing.shapes.color");
        assertThatThrownBy(() -> ShapeKind.named("star")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("drawing.shapes.kind");
        assertThat(ShapeKind.named("freehand")).isEqualTo(ShapeKind.FREEHAND);

        assertThat(new Drawing(1, Collections.nCopies(100, shape(ShapeKind.FREEHAND, 50))).shapes()).hasSize(100);
        assertThatThrownBy(() -> new Drawing(1, Collections.nCopies(101, shape(ShapeKind.LINE, 2))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("at most 100 shapes");
        assertThatThrownBy(() -> new Drawing(1, List.of(shape(ShapeKind.FREEHAND, 4_000), shape(ShapeKind.FREEHAND,
                1_001)))).isInstanceOf(InvalidInputException.class).hasMessageContaining("5000 points");
    }

    @Test
    void an_edit_changes_what_it_names_and_stays_within_the_media() {
        Annotation original = annotate(SWING, 1_000, Optional.of(2_000L), Optional.of("Knees"), Optional.of(ARROW));
        Instant later = NOW.plusSeconds(60);

        Annotation moved = original.edited(new Annotation.Changes(Optional.of(1_500L), Optional.empty(),
                Optional.empty(), Optional.empty()), SWING, later);
        assertThat(moved.atMs()).isEqualTo(1_500);
        assertThat(moved.endMs()).contains(2_000L);
        assertThat(moved.text()).contains("Knees");
        assertThat(moved.updatedAt()).isEqualTo(later);
        assertThat(moved.createdAt()).isEqualTo(NOW);

        Annotation drawingOnly = original.edited(new Annotation.Changes(Optional.empty(), Optional.empty(),
                Optional.of(""), Optional.empty()), SWING, later);
        assertThat(drawingOnly.text()).isEmpty();
        assertThatThrownBy(() -> original.edited(new Annotation.Changes(Optional.of(2_500L), Optional.empty(),
                Optional.empty(), Optional.empty()), SWING, later)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("endMs");
        assertThatThrownBy(() -> original.edited(new Annotation.Changes(Optional.empty(), Optional.of(9_000L),
                Optional.empty(), Optional.empty()), SWING, later)).isInstanceOf(BusinessRuleException.class);
    }

    @Test
    void the_author_edits_and_the_author_uploader_space_owner_or_admin_deletes() {
        Annotation annotation = annotate(SWING, 0, Optional.empty(), Optional.of("x"), Optional.empty());
        Actor author = new Actor(TENANT, COACH, Role.COACH);
        Actor uploader = new Actor(TENANT, UPLOADER, Role.ATHLETE);
        Actor owner = new Actor(TENANT, OWNER, Role.COACH);
        Actor admin = new Actor(TENANT, AccountId.of(UUID.randomUUID()), Role.ADMIN);
        Actor reader = new Actor(TENANT, AccountId.of(UUID.randomUUID()), Role.ATHLETE);

        assertThat(annotation.mayEdit(author)).isTrue();
        assertThat(List.of(uploader, owner, admin, reader)).noneMatch(annotation::mayEdit);
        assertThat(List.of(author, uploader, owner, admin))
                .allMatch(actor -> annotation.mayDelete(actor, SWING, Set.of(OWNER)));
        assertThat(annotation.mayDelete(reader, SWING, Set.of(OWNER))).isFalse();
        assertThat(annotation.mayDelete(new Actor(TenantId.of(UUID.randomUUID()), COACH, Role.ADMIN), SWING,
                Set.of())).isFalse();
    }

    @Test
    void its_event_names_the_uploader_and_the_authors_of_the_posts_carrying_the_media() {
        Annotation annotation = annotate(SWING, 400, Optional.empty(), Optional.of("x"), Optional.empty());

        UUID team = UUID.randomUUID();
        AnnotationCreated event = annotation.created(SWING, Set.of(OWNER), Set.of(team));

        assertThat(event.authorId()).isEqualTo(COACH);
        assertThat(event.uploaderId()).isEqualTo(UPLOADER);
        assertThat(event.postAuthorIds()).containsExactly(OWNER);
        assertThat(event.spaceIds()).containsExactly(team);
        assertThat(event.mediaId()).isEqualTo(SWING.id());
        assertThat(event.occurredAt()).isEqualTo(NOW);
    }

    private static Annotation annotate(MediaAsset media, long atMs, Optional<Long> endMs, Optional<String> text,
            Optional<Drawing> drawing) {
        return Annotation.create(UUID.randomUUID(), COACH, media, atMs, endMs, text, drawing, Optional.empty(), NOW);
    }

    private static Shape shape(ShapeKind kind, int points) {
        return new Shape(kind, Collections.nCopies(points, new Point(0.25, 0.75)), "#FF8800", Optional.of(3.0),
                Optional.empty());
    }

    private static MediaAsset media(String contentType, MediaStatus status, MediaMetadata metadata) {
        boolean pending = status == MediaStatus.PENDING_UPLOAD;
        return MediaAsset.reconstitute(UUID.randomUUID(), TENANT, UPLOADER, Optional.empty(), "clip", contentType,
                1024, Optional.empty(), status, metadata, false, Optional.empty(), NOW.minusSeconds(600),
                NOW.minusSeconds(300), pending ? Optional.empty() : Optional.of(NOW.minusSeconds(400)));
    }
}
