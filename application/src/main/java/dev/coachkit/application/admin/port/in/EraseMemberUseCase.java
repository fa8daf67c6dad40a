package dev.coachkit.application.admin.port.in;

import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.Actor;
import java.util.Optional;
import java.util.UUID;

/**
 * ADMIN erases a person from the organization: their access ends and their personal data leaves
 * every store of the tenant (and the account itself when no other organization has them).
 */
public interface EraseMemberUseCase {

    Receipt erase(Command command);

    record Command(Actor actor, AccountId member, Optional<String> clientIp) {}

    /**
     * The erasure's id (the audit entry's target) and status: {@code ACCEPTED} once the database holds
     * nothing of the person; their stored media objects are deleted by a worker right after.
     */
    record Receipt(UUID id, String status) {}
}
