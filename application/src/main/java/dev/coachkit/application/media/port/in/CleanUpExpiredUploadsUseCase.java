package dev.coachkit.application.media.port.in;

/**
 * The scheduler's media job: discards uploads never finalized before their URLs expired, freeing
 * quota, and fails assets whose processing never finished (a lost or parked event), so none stays
 * PROCESSING forever, and deletes bytes PUT to upload URLs after finalize once those URLs expired.
 */
public interface CleanUpExpiredUploadsUseCase {

    /** What one run did. */
    record Sweep(int discardedUploads, int failedProcessing, int clearedStaging) {}

    Sweep cleanUpExpiredUploads();
}
