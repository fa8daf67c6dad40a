package dev.coachkit.adapters.storage.local;

import dev.coachkit.adapters.storage.ContentDisposition;
import dev.coachkit.application.media.port.in.SignedBlobTransferUseCase;
import dev.coachkit.application.media.port.out.BlobStore;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.domain.shared.InvalidInputException;
import dev.coachkit.domain.shared.NotFoundException;
import dev.coachkit.domain.shared.PermissionDeniedException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Blobs in a directory, for single-node mode. Its presigned URLs point at the server's own
 * {@code /blobs/...} endpoints, which hand the requests to {@link SignedBlobTransferUseCase}: every
 * URL is HMAC-signed and expires. Multipart parts are kept apart and assembled on completion.
 */
public final class LocalBlobStore implements BlobStore, SignedBlobTransferUseCase {

    /** Three segments of letters, digits, dots, dashes and underscores, none starting with a dot. */
    private static final Pattern KEY = Pattern.compile("([A-Za-z0-9_-][A-Za-z0-9._-]*/){2}[A-Za-z0-9_-][A-Za-z0-9._-]*");
    private static final Pattern UPLOAD_ID = Pattern.compile("[0-9a-f-]{36}");
    private static final String OPERATION = "op";

    private final LocalFiles files;
    private final BlobUrlSigner signer;
    private final String blobsUrl;
    private final long maxObjectBytes;
    private final Clock clock;

    /**
     * @param root           directory that holds the blobs (created when missing)
     * @param signingKey     HMAC key of the URLs, at least 32 bytes
     * @param publicUrl      where clients reach the server, e.g. {@code http://localhost:8080}
     * @param maxObjectBytes largest body one PUT may carry
     */
    public LocalBlobStore(Path root, byte[] signingKey, String publicUrl, long maxObjectBytes, Clock clock) {
        this.files = new LocalFiles(root);
        this.signer = new BlobUrlSigner(signingKey);
        this.blobsUrl = (publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl)
                + "/blobs/";
        this.maxObjectBytes = maxObjectBytes;
        this.clock = clock;
    }

    @Override
    public URI presignPut(String key, long contentLength, Instant expiresAt) {
        return url(key, Map.of(OPERATION, "put", "length", Long.toString(contentLength)), expiresAt);
    }

    @Override
    public String startMultipartUpload(String key, String contentType) {
        String uploadId = UUID.randomUUID().toString();
        files.createUpload(checkedKey(key), uploadId);
        return uploadId;
    }

    @Override
    public URI presignPartUpload(String key, String uploadId, int partNumber, Instant expiresAt) {
        return url(key, Map.of(OPERATION, "part", "uploadId", uploadId, "partNumber", Integer.toString(partNumber)),
                expiresAt);
    }

    @Override
    public void completeMultipartUpload(String key, String uploadId, List<UploadedPart> parts) {
        if (!isUploadOf(key, uploadId)) {
            throw new InvalidInputException("parts", "no multipart upload " + uploadId + " of " + key);
        }
        List<UploadedPart> ordered = parts.stream().sorted(Comparator.comparingInt(UploadedPart::partNumber)).toList();
        for (UploadedPart part : ordered) {
            String stored = files.partETag(uploadId, part.partNumber())
                    .orElseThrow(() -> new InvalidInputException("parts", "part " + part.partNumber() + " was not uploaded"));
            if (!stored.equals(ETags.unquoted(part.etag()))) {
                throw new InvalidInputException("parts", "part " + part.partNumber() + " has a different ETag than stored");
            }
        }
        files.assemble(key, uploadId, ordered.stream().map(UploadedPart::partNumber).toList());
    }

    @Override
    public void abortMultipartUpload(String key, String uploadId) {
        if (UPLOAD_ID.matcher(uploadId).matches()) {
            files.deleteUpload(uploadId);
        }
    }

    @Override
    public Optional<Long> size(String key) {
        return files.size(checkedKey(key));
    }

    @Override
    public InputStream open(String key) {
        return files.open(checkedKey(key)).orElseThrow(() -> new UncheckedIOException(
                new IOException("no blob " + key)));
    }

    @Override
    public void write(String key, byte[] content, String contentType) {
        files.store(checkedKey(key), new ByteArrayInputStream(content), maxObjectBytes);
    }

    @Override
    public void write(String key, Path file, String contentType) {
        // the core's own archives are not client uploads: the per-object upload limit does not apply
        try (InputStream content = Files.newInputStream(file)) {
            files.store(checkedKey(key), content, Long.MAX_VALUE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public URI presignGet(String key, String contentType, String fileName, Instant expiresAt) {
        return url(key, Map.of(OPERATION, "get", "contentType", contentType, "fileName", fileName), expiresAt);
    }

    @Override
    public boolean move(String from, String to) {
        return files.move(checkedKey(from), checkedKey(to));
    }

    @Override
    public void delete(String key) {
        files.delete(checkedKey(key));
    }

    @Override
    public String receive(SignedRequest request, InputStream body) {
        Map<String, String> granted = verified(request);
        String operation = granted.get(OPERATION);
        if ("put".equals(operation)) {
            return ETags.quoted(files.store(request.key(), body, Math.min(maxObjectBytes, length(granted))));
        }
        if ("part".equals(operation)) {
            String uploadId = granted.get("uploadId");
            if (!isUploadOf(request.key(), uploadId)) {
                throw new IllegalArgumentException("no multipart upload " + uploadId + " of " + request.key());
            }
            return ETags.quoted(files.storePart(uploadId, partNumber(granted), body, maxObjectBytes));
        }
        throw new PermissionDeniedException("the blob URL does not allow uploading");
    }

    @Override
    public Download send(SignedRequest request) {
        Map<String, String> granted = verified(request);
        if (!"get".equals(granted.get(OPERATION))) {
            throw new PermissionDeniedException("the blob URL does not allow downloading");
        }
        long length = files.size(request.key()).orElseThrow(() -> new NotFoundException("blob", request.key()));
        InputStream content = files.open(request.key()).orElseThrow(() -> new NotFoundException("blob", request.key()));
        return new Download(granted.getOrDefault("contentType", "application/octet-stream"),
                ContentDisposition.inline(granted.getOrDefault("fileName", "download")), length, content);
    }

    private Map<String, String> verified(SignedRequest request) {
        if (!KEY.matcher(request.key()).matches()) {
            throw new PermissionDeniedException("not a blob URL");
        }
        return signer.verify(request.key(), request.query(), clock.now());
    }

    private boolean isUploadOf(String key, String uploadId) {
        return uploadId != null && UPLOAD_ID.matcher(uploadId).matches()
                && files.uploadKey(uploadId).map(key::equals).orElse(false);
    }

    /** The body length a signed PUT was granted for; the signature covers it, so it is the uploader's declaration. */
    private static long length(Map<String, String> granted) {
        try {
            return Long.parseLong(granted.getOrDefault("length", ""));
        } catch (NumberFormatException malformed) {
            throw new PermissionDeniedException("the blob URL names no length");
        }
    }

    private static int partNumber(Map<String, String> granted) {
        try {
            int part = Integer.parseInt(granted.getOrDefault("partNumber", ""));
            if (part < 1 || part > 10_000) {
                throw new PermissionDeniedException("the blob URL names no valid part");
            }
            return part;
        } catch (NumberFormatException malformed) {
            throw new PermissionDeniedException("the blob URL names no valid part");
        }
    }

    private URI url(String key, Map<String, String> parameters, Instant expiresAt) {
        return URI.create(blobsUrl + checkedKey(key) + "?" + signer.signedQuery(key, parameters, expiresAt));
    }

    private static String checkedKey(String key) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not a blob key: " + key);
        }
        return key;
    }
}
