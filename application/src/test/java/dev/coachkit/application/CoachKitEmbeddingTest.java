package dev.coachkit.application;

import static dev.coachkit.application.testing.EventEnvelopeBuilder.anEnvelope;
import static dev.coachkit.application.testing.TestTenants.ACME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.application.events.envelope.EventEnvelope;
import dev.coachkit.application.memory.InMemoryEventOutbox;
import dev.coachkit.application.shared.port.in.CheckReadinessUseCase.DependencyStatus;
import dev.coachkit.application.shared.port.in.CheckReadinessUseCase.Readiness;
import dev.coachkit.application.testing.TestProbes;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The core runs embedded in a plain JVM host with in-memory adapters: no HTTP, no database. */
class CoachKitEmbeddingTest {

    @Test
    void core_assembled_from_in_memory_adapters_runs_a_unit_of_work_with_events() {
        CoachKit core = CoachKit.builder().withInMemoryAdapters().build();
        EventEnvelope event = anEnvelope().ofType("test.happened").build();

        core.unitOfWork().runInTenant(ACME, () -> core.eventOutbox().record(event));

        assertThat(((InMemoryEventOutbox) core.eventOutbox()).unpublished(ACME)).containsExactly(event);
        assertThat(core.checkReadiness().check().ready()).isTrue();
        assertThat(core.events().drain()).isOne();
        assertThat(((InMemoryEventOutbox) core.eventOutbox()).unpublished(ACME)).isEmpty();
    }

    @Test
    void build_names_every_port_left_without_an_adapter() {
        assertThatThrownBy(() -> CoachKit.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("CoachKit needs an adapter for UnitOfWork, EventOutbox, ProcessedEvents")
                .hasMessageContaining("SpaceRepository")
                .hasMessageContaining("Mailer");
    }

    @Test
    void readiness_reports_every_probe_even_when_one_is_down() {
        CoachKit core = CoachKit.builder().withInMemoryAdapters()
                .readinessProbe(TestProbes.up("database"))
                .readinessProbe(TestProbes.down("cache", "connection refused"))
                .build();

        Readiness readiness = core.checkReadiness().check();

        assertThat(readiness.ready()).isFalse();
        assertThat(readiness.dependencies()).containsExactly(
                new DependencyStatus("database", true, "ok"),
                new DependencyStatus("cache", false, "connection refused"));
    }

    @Test
    void stop_closes_managed_resources_last_registered_first() {
        List<String> closed = new ArrayList<>();
        CoachKit core = CoachKit.builder().withInMemoryAdapters()
                .manage(() -> closed.add("pool"))
                .manage(() -> closed.add("server"))
                .build();
        core.start();

        core.stop();
        core.stop();

        assertThat(closed).as("closed once, last registered first").containsExactly("server", "pool");
    }
}
