package dev.coachkit.adapters.storage.probe;

import dev.coachkit.application.shared.port.out.ReadinessProbe;
import java.time.Duration;
import java.util.List;

/** Reports whether ffprobe and ffmpeg are installed: without them every uploaded video fails processing. */
public final class FfmpegReadinessProbe implements ReadinessProbe {

    @Override
    public String name() {
        return "ffmpeg";
    }

    @Override
    public String check() {
        String ffmpeg = version("ffmpeg");
        version("ffprobe");
        return ffmpeg;
    }

    private static String version(String program) {
        ExternalCommand.Outcome outcome = ExternalCommand.run(List.of(program, "-version"), Duration.ofSeconds(5))
                .orElseThrow(() -> new IllegalStateException(program + " is not installed: uploaded videos cannot be"
                        + " processed (install Debian's ffmpeg package)"));
        if (!outcome.succeeded()) {
            throw new IllegalStateException(program + " -version failed with exit code " + outcome.exitCode());
        }
        return outcome.stdout().lines().findFirst().orElse(program);
    }
}
