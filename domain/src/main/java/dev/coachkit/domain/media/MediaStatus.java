package dev.coachkit.domain.media;

/** Where a media asset is in its life: awaiting bytes, being processed, playable, or refused. */
public enum MediaStatus {
    PENDING_UPLOAD, PROCESSING, READY, FAILED
}
