package dev.coachkit.adapters.storage.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.application.media.port.out.MediaProbe.Result;
import dev.coachkit.domain.media.MediaKind;
import dev.coachkit.domain.media.MediaMetadata;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Probing generated content: images written by ImageIO, a video made by ffmpeg (which .ci/run
 * installs), and corrupt input of both kinds.
 */
class ImageAndVideoProbeTest {

    private final ImageAndVideoProbe probe = new ImageAndVideoProbe();

    @TempDir
    Path dir;

    private static byte[] image(int width, int height, String format) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.ORANGE);
        graphics.fillRect(0, 0, width / 2, height);
        graphics.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    private Result probed(MediaKind kind, byte[] content) {
        return probe.probe(kind, new ByteArrayInputStream(content));
    }

    private static BufferedImage decodedJpeg(Result result) throws IOException {
        byte[] jpeg = result.thumbnailJpeg().orElseThrow();
        assertThat(jpeg).startsWith(0xFF, 0xD8); // the JPEG start-of-image marker
        return ImageIO.read(new ByteArrayInputStream(jpeg));
    }

    @Test
    void a_png_gives_its_dimensions_and_a_jpeg_thumbnail_that_fits_the_thumbnail_box() throws IOException {
        Result result = probed(MediaKind.IMAGE, image(1200, 800, "png"));

        assertThat(result.metadata()).contains(MediaMetadata.image(1200, 800));
        BufferedImage thumbnail = decodedJpeg(result);
        assertThat(thumbnail.getWidth()).isEqualTo(320);
        assertThat(thumbnail.getHeight()).isEqualTo(213);
    }

    @Test
    void a_small_jpeg_is_not_enlarged() throws IOException {
        Result result = probed(MediaKind.IMAGE, image(40, 30, "jpg"));

        assertThat(result.metadata()).contains(MediaMetadata.image(40, 30));
        assertThat(decodedJpeg(result).getWidth()).isEqualTo(40);
    }

    @Test
    void corrupt_or_truncated_images_are_unreadable_with_a_reason() throws IOException {
        byte[] png = image(200, 100, "png");

        Result garbage = probed(MediaKind.IMAGE, "definitely not an image".getBytes());
        Result truncated = probed(MediaKind.IMAGE, Arrays.copyOf(png, png.length / 3));

        assertThat(garbage.failure()).hasValueSatisfying(reason -> assertThat(reason).contains("not a readable image"));
        assertThat(truncated.failure()).isPresent();
        assertThat(truncated.metadata()).isEmpty();
    }

    @Test
    void a_video_made_by_ffmpeg_gives_dimensions_duration_and_a_poster_frame() throws IOException {
        Path video = dir.resolve("clip.mp4");
        ExternalCommand.Outcome made = ExternalCommand.run(List.of("ffmpeg", "-v", "error", "-f", "lavfi",
                "-i", "testsrc=size=640x360:rate=10", "-t", "3", "-pix_fmt", "yuv420p", video.toString()),
                Duration.ofSeconds(60)).orElseThrow(() -> new AssertionError("ffmpeg is not installed; .ci/run installs it"));
        assertThat(made.succeeded()).as(made.stderr()).isTrue();

        Result result = probed(MediaKind.VIDEO, Files.readAllBytes(video));

        MediaMetadata metadata = result.metadata().orElseThrow(() -> new AssertionError(result.failure()));
        assertThat(metadata.width()).contains(640);
        assertThat(metadata.height()).contains(360);
        assertThat(metadata.durationMs()).hasValueSatisfying(ms -> assertThat(ms).isBetween(2_900L, 3_100L));
        assertThat(decodedJpeg(result).getWidth()).isEqualTo(320);
    }

    @Test
    void a_corrupt_video_is_unreadable_with_a_reason() {
        Result result = probed(MediaKind.VIDEO, "\u0000\u0000\u0000 ftypisom but nothing else".getBytes());

        assertThat(result.failure()).hasValueSatisfying(reason -> assertThat(reason).startsWith("not a readable video"));
    }

    @Test
    void an_hls_playlist_naming_a_local_file_fails_without_the_file_being_read() throws IOException {
        Path segment = dir.resolve("segment.ts");
        ExternalCommand.Outcome made = ExternalCommand.run(List.of("ffmpeg", "-v", "error", "-f", "lavfi",
                "-i", "testsrc=size=160x120:rate=10", "-t", "3", "-pix_fmt", "yuv420p", segment.toString()),
                Duration.ofSeconds(60)).orElseThrow(() -> new AssertionError("ffmpeg is not installed; .ci/run installs it"));
        assertThat(made.succeeded()).as(made.stderr()).isTrue();
        String playlist = "#EXTM3U\n#EXT-X-TARGETDURATION:3\n#EXTINF:3,\n" + segment + "\n#EXT-X-ENDLIST\n";

        Result result = probed(MediaKind.VIDEO, playlist.getBytes(StandardCharsets.UTF_8));

        // had ffprobe followed the playlist it would have read the segment's 160x120 picture
        assertThat(result.metadata()).isEmpty();
        assertThat(result.failure()).hasValueSatisfying(reason -> assertThat(reason)
                .startsWith("not a readable video").contains("not on whitelist"));
    }

    @Test
    void the_readiness_probe_reports_the_installed_ffmpeg() {
        assertThat(new FfmpegReadinessProbe().check()).startsWith("ffmpeg version");
    }

    @Test
    void without_ffmpeg_the_node_stays_ready_and_says_videos_will_fail() {
        assertThat(new FfmpegReadinessProbe("coachkit-no-such-ffmpeg", "ffprobe").check())
                .startsWith("degraded: coachkit-no-such-ffmpeg is not installed")
                .contains("uploaded videos end FAILED");
    }
}
