package dev.coachkit.application.memory;

import dev.coachkit.domain.identity.EmailAddress;
import dev.coachkit.domain.shared.AccountId;
import java.util.List;
import java.util.Map;

/** The event payload fields that name a person, as the PostgreSQL eraser matches them. */
final class OutboxPersonFields {

    private OutboxPersonFields() {}

    static boolean names(Map<String, Object> payload, EmailAddress email, AccountId person) {
        String id = person.toString();
        return email.value().equals(payload.get("email")) || id.equals(payload.get("authorId"))
                || id.equals(payload.get("postAuthorId")) || id.equals(payload.get("accountId"))
                || id.equals(payload.get("recipientId")) || id.equals(payload.get("uploaderId"))
                || payload.get("postAuthorIds") instanceof List<?> postAuthors && postAuthors.contains(id);
    }
}
