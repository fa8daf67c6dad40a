package dev.coachkit.application.payments.port.out;

import static dev.coachkit.application.testing.IdentityBuilders.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.domain.shared.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ProcessedPaymentEvents} guarantees: a provider's event id is applied once across all
 * tenants and processes, and the mark belongs to the unit of work that applies the event.
 */
public abstract class ProcessedPaymentEventsContract extends PaymentStoresFixture {

    protected abstract ProcessedPaymentEvents processedPaymentEvents();

    private TenantId tenant;

    @BeforeEach
    void newTenantOfTheTest() {
        tenant = newTenant();
    }

    private boolean mark(TenantId in, String provider, String eventId) {
        return inTenant(in, () -> processedPaymentEvents().markApplied(in, provider, eventId, T0));
    }

    @Test
    void an_event_is_applied_the_first_time_only() {
        String event = "evt_" + UUID.randomUUID();

        assertThat(mark(tenant, "stripe", event)).isTrue();
        assertThat(mark(tenant, "stripe", event)).isFalse();
        assertThat(mark(tenant, "local", event)).as("another provider's id space").isTrue();
    }

    @Test
    void an_event_id_is_applied_once_across_tenants() {
        String event = "evt_" + UUID.randomUUID();
        mark(tenant, "stripe", event);

        TenantId other = newTenant();
        assertThat(mark(other, "stripe", event)).isFalse();
    }

    @Test
    void a_mark_rolled_back_with_its_unit_of_work_was_never_made() {
        String event = "evt_" + UUID.randomUUID();
        try {
            run(tenant, () -> {
                processedPaymentEvents().markApplied(tenant, "stripe", event, T0);
                throw new IllegalStateException("the effect failed");
            });
        } catch (IllegalStateException expected) {
            // the unit of work rolled back
        }

        assertThat(mark(tenant, "stripe", event)).isTrue();
    }

    @Test
    void of_eight_concurrent_deliveries_of_one_event_exactly_one_applies_it() throws Exception {
        String event = "evt_" + UUID.randomUUID();
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> attempts = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                attempts.add(pool.submit(() -> {
                    start.await();
                    return inTenant(tenant, () -> {
                        boolean first = processedPaymentEvents().markApplied(tenant, "stripe", event, T0);
                        try {
                            Thread.sleep(20); // the others try while this mark is uncommitted
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return first;
                    });
                }));
            }
            start.countDown();
            int applied = 0;
            for (Future<Boolean> attempt : attempts) {
                applied += attempt.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(applied).isEqualTo(1);
        } finally {
            pool.shutdown();
        }
    }
}
