package dev.coachkit.application.shared.port.out;

import static dev.coachkit.application.testing.EventEnvelopeBuilder.anEnvelope;
import static dev.coachkit.application.testing.TestTenants.ACME;
import static dev.coachkit.application.testing.TestTenants.GLOBEX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.application.events.envelope.EventEnvelope;
import dev.coachkit.domain.shared.TenantId;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What every {@link UnitOfWork} adapter guarantees. Writes go through the {@link EventOutbox} of the
 * same adapter family, the one writable port every family has, and are read back through
 * {@link #recordedEvents}. Each test uses fresh tenants or events so that adapters may share state
 * between tests.
 */
public abstract class UnitOfWorkContract {

    protected abstract UnitOfWork unitOfWork();

    protected abstract EventOutbox outbox();

    /**
     * The events of {@code tenant} recorded through {@link #outbox()} and neither published nor dead yet,
     * oldest first, as a unit of work of that tenant sees them: joins the running unit of work of that
     * tenant (so it sees that unit's uncommitted writes), or runs in one of its own. Implemented by
     * each adapter's test, outside the port.
     */
    protected abstract List<EventEnvelope> recordedEvents(TenantId tenant);

    private List<EventEnvelope> pendingOf(TenantId tenant) {
        return unitOfWork().inTenant(tenant, () -> recordedEvents(tenant));
    }

    @Test
    void committed_work_is_visible_to_later_units() {
        EventEnvelope event = anEnvelope().build();

        unitOfWork().runInTenant(ACME, () -> outbox().record(event));

        assertThat(pendingOf(ACME)).contains(event);
    }

    @Test
    void returns_the_result_of_the_work() {
        assertThat(unitOfWork().inTenant(ACME, () -> 42)).isEqualTo(42);
    }

    @Test
    void work_that_throws_is_rolled_back_and_the_exception_reaches_the_caller() {
        EventEnvelope event = anEnvelope().build();
        IllegalArgumentException failure = new IllegalArgumentException("business rule broken");

        assertThatThrownBy(() -> unitOfWork().runInTenant(ACME, () -> {
            outbox().record(event);
            throw failure;
        })).isSameAs(failure);

        assertThat(pendingOf(ACME)).doesNotContain(event);
    }

    @Test
    void own_writes_are_visible_before_commit() {
        EventEnvelope event = anEnvelope().build();

        List<EventEnvelope> seen = unitOfWork().inTenant(ACME, () -> {
            outbox().record(event);
            return recordedEvents(ACME);
        });

        assertThat(seen).contains(event);
    }

    @Test
    void a_unit_sees_no_data_of_another_tenant() {
        EventEnvelope acmeEvent = anEnvelope().inTenant(ACME).build();

        unitOfWork().runInTenant(ACME, () -> outbox().record(acmeEvent));

        assertThat(pendingOf(GLOBEX)).doesNotContain(acmeEvent);
    }

    @Test
    void nested_unit_of_the_same_tenant_joins_and_rolls_back_with_the_outer_one() {
        EventEnvelope inner = anEnvelope().build();

        assertThatThrownBy(() -> unitOfWork().runInTenant(ACME, () -> {
            unitOfWork().runInTenant(ACME, () -> outbox().record(inner));
            throw new IllegalStateException("outer fails after inner returned");
        })).hasMessageContaining("outer fails");

        assertThat(pendingOf(ACME)).doesNotContain(inner);
    }

    @Test
    void nested_unit_of_another_tenant_is_refused() {
        assertThatThrownBy(() -> unitOfWork().runInTenant(ACME, () -> unitOfWork().runInTenant(GLOBEX, () -> {})))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void uncommitted_writes_are_invisible_to_concurrent_units() throws Exception {
        EventEnvelope event = anEnvelope().build();
        CountDownLatch recorded = new CountDownLatch(1);
        CountDownLatch checked = new CountDownLatch(1);

        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> unitOfWork().runInTenant(ACME, () -> {
            outbox().record(event);
            recorded.countDown();
            await(checked);
        }));
        await(recorded);
        List<EventEnvelope> seenMeanwhile = pendingOf(ACME);
        checked.countDown();
        writer.get(10, TimeUnit.SECONDS);

        assertThat(seenMeanwhile).doesNotContain(event);
        assertThat(pendingOf(ACME)).contains(event);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("timed out waiting for the other unit of work");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void tenant_data_cannot_be_written_without_a_tenant() {
        EventEnvelope event = anEnvelope().build();

        assertThatThrownBy(() -> unitOfWork().withoutTenant(() -> {
            outbox().record(event);
            return null;
        })).isInstanceOf(IllegalStateException.class);

        assertThat(pendingOf(ACME)).doesNotContain(event);
    }

    @Test
    void a_unit_without_tenant_joins_a_running_tenant_unit() {
        EventEnvelope event = anEnvelope().build();

        unitOfWork().runInTenant(ACME, () -> unitOfWork().withoutTenant(() -> {
            outbox().record(event);
            return null;
        }));

        assertThat(pendingOf(ACME)).contains(event);
    }

    @Test
    void a_tenant_unit_cannot_be_nested_in_a_unit_without_tenant() {
        assertThatThrownBy(() -> unitOfWork().withoutTenant(() -> unitOfWork().inTenant(ACME, () -> 1)))
                .isInstanceOf(IllegalStateException.class);
    }
}
