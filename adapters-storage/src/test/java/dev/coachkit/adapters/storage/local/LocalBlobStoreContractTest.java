package dev.coachkit.adapters.storage.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.application.media.port.in.SignedBlobTransferUseCase.Download;
import dev.coachkit.application.media.port.in.SignedBlobTransferUseCase.SignedRequest;
import dev.coachkit.application.media.port.out.BlobStore;
import dev.coachkit.application.media.port.out.BlobStoreContract;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.domain.shared.ContentTooLargeException;
import dev.coachkit.domain.shared.PermissionDeniedException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The blob store contract on the local filesystem store, its signed URLs handed to its transfer use
 * case the way the server's {@code /blobs/...} endpoints do; then what the signatures refuse.
 */
class LocalBlobStoreContractTest extends BlobStoreContract {

    private static final byte[] SIGNING_KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    private static final String KEY = UUID.randomUUID() + "/" + UUID.randomUUID() + "/original";

    @TempDir
    Path root;

    private LocalBlobStore store;

    @Override
    protected BlobStore store() {
        if (store == null) {
            store = new LocalBlobStore(root, SIGNING_KEY, "http://localhost:8080", 16L * 1024 * 1024, Clock.system());
        }
        return store;
    }

    @Override
    protected String putTo(URI url, byte[] content) {
        store();
        return store.receive(request(url), new ByteArrayInputStream(content));
    }

    @Override
    protected byte[] getFrom(URI url) throws Exception {
        store();
        Download download = store.send(request(url));
        try (InputStream content = download.content()) {
            return content.readAllBytes();
        }
    }

    /** What the HTTP adapter hands over: the path after /blobs/ and the decoded query parameters. */
    static SignedRequest request(URI url) {
        assertThat(url.getPath()).startsWith("/blobs/");
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : url.getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            query.put(parts[0], URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        return new SignedRequest(url.getPath().substring("/blobs/".length()), query);
    }

    private static SignedRequest with(SignedRequest request, String parameter, String value) {
        Map<String, String> query = new LinkedHashMap<>(request.query());
        query.put(parameter, value);
        return new SignedRequest(request.key(), query);
    }

    @Test
    void urls_point_at_the_servers_blob_endpoints() {
        URI url = store().presignPut(KEY, 1000, expiry());

        assertThat(url.toString()).startsWith("http://localhost:8080/blobs/" + KEY + "?");
    }

    @Test
    void a_tampered_signature_key_expiry_or_operation_is_refused() {
        SignedRequest upload = request(store().presignPut(KEY, 1000, expiry()));
        String otherKey = UUID.randomUUID() + "/" + UUID.randomUUID() + "/original";

        assertThatThrownBy(() -> store.receive(with(upload, "signature", "AAAA" + upload.query().get("signature")),
                InputStream.nullInputStream())).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> store.receive(new SignedRequest(otherKey, upload.query()),
                InputStream.nullInputStream())).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> store.receive(with(upload, "expires", "9999999999"), InputStream.nullInputStream()))
                .isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> store.receive(with(upload, "op", "get"), InputStream.nullInputStream()))
                .isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> store.send(upload)).as("a PUT URL is no GET URL")
                .isInstanceOf(PermissionDeniedException.class);
        assertThat(store.size(KEY)).isEmpty();
    }

    @Test
    void an_expired_url_is_refused() {
        SignedRequest expired = request(store().presignPut(KEY, 1000, Instant.now().minusSeconds(1)));

        assertThatThrownBy(() -> store.receive(expired, new ByteArrayInputStream(new byte[] {1})))
                .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("expired");
    }

    @Test
    void keys_that_could_leave_the_blob_directory_are_refused() {
        SignedRequest traversal = new SignedRequest("../../etc/passwd", Map.of("signature", "x", "expires", "1"));

        assertThatThrownBy(() -> store().presignPut("../x/original", 1000, expiry())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.send(traversal)).isInstanceOf(PermissionDeniedException.class);
    }

    @Test
    void a_body_over_the_limit_is_refused_and_not_stored() {
        LocalBlobStore small = new LocalBlobStore(root, SIGNING_KEY, "http://localhost:8080", 10, Clock.system());
        SignedRequest upload = request(small.presignPut(KEY, 1000, expiry()));

        assertThatThrownBy(() -> small.receive(upload, new ByteArrayInputStream(new byte[11])))
                .isInstanceOf(ContentTooLargeException.class);
        assertThat(small.size(KEY)).isEmpty();
    }

    @Test
    void a_put_longer_than_the_signed_length_is_refused_and_not_stored() {
        SignedRequest upload = request(store().presignPut(KEY, 10, expiry()));

        assertThatThrownBy(() -> store.receive(upload, new ByteArrayInputStream(new byte[11])))
                .isInstanceOf(ContentTooLargeException.class);
        assertThatThrownBy(() -> store.receive(with(upload, "length", "11"), new ByteArrayInputStream(new byte[11])))
                .as("the length is signed").isInstanceOf(PermissionDeniedException.class);
        assertThat(store.size(KEY)).isEmpty();
    }

    @Test
    void a_download_is_served_with_the_signed_content_type() {
        putTo(store().presignPut(KEY, 1000, expiry()), new byte[] {1, 2, 3});

        Download download = store.send(request(store.presignGet(KEY, "video/mp4", "Rennen 1000 m ü.mp4", expiry())));

        assertThat(download.contentType()).isEqualTo("video/mp4");
        assertThat(download.contentDisposition())
                .isEqualTo("inline; filename=\"Rennen 1000 m _.mp4\"; filename*=UTF-8''Rennen%201000%20m%20%C3%BC.mp4");
        assertThat(download.length()).isEqualTo(3);
    }
}
