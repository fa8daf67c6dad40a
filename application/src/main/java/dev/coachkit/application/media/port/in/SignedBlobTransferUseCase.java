package dev.coachkit.application.media.port.in;

import java.io.InputStream;
import java.util.Map;
import java.util.Objects;

/**
 * Moves bytes through a signed blob URL of a store that serves its own URLs (the local filesystem
 * store of single-node mode): the HTTP adapter hands over the key and query of {@code /blobs/...}
 * requests. A tampered, expired or misused URL is refused with {@code PermissionDeniedException}.
 */
public interface SignedBlobTransferUseCase {

    /** The parts of a signed URL: the blob key and the query parameters, as received. */
    record SignedRequest(String key, Map<String, String> query) {
        public SignedRequest {
            Objects.requireNonNull(key, "key");
            query = Map.copyOf(query);
        }
    }

    /** A stored blob on its way out, with the headers it is served with; the caller closes the stream. */
    record Download(String contentType, String contentDisposition, long length, InputStream content) {}

    /** Stores the body of a signed PUT (an object or one part of a multipart upload); answers its ETag. */
    String receive(SignedRequest request, InputStream body);

    /** Opens the blob a signed GET names. */
    Download send(SignedRequest request);
}
