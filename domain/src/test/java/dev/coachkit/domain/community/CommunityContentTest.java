package dev.coachkit.domain.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.InvalidInputException;
import dev.coachkit.domain.shared.TenantId;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Limits and shapes of what members write: names, titles, content and media references. */
class CommunityContentTest {

    private static final TenantId TENANT = TenantId.of(UUID.fromString("a0000000-0000-4000-8000-000000000001"));
    private static final AccountId AUTHOR = AccountId.of(UUID.fromString("c0000000-0000-4000-8000-000000000003"));
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void content_is_kept_verbatim_and_limits_count_characters_not_bytes() {
        String emoji = "🏋️".repeat(2_500); // 2 code points, 3 UTF-16 units, 7 UTF-8 bytes each
        Post post = post(PostType.TEXT, " " + emoji + "\n", List.of());

        assertThat(post.content()).isEqualTo(" " + emoji + "\n");
        assertThatThrownBy(() -> post(PostType.TEXT, "x".repeat(10_001), List.of()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("content");
    }

    @Test
    void blank_or_nul_content_is_refused_naming_the_field() {
        assertThatThrownBy(() -> post(PostType.TEXT, "   ", List.of())).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("content");
        assertThatThrownBy(() -> post(PostType.TEXT, "a\0b", List.of())).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("content");
    }

    @Test
    void titles_are_optional_trimmed_and_at_most_200_characters() {
        assertThat(postTitled("  Drill  ").title()).contains("Drill");
        assertThat(postTitled("   ").title()).isEmpty();
        assertThatThrownBy(() -> postTitled("t".repeat(201))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("title");
    }

    @Test
    void media_posts_need_media_and_no_post_repeats_or_hoards_ids() {
        UUID media = UUID.randomUUID();
        assertThat(post(PostType.MEDIA, "Watch", List.of(media)).mediaIds()).containsExactly(media);
        assertThatThrownBy(() -> post(PostType.MEDIA, "Watch", List.of())).hasMessageContaining("mediaIds");
        assertThatThrownBy(() -> post(PostType.TEXT, "Twice", List.of(media, media))).hasMessageContaining("mediaIds");
        assertThatThrownBy(() -> post(PostType.TEXT, "Many", Collections.nCopies(11, UUID.randomUUID())))
                .hasMessageContaining("mediaIds");
        assertThatThrownBy(() -> post(null, "No type", List.of())).hasMessageContaining("type");
    }

    @Test
    void space_names_are_required_and_at_most_100_characters_and_edits_keep_what_they_do_not_change() {
        Space space = Space.create(UUID.randomUUID(), TENANT, " Rowing ", null, true, AUTHOR, NOW);
        assertThat(space.name()).isEqualTo("Rowing");
        assertThat(space.description()).isEmpty();
        assertThatThrownBy(() -> Space.create(UUID.randomUUID(), TENANT, "n".repeat(101), null, true, AUTHOR, NOW))
                .hasMessageContaining("name");

        Space edited = space.edit(new Space.Changes(Optional.empty(), Optional.of("Early crew"), Optional.empty()),
                NOW.plusSeconds(5));

        assertThat(edited.name()).isEqualTo("Rowing");
        assertThat(edited.description()).isEqualTo("Early crew");
        assertThat(edited.isPrivate()).isTrue();
        assertThat(edited.updatedAt()).isEqualTo(NOW.plusSeconds(5));
        assertThat(edited.createdAt()).isEqualTo(NOW);
    }

    @Test
    void comments_are_verbatim_and_limited_like_posts() {
        Comment comment = new Comment(UUID.randomUUID(), TENANT, UUID.randomUUID(), AUTHOR, "  👍  ", NOW);
        assertThat(comment.content()).isEqualTo("  👍  ");
        assertThatThrownBy(() -> new Comment(UUID.randomUUID(), TENANT, UUID.randomUUID(), AUTHOR, "c".repeat(10_001),
                NOW)).hasMessageContaining("content");
    }

    private static Post post(PostType type, String content, List<UUID> mediaIds) {
        return new Post(UUID.randomUUID(), TENANT, UUID.randomUUID(), AUTHOR, type, Optional.empty(), content,
                mediaIds, NOW);
    }

    private static Post postTitled(String title) {
        return new Post(UUID.randomUUID(), TENANT, UUID.randomUUID(), AUTHOR, PostType.TEXT, Optional.of(title),
                "Body", List.of(), NOW);
    }
}
