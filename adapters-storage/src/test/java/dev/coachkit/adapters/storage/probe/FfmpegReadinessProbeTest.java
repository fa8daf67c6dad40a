package dev.coachkit.adapters.storage.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FfmpegReadinessProbeTest {

    @TempDir
    Path bin;

    @Test
    void an_answer_stands_for_its_time_without_running_the_programs_again() throws IOException {
        Path ffmpeg = program("ffmpeg", "ffmpeg version 6.0");
        Path ffprobe = program("ffprobe", "ffprobe version 6.0");
        FfmpegReadinessProbe probe = new FfmpegReadinessProbe(ffmpeg.toString(), ffprobe.toString(), Duration.ofHours(1));

        assertThat(probe.check()).isEqualTo("ffmpeg version 6.0");
        program("ffmpeg", "ffmpeg version 7.1");

        assertThat(probe.check()).isEqualTo("ffmpeg version 6.0");
    }

    @Test
    void once_its_time_is_up_the_programs_are_run_again() throws IOException {
        Path ffmpeg = program("ffmpeg", "ffmpeg version 6.0");
        Path ffprobe = program("ffprobe", "ffprobe version 6.0");
        FfmpegReadinessProbe probe = new FfmpegReadinessProbe(ffmpeg.toString(), ffprobe.toString(), Duration.ZERO);
        assertThat(probe.check()).isEqualTo("ffmpeg version 6.0");

        Files.delete(ffprobe);

        assertThat(probe.check()).startsWith("degraded: " + ffprobe + " is not installed");
    }

    private Path program(String name, String versionLine) throws IOException {
        Path script = bin.resolve(name);
        Files.writeString(script, "#!/bin/sh\necho '" + versionLine + "'\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }
}
