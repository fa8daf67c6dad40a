package dev.coachkit.application.memory;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.application.media.port.out.BlobStore;
import dev.coachkit.application.media.port.out.BlobStoreContract;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.domain.shared.PermissionDeniedException;
import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The blob store contract on the in-memory store, whose URLs expire like real ones. */
class InMemoryBlobStoreTest extends BlobStoreContract {

    private final InMemoryBlobStore store = new InMemoryBlobStore(Clock.system());

    @Override
    protected BlobStore store() {
        return store;
    }

    @Override
    protected String putTo(URI url, byte[] content) {
        return store.put(url, content);
    }

    @Override
    protected byte[] getFrom(URI url) {
        return store.get(url);
    }

    @Test
    void an_expired_url_is_refused() {
        URI expired = store.presignPut("t/m/original", 1, Instant.now().minusSeconds(1));

        assertThatThrownBy(() -> store.put(expired, new byte[] {1})).isInstanceOf(PermissionDeniedException.class);
    }
}
