package dev.coachkit.application.media.port.out;

import dev.coachkit.domain.shared.InvalidInputException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where media bytes live. Clients move the bytes themselves through presigned, expiring URLs; the
 * core only starts and completes uploads, reads objects for processing and writes thumbnails.
 * Keys look like {@code tenant/media/name}.
 */
public interface BlobStore {

    /** One part a client uploaded, with the ETag storage answered for it. */
    record UploadedPart(int partNumber, String etag) {}

    /**
     * A URL that lets its holder PUT the whole object, until {@code expiresAt}. The URL is bound to
     * {@code contentLength}: a longer body is refused (S3, which signs the length, refuses any other).
     */
    URI presignPut(String key, long contentLength, Instant expiresAt);

    /** Starts a multipart upload of {@code key}; answers storage's upload id. */
    String startMultipartUpload(String key, String contentType);

    /** A URL that lets its holder PUT part {@code partNumber} (1-based) of the upload, until {@code expiresAt}. */
    URI presignPartUpload(String key, String uploadId, int partNumber, Instant expiresAt);

    /**
     * Assembles the parts, in part-number order, into the object.
     *
     * @throws InvalidInputException on {@code parts} when the upload is unknown, a part is missing or its
     *                               ETag does not match what was stored: the client listed them
     */
    void completeMultipartUpload(String key, String uploadId, List<UploadedPart> parts);

    /** Discards a multipart upload and its parts; nothing happens when it is already gone. */
    void abortMultipartUpload(String key, String uploadId);

    /** The stored object's size, or empty when nothing is stored under the key. */
    Optional<Long> size(String key);

    /** Reads a stored object; the caller closes the stream. Fails when nothing is stored under the key. */
    InputStream open(String key);

    /** Stores an object the core produced (a thumbnail). */
    void write(String key, byte[] content, String contentType);

    /**
     * A URL that lets its holder GET the object until {@code expiresAt}, served as {@code contentType}
     * and shown inline under {@code fileName} (its {@code Content-Disposition}).
     */
    URI presignGet(String key, String contentType, String fileName, Instant expiresAt);

    /**
     * Moves the object under {@code from} to {@code to}, replacing what {@code to} held; {@code from} is
     * gone afterwards. Answers false, changing nothing, when nothing is stored under {@code from}.
     */
    boolean move(String from, String to);

    /** Stores a file the core produced (an export archive), streaming it rather than loading it whole. */
    void write(String key, Path file, String contentType);

    /** Deletes the object; nothing happens when it is already gone. */
    void delete(String key);
}
