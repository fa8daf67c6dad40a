package dev.coachkit.domain.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.domain.shared.UnsupportedContentTypeException;
import org.junit.jupiter.api.Test;

class MediaKindTest {

    @Test
    void the_four_voice_over_types_are_audio_whatever_their_case_and_parameters() {
        assertThat(MediaKind.of("audio/mpeg")).isEqualTo(MediaKind.AUDIO);
        assertThat(MediaKind.of("Audio/MP4; codecs=mp4a.40.2")).isEqualTo(MediaKind.AUDIO);
        assertThat(MediaKind.of("audio/aac")).isEqualTo(MediaKind.AUDIO);
        assertThat(MediaKind.of("audio/wav")).isEqualTo(MediaKind.AUDIO);
    }

    @Test
    void other_audio_types_are_refused_and_the_refusal_lists_the_audio_allowed() {
        assertThatThrownBy(() -> MediaKind.of("audio/ogg")).isInstanceOf(UnsupportedContentTypeException.class)
                .hasMessageContaining("audio (audio/aac, audio/mp4, audio/mpeg, audio/wav)");
    }

    @Test
    void only_images_and_videos_are_pictured_so_only_they_get_a_thumbnail() {
        assertThat(MediaKind.IMAGE.pictured()).isTrue();
        assertThat(MediaKind.VIDEO.pictured()).isTrue();
        assertThat(MediaKind.AUDIO.pictured()).isFalse();
    }
}
