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
import com.sun.management.ThreadMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Probing generated content: images written by ImageIO, a video and audio made by ffmpeg (which .ci/run
 * installs), and corrupt input of each kind.
 */
class ImageVideoAndAudioProbeTest {

    private final ImageVideoAndAudioProbe probe = new ImageVideoAndAudioProbe();

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

        assertThat(garbage.failure()).contains(ImageProbe.UNREADABLE);
        assertThat(garbage.detail()).hasValueSatisfying(detail -> assertThat(detail).contains("no decoder"));
        assertThat(truncated.failure()).contains(ImageProbe.UNREADABLE);
        assertThat(truncated.detail()).as("the decoder's words, for the log").hasValueSatisfying(detail ->
                assertThat(detail).isNotBlank());
        assertThat(truncated.metadata()).isEmpty();
    }

    /** A grey PNG of any size made without a raster: the rows go straight into the compressed stream. */
    private static byte[] hugePng(int width, int height) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteBuffer header = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 0)
                .put((byte) 0).put((byte) 0).put((byte) 0); // 8-bit greyscale, no interlacing
        chunk(png, "IHDR", header.array());
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (DeflaterOutputStream rows = new DeflaterOutputStream(compressed, new Deflater(Deflater.BEST_COMPRESSION))) {
            byte[] row = new byte[width + 1]; // a filter byte, then the pixels
            Arrays.fill(row, 1, row.length, (byte) 0x80);
            for (int y = 0; y < height; y++) {
                rows.write(row);
            }
        }
        chunk(png, "IDAT", compressed.toByteArray());
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) throws IOException {
        CRC32 crc = new CRC32();
        crc.update(type.getBytes(StandardCharsets.US_ASCII));
        crc.update(data);
        png.write(ByteBuffer.allocate(4).putInt(data.length).array());
        png.write(type.getBytes(StandardCharsets.US_ASCII));
        png.write(data);
        png.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    @Test
    void a_large_image_is_decoded_at_thumbnail_resolution_not_in_full() throws IOException {
        byte[] png = hugePng(7_000, 7_000); // 49 megapixels: 49 MB as a full-size greyscale raster
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();

        Result result = probed(MediaKind.IMAGE, png);

        long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
        assertThat(result.metadata()).contains(MediaMetadata.image(7_000, 7_000));
        assertThat(decodedJpeg(result).getWidth()).isEqualTo(320);
        assertThat(allocated).as("bytes allocated while probing").isLessThan(30_000_000L);
    }

    @Test
    void an_image_above_the_pixel_limit_is_refused_from_its_header() throws IOException {
        Result result = probed(MediaKind.IMAGE, hugePng(8_000, 7_000));

        assertThat(result.failure()).hasValueSatisfying(reason -> assertThat(reason)
                .contains("8000x7000 pixels, more than " + ImageProbe.MAX_PIXELS));
    }

    @Test
    void a_failure_without_a_message_still_has_a_reason() {
        assertThat(ImageProbe.reason(new IOException())).isNotBlank().doesNotContain("null");
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

    /** A 1.5 s sine tone made by ffmpeg in {@code fileName}'s container, with {@code codec}. */
    private byte[] tone(String fileName, String codec) throws IOException {
        Path audio = dir.resolve(fileName);
        ExternalCommand.Outcome made = ExternalCommand.run(List.of("ffmpeg", "-v", "error", "-f", "lavfi",
                "-i", "sine=frequency=440:duration=1.5", "-c:a", codec, audio.toString()),
                Duration.ofSeconds(60)).orElseThrow(() -> new AssertionError("ffmpeg is not installed; .ci/run installs it"));
        assertThat(made.succeeded()).as(made.stderr()).isTrue();
        return Files.readAllBytes(audio);
    }

    @Test
    void audio_of_each_allowed_container_gives_its_duration_and_no_thumbnail() throws IOException {
        for (byte[] audio : List.of(tone("voice.wav", "pcm_s16le"), tone("voice.m4a", "aac"),
                tone("voice.mp3", "libmp3lame"), tone("voice.aac", "aac"))) {
            Result result = probed(MediaKind.AUDIO, audio);

            MediaMetadata metadata = result.metadata().orElseThrow(() -> new AssertionError(result.detail()));
            assertThat(metadata.durationMs()).hasValueSatisfying(ms -> assertThat(ms).isBetween(1_400L, 1_700L));
            assertThat(metadata.width()).isEmpty();
            assertThat(result.thumbnailJpeg()).isEmpty();
        }
    }

    @Test
    void a_corrupt_audio_file_or_a_silent_video_declared_as_audio_is_unreadable_with_a_reason() throws IOException {
        Path video = dir.resolve("silent.mp4");
        ExternalCommand.Outcome made = ExternalCommand.run(List.of("ffmpeg", "-v", "error", "-f", "lavfi",
                "-i", "testsrc=size=64x64:rate=5", "-t", "1", "-pix_fmt", "yuv420p", video.toString()),
                Duration.ofSeconds(60)).orElseThrow(() -> new AssertionError("ffmpeg is not installed; .ci/run installs it"));
        assertThat(made.succeeded()).as(made.stderr()).isTrue();

        Result garbage = probed(MediaKind.AUDIO, "RIFF but no wave at all".getBytes());
        Result silent = probed(MediaKind.AUDIO, Files.readAllBytes(video));

        assertThat(garbage.failure()).contains(AudioProbe.UNREADABLE);
        assertThat(garbage.detail()).hasValueSatisfying(detail -> assertThat(detail).startsWith("ffprobe: "));
        assertThat(silent.failure()).contains(AudioProbe.UNREADABLE);
        assertThat(silent.detail()).contains("ffprobe: no audio stream");
    }

    @Test
    void a_corrupt_video_is_unreadable_with_a_reason() {
        Result result = probed(MediaKind.VIDEO, "\u0000\u0000\u0000 ftypisom but nothing else".getBytes());

        assertThat(result.failure()).contains(VideoProbe.UNREADABLE);
        assertThat(result.detail()).hasValueSatisfying(detail -> assertThat(detail).startsWith("ffprobe: "));
    }

    @Test
    void a_tools_output_is_logged_as_one_line_with_its_control_characters_escaped_and_capped() {
        // a title tag can carry a forged log line and a terminal escape into ffprobe's complaint
        String stderr = "[mov @ 0x55] title:\tx\r\n2026-12-07 INFO admin logged in\u001b[2J\u007f";

        assertThat(VideoProbe.loggable(stderr))
                .isEqualTo("[mov @ 0x55] title:\tx\\u000d\\u000a2026-12-07 INFO admin logged in\\u001b[2J\\u007f");
        assertThat(VideoProbe.loggable("\n".repeat(5_000))).hasSize(2_000 + 3).endsWith("...")
                .doesNotContain("\n");
        assertThat(VideoProbe.loggable("plain words")).isEqualTo("plain words");
    }

    @Test
    void a_failure_reason_is_a_fixed_sentence_and_ffmpegs_own_words_are_only_the_logged_detail() {
        // ffprobe names its input when no demuxer recognises the content at all
        Result result = probed(MediaKind.VIDEO, "plain text, no container".getBytes(StandardCharsets.UTF_8));

        assertThat(result.failure()).contains("the file could not be read as a video");
        assertThat(result.detail()).hasValueSatisfying(detail -> assertThat(detail).startsWith("ffprobe: ")
                .contains("the upload").doesNotContain(System.getProperty("java.io.tmpdir"))
                .doesNotContain("coachkit-video").doesNotContain("null"));
    }

    @Test
    void an_interrupted_command_is_killed() throws Exception {
        String marker = "37.25";
        Thread waiting = new Thread(() -> {
            try {
                ExternalCommand.run(List.of("sleep", marker), Duration.ofSeconds(60));
            } catch (IllegalStateException interrupted) {
                // expected: the run reports the interrupt; what matters is the process below
            }
        });
        waiting.start();
        Instant deadline = Instant.now().plusSeconds(10);
        while (sleeping(marker).isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        assertThat(sleeping(marker)).as("the command started").isNotEmpty();

        waiting.interrupt();
        waiting.join(10_000);

        while (!sleeping(marker).isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        assertThat(sleeping(marker)).as("the command was killed").isEmpty();
    }

    private static List<ProcessHandle> sleeping(String marker) {
        return ProcessHandle.current().children().filter(ProcessHandle::isAlive)
                .filter(child -> child.info().arguments().map(arguments -> Arrays.asList(arguments).contains(marker))
                        .orElse(false))
                .toList();
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
        assertThat(result.failure()).contains(VideoProbe.UNREADABLE);
        assertThat(result.detail()).hasValueSatisfying(detail -> assertThat(detail).contains("not on whitelist"));
    }

    @Test
    void the_readiness_probe_reports_the_installed_ffmpeg() {
        assertThat(new FfmpegReadinessProbe().check()).startsWith("ffmpeg version");
    }

    @Test
    void without_ffmpeg_the_node_stays_ready_and_says_videos_will_fail() {
        assertThat(new FfmpegReadinessProbe("coachkit-no-such-ffmpeg", "ffprobe", Duration.ZERO).check())
                .startsWith("degraded: coachkit-no-such-ffmpeg is not installed")
                .contains("uploaded videos end FAILED");
    }
}
