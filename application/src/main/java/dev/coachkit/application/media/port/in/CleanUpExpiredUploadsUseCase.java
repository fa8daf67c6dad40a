package dev.coachkit.application.media.port.in;

/** The scheduler's job: discards uploads never finalized before their URLs expired, freeing quota. */
public interface CleanUpExpiredUploadsUseCase {

    /** Answers how many uploads were discarded. */
    int cleanUpExpiredUploads();
}
