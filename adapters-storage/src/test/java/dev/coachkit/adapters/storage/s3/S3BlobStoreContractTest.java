package dev.coachkit.adapters.storage.s3;

import dev.coachkit.adapters.storage.testing.S3TestServer;
import dev.coachkit.application.media.port.out.BlobStore;
import dev.coachkit.application.media.port.out.BlobStoreContract;
import dev.coachkit.application.shared.port.out.Clock;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The blob store contract on a real S3-compatible server, bytes moving through presigned URLs over HTTP. */
class S3BlobStoreContractTest extends BlobStoreContract {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static S3BlobStore store;

    @BeforeAll
    static void connect() {
        store = S3BlobStore.connect(S3TestServer.shared().settingsForNewBucket(), Clock.system());
    }

    @AfterAll
    static void close() {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void the_readiness_probe_heads_the_bucket() {
        S3Settings settings = S3TestServer.shared().settingsForNewBucket();
        try (S3BlobStore bucket = S3BlobStore.connect(settings, Clock.system())) {
            S3ReadinessProbe probe = new S3ReadinessProbe(bucket, settings.bucket());

            assertThat(probe.name()).isEqualTo("blob-store");
            assertThat(probe.check()).isEqualTo("s3 bucket " + settings.bucket());
        }
    }

    @Test
    void a_single_put_url_signs_the_declared_content_length() {
        URI url = store.presignPut("t/m/upload", 1234, expiry());

        // S3 then refuses any other body length (the test server does not check signatures, AWS does)
        assertThat(URLDecoder.decode(url.getRawQuery(), StandardCharsets.UTF_8))
                .containsPattern("X-Amz-SignedHeaders=[^&]*content-length");
    }

    @Test
    void a_presigned_get_serves_the_file_name_inline() throws Exception {
        store.write("t/m/original", new byte[] {1, 2}, "application/octet-stream");

        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(
                store.presignGet("t/m/original", "image/png", "photo.png", expiry())).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.headers().firstValue("Content-Disposition"))
                .contains("inline; filename=\"photo.png\"; filename*=UTF-8''photo.png");
    }

    /**
     * Players seek through the presigned GET URL with {@code Range}, which S3 answers itself. HEAD is not
     * tried: S3 signs the method, so a GET URL refuses HEAD on AWS, and the test server checks no signature.
     */
    @Test
    void a_presigned_get_serves_one_byte_range_with_206() throws Exception {
        byte[] content = new byte[100];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) i;
        }
        store.write("t/m/ranged", content, "video/mp4");
        URI url = store.presignGet("t/m/ranged", "video/mp4", "clip.mp4", expiry());

        HttpResponse<byte[]> part = HTTP.send(HttpRequest.newBuilder(url).header("Range", "bytes=10-19").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> suffix = HTTP.send(HttpRequest.newBuilder(url).header("Range", "bytes=-5").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.body()).isEqualTo(Arrays.copyOfRange(content, 10, 20));
        assertThat(part.headers().firstValue("Content-Range")).contains("bytes 10-19/100");
        assertThat(part.headers().firstValue("Accept-Ranges")).contains("bytes");
        assertThat(part.headers().firstValue("Content-Type")).contains("video/mp4");
        assertThat(suffix.statusCode()).isEqualTo(206);
        assertThat(suffix.body()).isEqualTo(Arrays.copyOfRange(content, 95, 100));
    }

    @Test
    void processes_starting_together_on_a_new_bucket_all_connect() {
        S3Settings settings = S3TestServer.shared().settingsForNewBucket();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService processes = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<S3BlobStore>> starting = IntStream.range(0, 8)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                        awaitQuietly(go);
                        return S3BlobStore.connect(settings, Clock.system());
                    }, processes)).toList();
            go.countDown();

            assertThat(starting).allSatisfy(connecting -> assertThat(connecting).succeedsWithin(Duration.ofSeconds(30)));
            starting.forEach(connected -> connected.join().close());
        } finally {
            processes.shutdownNow();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    protected BlobStore store() {
        return store;
    }

    @Override
    protected String putTo(URI url, byte[] content) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(url)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("PUT answered " + response.statusCode() + ": " + response.body());
        }
        return response.headers().firstValue("ETag").orElseThrow();
    }

    @Override
    protected byte[] getFrom(URI url) throws Exception {
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(url).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET answered " + response.statusCode());
        }
        return response.body();
    }
}
