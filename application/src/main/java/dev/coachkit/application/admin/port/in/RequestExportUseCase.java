package dev.coachkit.application.admin.port.in;

import dev.coachkit.domain.admin.DataExport;
import dev.coachkit.domain.shared.Actor;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * ADMIN asks for a GDPR export of one member ({@code userId}) or of the whole organization; the
 * archive is built in the background after {@code export.requested}. Audited as {@code data.export_requested}.
 */
public interface RequestExportUseCase {

    DataExport request(Command command);

    record Command(Actor actor, Optional<UUID> userId, Optional<String> clientIp) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(clientIp, "clientIp");
        }
    }
}
