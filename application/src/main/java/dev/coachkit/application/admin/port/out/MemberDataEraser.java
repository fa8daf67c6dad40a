package dev.coachkit.application.admin.port.out;

import dev.coachkit.domain.admin.ContentErasure;
import dev.coachkit.domain.identity.EmailAddress;
import dev.coachkit.domain.shared.AccountId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Removes one member's personal data from the running unit's tenant, every store in one place so
 * that a new table holding personal data has one obvious place to join: the membership and space
 * memberships, signed-in devices of the tenant (refresh-token families with their addresses and user
 * agents, and their tokens), calendar token, availability, notifications,
 * invitations to their e-mail, outbox events naming them (their e-mail, or their id as author or
 * member), media records, and their posts and comments as the policy says. When the account belongs to no other tenant afterwards, its e-mail,
 * names and password hash are erased too. Coaching sessions are not touched: the use case cancels the upcoming
 * ones first so that the other party is told.
 */
public interface MemberDataEraser {

    /** What is left to do outside the database: the stored bytes of these media records to delete. */
    record Erased(List<UUID> mediaIds, boolean accountErased) {
        public Erased {
            mediaIds = List.copyOf(mediaIds);
        }
    }

    /** {@code formerMember} is the unlinkable id their content is handed to under {@code ANONYMIZE}. */
    Erased erase(AccountId member, EmailAddress email, ContentErasure contentPolicy, AccountId formerMember,
            Instant now);
}
