package dev.coachkit.adapters.storage.probe;

import dev.coachkit.application.media.port.out.MediaProbe.Result;
import dev.coachkit.domain.media.MediaMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Videos through ffprobe (dimensions, duration) and ffmpeg (a JPEG poster frame), run as separate processes. */
final class VideoProbe {

    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(30);
    static final Duration POSTER_TIMEOUT = Duration.ofSeconds(60);
    static final String MISSING = "video processing is unavailable on this server: ffprobe/ffmpeg is not installed";
    /**
     * What clients are told of any video ffprobe or ffmpeg cannot read: their own words (heap addresses,
     * demuxer internals, versions) go to the server's log as the result's detail, never to clients.
     */
    static final String UNREADABLE = "the file could not be read as a video";
    /** The most of a tool's output kept as a failure's detail. */
    private static final int MAX_DETAIL = 2_000;

    /**
     * Input options of both programs. The upload is untrusted: a playlist (HLS, concat) would make
     * them open other local files or URLs, so only plain files may be opened, and only the demuxers
     * of the allowed video types (matroska covers webm, mov covers mp4; playlists are none of them).
     */
    private static final List<String> UNTRUSTED_INPUT = List.of("-protocol_whitelist", "file",
            "-format_whitelist", "mov,matroska,avi,mpeg,mpegts,mpegvideo");

    private VideoProbe() {}

    private static List<String> command(List<String> head, Path input, List<String> tail) {
        List<String> command = new ArrayList<>(head);
        command.addAll(UNTRUSTED_INPUT);
        command.add("-i");
        command.add(input.toString());
        command.addAll(tail);
        return command;
    }

    static Result probe(Path video) {
        Optional<ExternalCommand.Outcome> probed = ExternalCommand.run(command(List.of("ffprobe", "-v", "error"), video,
                List.of("-select_streams", "v:0", "-show_entries", "stream=width,height:format=duration",
                        "-of", "default=noprint_wrappers=1")), PROBE_TIMEOUT);
        if (probed.isEmpty()) {
            return Result.unreadable(MISSING);
        }
        Map<String, String> fields = fields(probed.get().stdout());
        if (!probed.get().succeeded() || !fields.containsKey("width") || !fields.containsKey("height")) {
            // ffprobe names its input: even the log needs no temporary path
            String stderr = probed.get().stderr().replace(video.toString(), "the upload").strip();
            return Result.unreadable(UNREADABLE, "ffprobe: " + (stderr.isEmpty() ? "no video stream" : loggable(stderr)));
        }
        int width;
        int height;
        long durationMs;
        try {
            width = Integer.parseInt(fields.get("width"));
            height = Integer.parseInt(fields.get("height"));
            durationMs = Math.round(Double.parseDouble(fields.getOrDefault("duration", "0")) * 1000);
        } catch (NumberFormatException unreadable) {
            return Result.unreadable(UNREADABLE, "ffprobe: dimensions or duration unreadable: " + loggable(fields.toString()));
        }
        if (width <= 0 || height <= 0) {
            return Result.unreadable(UNREADABLE, "ffprobe: no picture (" + width + "x" + height + ")");
        }
        return poster(video, durationMs).map(jpeg -> Result.readable(MediaMetadata.video(width, height, durationMs), jpeg))
                .orElseGet(() -> Result.unreadable(UNREADABLE, "ffmpeg: no frame could be decoded"));
    }

    /** A frame a second in (or the first, for shorter clips), scaled to thumbnail size. */
    private static Optional<byte[]> poster(Path video, long durationMs) {
        Path poster = video.resolveSibling(video.getFileName() + ".poster.jpg");
        String seek = durationMs > 2_000 ? "1" : "0";
        String scale = "scale='min(" + Thumbnails.MAX_EDGE + ",iw)':-2";
        try {
            Optional<ExternalCommand.Outcome> made = ExternalCommand.run(command(List.of("ffmpeg", "-v", "error", "-y",
                    "-ss", seek), video, List.of("-frames:v", "1", "-vf", scale, "-f", "image2", "-c:v", "mjpeg",
                    poster.toString())), POSTER_TIMEOUT);
            if (made.isEmpty() || !made.get().succeeded() || !Files.exists(poster) || Files.size(poster) == 0) {
                return Optional.empty();
            }
            return Optional.of(Files.readAllBytes(poster));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                Files.deleteIfExists(poster);
            } catch (IOException ignored) {
                // a temp file left behind is harmless
            }
        }
    }

    private static Map<String, String> fields(String output) {
        Map<String, String> fields = new HashMap<>();
        output.lines().map(line -> line.split("=", 2)).filter(pair -> pair.length == 2)
                .filter(pair -> !"N/A".equals(pair[1].strip()))
                .forEach(pair -> fields.putIfAbsent(pair[0].strip(), pair[1].strip()));
        return fields;
    }

    /**
     * A tool's output as one log line: the file's own metadata can put newlines and terminal escapes in
     * it, so every control character but tab becomes {@code \\uXXXX} (as the mail log does), then at most
     * {@link #MAX_DETAIL} characters are kept.
     */
    static String loggable(String text) {
        StringBuilder escaped = new StringBuilder(Math.min(text.length(), MAX_DETAIL + 8));
        for (int i = 0; i < text.length() && escaped.length() <= MAX_DETAIL; i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\t') {
                escaped.append(String.format("\\u%04x", (int) c));
            } else {
                escaped.append(c);
            }
        }
        return escaped.length() > MAX_DETAIL ? escaped.substring(0, MAX_DETAIL) + "..." : escaped.toString();
    }
}
