package dev.coachkit.application.media.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.application.media.port.out.BlobStore.UploadedPart;
import dev.coachkit.domain.shared.InvalidInputException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every blob store guarantees, exercised the way clients and the core use it: bytes go up and
 * come down through presigned URLs only, multipart parts are assembled in order, and deletes stick.
 * Each test works under keys of its own.
 */
public abstract class BlobStoreContract {

    /** S3's smallest part size for every part but the last. */
    protected static final int PART = 5 * 1024 * 1024;

    protected abstract BlobStore store();

    /** PUTs {@code content} to a presigned URL as a client would; answers the ETag the store gave. */
    protected abstract String putTo(URI url, byte[] content) throws Exception;

    /** GETs a presigned URL as a client would. */
    protected abstract byte[] getFrom(URI url) throws Exception;

    /** When URLs presigned in a test expire: an hour after the store's present. */
    protected Instant expiry() {
        return Instant.now().plus(Duration.ofHours(1));
    }

    private final String prefix = UUID.randomUUID() + "/" + UUID.randomUUID() + "/";

    private static byte[] bytes(int length, long seed) {
        byte[] content = new byte[length];
        new Random(seed).nextBytes(content);
        return content;
    }

    @Test
    void a_presigned_put_stores_the_object_and_a_presigned_get_reads_it_back() throws Exception {
        byte[] content = bytes(70_000, 1);
        String key = prefix + "original";

        String etag = putTo(store().presignPut(key, content.length, expiry()), content);

        assertThat(etag).isNotBlank();
        assertThat(store().size(key)).contains((long) content.length);
        assertThat(getFrom(store().presignGet(key, "image/png", "file.bin", expiry()))).isEqualTo(content);
        try (InputStream opened = store().open(key)) {
            assertThat(opened.readAllBytes()).isEqualTo(content);
        }
    }

    @Test
    void a_multipart_upload_through_presigned_part_urls_is_assembled_in_part_order() throws Exception {
        byte[] first = bytes(PART, 2);
        byte[] last = bytes(123_457, 3);
        String key = prefix + "original";
        String upload = store().startMultipartUpload(key, "video/mp4");

        // the last part goes up first: order comes from part numbers, not arrival
        String lastTag = putTo(store().presignPartUpload(key, upload, 2, expiry()), last);
        String firstTag = putTo(store().presignPartUpload(key, upload, 1, expiry()), first);
        assertThat(store().size(key)).as("nothing is visible before completion").isEmpty();
        store().completeMultipartUpload(key, upload, List.of(new UploadedPart(1, firstTag), new UploadedPart(2, lastTag)));

        byte[] expected = Arrays.copyOf(first, first.length + last.length);
        System.arraycopy(last, 0, expected, first.length, last.length);
        assertThat(store().size(key)).contains((long) expected.length);
        assertThat(getFrom(store().presignGet(key, "video/mp4", "file.bin", expiry()))).isEqualTo(expected);
    }

    @Test
    void completing_with_an_etag_that_was_not_stored_is_refused() throws Exception {
        String key = prefix + "original";
        String upload = store().startMultipartUpload(key, "video/mp4");
        putTo(store().presignPartUpload(key, upload, 1, expiry()), bytes(1000, 4));

        assertThatThrownBy(() -> store().completeMultipartUpload(key, upload,
                List.of(new UploadedPart(1, "\"0123456789abcdef0123456789abcdef\""))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("parts");
        assertThat(store().size(key)).isEmpty();
    }

    @Test
    void an_aborted_multipart_upload_leaves_nothing_and_aborting_again_is_harmless() throws Exception {
        String key = prefix + "original";
        String upload = store().startMultipartUpload(key, "video/mp4");
        putTo(store().presignPartUpload(key, upload, 1, expiry()), bytes(1000, 5));

        store().abortMultipartUpload(key, upload);
        store().abortMultipartUpload(key, upload);

        assertThat(store().size(key)).isEmpty();
    }

    @Test
    void objects_the_core_writes_can_be_read_and_deleted_and_deleting_twice_is_harmless() throws Exception {
        String key = prefix + "thumbnail.jpg";
        byte[] thumbnail = bytes(2048, 6);

        store().write(key, thumbnail, "image/jpeg");
        assertThat(getFrom(store().presignGet(key, "image/jpeg", "file.bin", expiry()))).isEqualTo(thumbnail);
        store().delete(key);
        store().delete(key);

        assertThat(store().size(key)).isEmpty();
        assertThatThrownBy(() -> store().open(key).close()).isInstanceOf(RuntimeException.class);
    }

    @Test
    void a_file_the_core_produced_is_stored_whole_and_served_through_a_presigned_get() throws Exception {
        String key = prefix + "export.zip";
        byte[] archive = bytes(300_000, 8);
        Path file = Files.createTempFile("blob-store-contract-", ".zip");
        try {
            Files.write(file, archive);

            store().write(key, file, "application/zip");
        } finally {
            Files.delete(file);
        }

        assertThat(store().size(key)).contains((long) archive.length);
        assertThat(getFrom(store().presignGet(key, "application/zip", "archive.zip", expiry()))).isEqualTo(archive);
    }

    @Test
    void keys_do_not_share_content() throws Exception {
        putTo(store().presignPut(prefix + "original", 100, expiry()), bytes(100, 7));

        assertThat(store().size(prefix + "thumbnail.jpg")).isEmpty();
        assertThat(store().size(UUID.randomUUID() + "/" + UUID.randomUUID() + "/original")).isEmpty();
    }

    @Test
    void a_move_hands_the_object_to_the_new_key_and_leaves_nothing_behind() throws Exception {
        byte[] content = bytes(4096, 8);
        String staging = prefix + "upload";
        String target = prefix + "original";
        putTo(store().presignPut(staging, content.length, expiry()), content);

        assertThat(store().move(staging, target)).isTrue();

        assertThat(store().size(staging)).isEmpty();
        assertThat(getFrom(store().presignGet(target, "image/png", "file.bin", expiry()))).isEqualTo(content);
        assertThat(store().move(staging, target)).as("nothing left to move").isFalse();
        assertThat(store().size(target)).contains((long) content.length);
    }

    @Test
    void a_move_replaces_what_the_target_held_and_a_later_put_to_the_old_key_leaves_the_target_alone()
            throws Exception {
        String staging = prefix + "upload";
        String target = prefix + "original";
        URI upload = store().presignPut(staging, 300, expiry());
        store().write(target, bytes(10, 9), "application/octet-stream");
        byte[] checked = bytes(300, 10);
        putTo(upload, checked);

        store().move(staging, target);
        putTo(upload, bytes(300, 11));

        assertThat(getFrom(store().presignGet(target, "image/png", "file.bin", expiry()))).isEqualTo(checked);
    }
}
