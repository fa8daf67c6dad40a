package dev.coachkit.adapters.storage.s3;

import dev.coachkit.application.shared.port.out.ReadinessProbe;

/** Ready when the bucket answers a {@code HeadBucket} with the configured credentials. */
public final class S3ReadinessProbe implements ReadinessProbe {

    private final S3BlobStore store;
    private final String bucket;

    public S3ReadinessProbe(S3BlobStore store, String bucket) {
        this.store = store;
        this.bucket = bucket;
    }

    @Override
    public String name() {
        return "blob-store";
    }

    @Override
    public String check() {
        store.checkBucket();
        return "s3 bucket " + bucket;
    }
}
