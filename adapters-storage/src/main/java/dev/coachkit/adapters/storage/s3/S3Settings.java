package dev.coachkit.adapters.storage.s3;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the S3 blob store keeps media: the bucket, its region and, for S3-compatible servers, an
 * endpoint (path-style addressing then). Credentials are optional: without them the AWS default
 * chain (environment, profile, instance role) applies.
 */
public record S3Settings(String bucket, String region, Optional<URI> endpoint, Optional<String> accessKey,
        Optional<String> secretKey) {

    public S3Settings {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(region, "region");
        if (accessKey.isPresent() != secretKey.isPresent()) {
            throw new IllegalArgumentException("an S3 access key and secret key go together");
        }
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "S3Settings[bucket=" + bucket + ", region=" + region + ", endpoint=" + endpoint.map(URI::toString)
                .orElse("AWS") + ", credentials=" + (accessKey.isPresent() ? "configured" : "default chain") + "]";
    }
}
