package dev.coachkit.application.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AfterAnswerExecutorTest {

    @Test
    void work_runs_off_the_callers_thread_and_a_failure_does_not_stop_the_work_after_it() throws Exception {
        try (AfterAnswerExecutor executor = new AfterAnswerExecutor()) {
            CompletableFuture<String> ranOn = new CompletableFuture<>();

            executor.execute(() -> {
                throw new IllegalStateException("the database is down");
            });
            executor.execute(() -> ranOn.complete(Thread.currentThread().getName()));

            assertThat(ranOn.get(5, TimeUnit.SECONDS)).isEqualTo("coachkit-after-answer");
        }
    }

    @Test
    void work_handed_over_after_closing_is_run_by_the_caller_not_dropped() throws Exception {
        AfterAnswerExecutor executor = new AfterAnswerExecutor();
        executor.close();
        String[] ranOn = new String[1];

        executor.execute(() -> ranOn[0] = Thread.currentThread().getName());

        assertThat(ranOn[0]).isEqualTo(Thread.currentThread().getName());
    }
}
