package dev.coachkit.adapters.storage.s3;

import dev.coachkit.adapters.storage.ContentDisposition;
import dev.coachkit.application.media.port.out.BlobStore;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.DependencyUnavailableException;
import dev.coachkit.domain.shared.InvalidInputException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyExistsException;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Media in an S3 bucket (AWS or an S3-compatible server): clients PUT straight to presigned
 * object or part URLs and GET through presigned URLs; the core completes uploads and reads objects.
 */
public final class S3BlobStore implements BlobStore, AutoCloseable {

    private static final int NOT_FOUND = 404;
    private static final int BAD_REQUEST = 400;
    private static final String DEPENDENCY = "storage";

    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;
    private final Clock clock;

    public S3BlobStore(S3Client s3, S3Presigner presigner, String bucket, Clock clock) {
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = bucket;
        this.clock = clock;
    }

    /** Connects to the configured bucket, creating it when it does not exist yet. */
    public static S3BlobStore connect(S3Settings settings, Clock clock) {
        S3Clients clients = S3Clients.create(settings);
        try {
            S3BlobStore store = new S3BlobStore(clients.client(), clients.presigner(), settings.bucket(), clock);
            store.ensureBucket();
            return store;
        } catch (RuntimeException unreachable) {
            clients.client().close();
            clients.presigner().close();
            throw unreachable;
        }
    }

    /**
     * Creates the bucket when missing: a fresh S3-compatible server starts empty. Several processes
     * starting together may all find it missing; the ones that lose the race find it theirs already.
     */
    public void ensureBucket() {
        try {
            s3.headBucket(request -> request.bucket(bucket));
        } catch (S3Exception missing) {
            if (missing.statusCode() != NOT_FOUND) {
                throw missing;
            }
            try {
                s3.createBucket(request -> request.bucket(bucket));
            } catch (BucketAlreadyOwnedByYouException | BucketAlreadyExistsException createdMeanwhile) {
                checkBucket(); // some compatible servers answer "exists" for our own bucket; a stranger's stays 403
            }
        }
    }

    /** Checks that the bucket answers, for the readiness report. */
    public void checkBucket() {
        s3.headBucket(request -> request.bucket(bucket));
    }

    @Override
    public URI presignPut(String key, long contentLength, Instant expiresAt) {
        // the Content-Length header becomes a signed header: S3 refuses a body of any other length
        return toUri(presigner.presignPutObject(request -> request.signatureDuration(until(expiresAt))
                .putObjectRequest(put -> put.bucket(bucket).key(key).contentLength(contentLength))).url());
    }

    @Override
    public String startMultipartUpload(String key, String contentType) {
        return reach(() -> s3.createMultipartUpload(request -> request.bucket(bucket).key(key).contentType(contentType))
                .uploadId());
    }

    @Override
    public URI presignPartUpload(String key, String uploadId, int partNumber, Instant expiresAt) {
        return toUri(presigner.presignUploadPart(request -> request.signatureDuration(until(expiresAt))
                .uploadPartRequest(part -> part.bucket(bucket).key(key).uploadId(uploadId).partNumber(partNumber)))
                .url());
    }

    @Override
    public void completeMultipartUpload(String key, String uploadId, List<UploadedPart> parts) {
        List<CompletedPart> completed = parts.stream().sorted(Comparator.comparingInt(UploadedPart::partNumber))
                .map(part -> CompletedPart.builder().partNumber(part.partNumber()).eTag(part.etag()).build())
                .toList();
        reach(() -> {
            try {
                s3.completeMultipartUpload(request -> request.bucket(bucket).key(key).uploadId(uploadId)
                        .multipartUpload(upload -> upload.parts(completed)));
            } catch (S3Exception refused) {
                if (refused.statusCode() == BAD_REQUEST || refused.statusCode() == NOT_FOUND) {
                    throw new InvalidInputException("parts", "storage refused the parts: "
                            + refused.awsErrorDetails().errorMessage());
                }
                throw refused;
            }
        });
    }

    @Override
    public void abortMultipartUpload(String key, String uploadId) {
        reach(() -> {
            try {
                s3.abortMultipartUpload(request -> request.bucket(bucket).key(key).uploadId(uploadId));
            } catch (NoSuchUploadException alreadyGone) {
                // completed or aborted before: nothing left to discard
            }
        });
    }

    @Override
    public Optional<Long> size(String key) {
        return reach(() -> {
            try {
                return Optional.of(s3.headObject(request -> request.bucket(bucket).key(key)).contentLength());
            } catch (NoSuchKeyException absent) {
                return Optional.empty();
            } catch (S3Exception failed) {
                if (failed.statusCode() == NOT_FOUND) {
                    return Optional.empty();
                }
                throw failed;
            }
        });
    }

    @Override
    public InputStream open(String key) {
        return reach(() -> s3.getObject(request -> request.bucket(bucket).key(key)));
    }

    @Override
    public void write(String key, byte[] content, String contentType) {
        reach(() -> s3.putObject(request -> request.bucket(bucket).key(key).contentType(contentType),
                RequestBody.fromBytes(content)));
    }

    @Override
    public void write(String key, Path file, String contentType) {
        reach(() -> s3.putObject(request -> request.bucket(bucket).key(key).contentType(contentType),
                RequestBody.fromFile(file)));
    }

    @Override
    public URI presignGet(String key, String contentType, String fileName, Instant expiresAt) {
        return toUri(presigner.presignGetObject(request -> request.signatureDuration(until(expiresAt))
                .getObjectRequest(get -> get.bucket(bucket).key(key).responseContentType(contentType)
                        .responseContentDisposition(ContentDisposition.inline(fileName)))).url());
    }

    /**
     * A server-side copy, then the source is deleted: S3 has no rename. A single CopyObject handles
     * objects up to 5 GiB, above any file limit CoachKit is configured with in practice.
     */
    @Override
    public boolean move(String from, String to) {
        boolean copied = reach(() -> {
            try {
                s3.copyObject(request -> request.sourceBucket(bucket).sourceKey(from).destinationBucket(bucket)
                        .destinationKey(to));
                return true;
            } catch (NoSuchKeyException absent) {
                return false;
            } catch (S3Exception failed) {
                if (failed.statusCode() == NOT_FOUND) {
                    return false;
                }
                throw failed;
            }
        });
        if (copied) {
            delete(from);
        }
        return copied;
    }

    @Override
    public void delete(String key) {
        reach(() -> s3.deleteObject(request -> request.bucket(bucket).key(key)));
    }

    @Override
    public void close() {
        presigner.close();
        s3.close();
    }

    /**
     * The SDK's client-side failure, after its own retries, means storage did not answer (refused or
     * reset connections, timeouts): the core sees a retryable outage, not a failure of the request.
     * Presigning is local and needs no such guard.
     */
    private static <T> T reach(Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkClientException unreachable) {
            throw new DependencyUnavailableException(DEPENDENCY, DependencyUnavailableException.DEFAULT_RETRY_AFTER,
                    unreachable);
        }
    }

    private static void reach(Runnable call) {
        reach(() -> {
            call.run();
            return null;
        });
    }

    /** Presigning takes a lifetime, not an instant; at least a second so the URL is usable at all. */
    private Duration until(Instant expiresAt) {
        Duration left = Duration.between(clock.now(), expiresAt);
        return left.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : left;
    }

    private static URI toUri(URL url) {
        try {
            return url.toURI();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("the SDK presigned an invalid URL", e);
        }
    }
}
