package dev.coachkit.bootstrap.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.bootstrap.bench.ApiBenchmark.Comparison;
import dev.coachkit.bootstrap.bench.ApiBenchmark.Run;
import dev.coachkit.bootstrap.bench.EndpointLoad.Measured;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The smoke run of bench/api.sh: every step of the API benchmark on a tiny data set for a few
 * seconds each — no figure is judged, only that each step produced one from answered requests.
 */
class ApiBenchmarkSmokeIT {

    @Test
    void every_step_of_the_api_benchmark_runs_and_every_endpoint_is_reported(@TempDir Path directory) throws Exception {
        Run run = ApiBenchmark.run(ApiBenchmark.Options.smoke(directory.resolve("benchmarks.md")));

        assertThat(run.argon2PerSecond()).isPositive();
        assertThat(run.startup().cold()).isPositive();
        assertThat(run.startup().warm()).isPositive();
        assertThat(run.peakRssKib()).isPositive();
        assertThat(run.endpoints()).hasSize(5);
        for (Comparison endpoint : run.endpoints()) {
            assertAnswered(endpoint.http());
            assertThat(endpoint.http().statementsPerRequest()).as(endpoint.http().name()).isPositive();
            assertThat(endpoint.baseline().tps()).as(endpoint.http().name()).isPositive();
            assertThat(endpoint.baseline().failed()).as(endpoint.http().name()).isZero();
            assertThat(endpoint.baseline().machineCpuMillisPerTransaction()).as(endpoint.http().name()).isPositive();
            assertThat(endpoint.script()).as(endpoint.http().name()).contains("set_config");
        }
        assertThat(run.endpoints().get(1).script()).containsIgnoringCase("insert into posts");
        assertThat(run.endpoints().get(3).script()).contains(":client_id");
        assertAnswered(run.login());
        assertAnswered(run.refresh());
        String section = ApiReport.section(BenchmarkReport.Machine.describe(), run);
        System.out.println(section);
        run.endpoints().forEach(endpoint -> assertThat(section).contains(endpoint.http().name()));
        assertThat(section).startsWith(ApiReport.HEADING).contains("cold start", "warm restart", "RSS");
    }

    private static void assertAnswered(Measured run) {
        assertThat(run.http().requests()).as(run.name()).isPositive();
        assertThat(run.http().failures()).as(run.name() + " " + run.http().statuses()).isZero();
        assertThat(run.machineCpuMillisPerRequest()).as(run.name()).isPositive();
    }
}
