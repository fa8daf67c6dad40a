package dev.coachkit.adapters.storage.probe;

import dev.coachkit.application.shared.port.out.ReadinessProbe;
import java.time.Duration;
import java.util.List;

/**
 * Reports whether ffprobe and ffmpeg are installed. Without them the server still serves every
 * request — only uploaded videos end {@code FAILED} — so their absence is reported in the entry's
 * detail without taking the node out of service.
 */
public final class FfmpegReadinessProbe implements ReadinessProbe {

    private final String ffmpeg;
    private final String ffprobe;

    public FfmpegReadinessProbe() {
        this("ffmpeg", "ffprobe");
    }

    FfmpegReadinessProbe(String ffmpeg, String ffprobe) {
        this.ffmpeg = ffmpeg;
        this.ffprobe = ffprobe;
    }

    @Override
    public String name() {
        return "ffmpeg";
    }

    @Override
    public String check() {
        Installed tool = probe(ffmpeg);
        Installed companion = probe(ffprobe);
        if (tool.works() && companion.works()) {
            return tool.report();
        }
        String problem = tool.works() ? companion.report() : tool.report();
        return "degraded: " + problem + "; uploaded videos end FAILED until Debian's ffmpeg package is installed";
    }

    /** What running {@code program -version} showed: its first line, or why it did not run. */
    private record Installed(boolean works, String report) {}

    private static Installed probe(String program) {
        return ExternalCommand.run(List.of(program, "-version"), Duration.ofSeconds(5))
                .map(outcome -> outcome.succeeded()
                        ? new Installed(true, outcome.stdout().lines().findFirst().orElse(program))
                        : new Installed(false, program + " -version failed with exit code " + outcome.exitCode()))
                .orElseGet(() -> new Installed(false, program + " is not installed"));
    }
}
