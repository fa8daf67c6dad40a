package dev.coachkit.application.admin.port.in;

import dev.coachkit.domain.admin.DataExport;
import dev.coachkit.domain.shared.Actor;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** ADMIN follows an export; once READY it comes with an expiring URL to download the archive. */
public interface GetExportUseCase {

    Result export(Query query);

    record Query(Actor actor, UUID exportId) {
        public Query {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(exportId, "exportId");
        }
    }

    /** The export, and for a READY one the presigned download URL and when it stops working. */
    record Result(DataExport export, Optional<URI> downloadUrl, Optional<Instant> expiresAt) {}
}
