package dev.coachkit.domain.admin;

/** Where a data export is: being built, downloadable, or given up with a reason. */
public enum ExportStatus {
    PENDING, READY, FAILED
}
