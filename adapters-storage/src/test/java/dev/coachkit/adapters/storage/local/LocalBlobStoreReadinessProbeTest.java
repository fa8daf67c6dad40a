package dev.coachkit.adapters.storage.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalBlobStoreReadinessProbeTest {

    @TempDir
    Path dir;

    @Test
    void a_writable_directory_is_ready_and_keeps_no_probe_file() throws IOException {
        LocalBlobStoreReadinessProbe probe = new LocalBlobStoreReadinessProbe(dir);

        assertThat(probe.name()).isEqualTo("blob-store");
        assertThat(probe.check()).isEqualTo("local directory writable").doesNotContain(dir.toString());
        try (var left = Files.list(dir)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void a_directory_that_cannot_take_a_file_is_not_ready() throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("blobs"), "a file where the directory should be");

        assertThatThrownBy(() -> new LocalBlobStoreReadinessProbe(notADirectory).check())
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("not writable");
    }
}
