package dev.coachkit.adapters.storage.probe;

import dev.coachkit.application.media.port.out.MediaProbe.Result;
import dev.coachkit.domain.media.MediaMetadata;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Audio (voice-overs) through ffprobe: its duration; there is no picture, so no thumbnail. */
final class AudioProbe {

    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(30);
    static final String MISSING = "audio processing is unavailable on this server: ffprobe is not installed";
    /** What clients are told of any audio ffprobe cannot read; ffprobe's own words are only logged. */
    static final String UNREADABLE = "the file could not be read as audio";

    /**
     * The upload is untrusted, as for videos: plain files only, and only the demuxers of the allowed
     * audio types (mp3 for audio/mpeg, mov for audio/mp4, aac for ADTS audio/aac, wav), never a playlist.
     */
    private static final List<String> UNTRUSTED_INPUT = List.of("-protocol_whitelist", "file",
            "-format_whitelist", "mp3,mov,aac,wav");

    private AudioProbe() {}

    static Result probe(Path audio) {
        List<String> command = new ArrayList<>(List.of("ffprobe", "-v", "error"));
        command.addAll(UNTRUSTED_INPUT);
        command.addAll(List.of("-i", audio.toString(), "-select_streams", "a:0",
                "-show_entries", "stream=codec_type:format=duration", "-of", "default=noprint_wrappers=1"));
        Optional<ExternalCommand.Outcome> probed = ExternalCommand.run(command, PROBE_TIMEOUT);
        if (probed.isEmpty()) {
            return Result.unreadable(MISSING);
        }
        String stdout = probed.get().stdout();
        if (!probed.get().succeeded() || !stdout.contains("codec_type=audio")) {
            String stderr = probed.get().stderr().replace(audio.toString(), "the upload").strip();
            return Result.unreadable(UNREADABLE,
                    "ffprobe: " + (stderr.isEmpty() ? "no audio stream" : VideoProbe.loggable(stderr)));
        }
        Optional<String> duration = stdout.lines().filter(line -> line.startsWith("duration="))
                .map(line -> line.substring("duration=".length()).strip()).findFirst();
        try {
            long durationMs = Math.round(Double.parseDouble(duration.orElseThrow(NumberFormatException::new)) * 1000);
            if (durationMs <= 0) {
                return Result.unreadable(UNREADABLE, "ffprobe: no duration (" + durationMs + " ms)");
            }
            return Result.readableWithoutThumbnail(MediaMetadata.audio(durationMs));
        } catch (NumberFormatException unreadable) {
            return Result.unreadable(UNREADABLE, "ffprobe: duration unreadable: " + VideoProbe.loggable(stdout));
        }
    }
}
