package dev.coachkit.adapters.storage.probe;

import dev.coachkit.application.shared.port.out.ReadinessProbe;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Reports whether ffprobe and ffmpeg are installed. Without them the server still serves every
 * request — only uploaded videos end {@code FAILED} — so their absence is reported in the entry's
 * detail without taking the node out of service.
 *
 * <p>Running both programs takes 0.3-0.4 s, too long for every {@code /ready} of a load balancer and
 * for the first one after a start. So the check starts as the probe is built, runs off the caller's
 * thread, and its answer stands for a minute: installing or removing ffmpeg shows within one.
 */
public final class FfmpegReadinessProbe implements ReadinessProbe {

    private static final Duration ANSWER_STANDS_FOR = Duration.ofMinutes(1);
    private static final Executor CHECKER = task -> {
        Thread thread = new Thread(task, "ffmpeg-readiness");
        thread.setDaemon(true);
        thread.start();
    };

    private final String ffmpeg;
    private final String ffprobe;
    private final Duration answerStandsFor;
    private volatile Check latest;

    /** A check under way or done, and when it started. */
    private record Check(CompletableFuture<String> answer, long startedNanos) {}

    public FfmpegReadinessProbe() {
        this("ffmpeg", "ffprobe", ANSWER_STANDS_FOR);
    }

    FfmpegReadinessProbe(String ffmpeg, String ffprobe, Duration answerStandsFor) {
        this.ffmpeg = ffmpeg;
        this.ffprobe = ffprobe;
        this.answerStandsFor = answerStandsFor;
        this.latest = startCheck();
    }

    @Override
    public String name() {
        return "ffmpeg";
    }

    @Override
    public String check() {
        Check current = latest;
        if (System.nanoTime() - current.startedNanos() > answerStandsFor.toNanos()) {
            current = startCheck();
            latest = current;
        }
        return current.answer().join();
    }

    private Check startCheck() {
        return new Check(CompletableFuture.supplyAsync(this::inspect, CHECKER), System.nanoTime());
    }

    private String inspect() {
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
