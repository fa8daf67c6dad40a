package dev.coachkit.application.community.port.out;

import dev.coachkit.domain.community.SpaceMember;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.Page;
import dev.coachkit.domain.shared.PageRequest;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Who belongs to which space of the unit of work's tenant. */
public interface SpaceMemberRepository {

    /** Adds the member; the same account twice in one space is a {@code ConflictException}. */
    void add(SpaceMember member);

    /** False when the account was not a member. */
    boolean remove(UUID spaceId, AccountId account);

    Optional<SpaceMember> find(UUID spaceId, AccountId account);

    /** Members of the space, first added first, keyset-paginated on (addedAt, accountId). */
    Page<SpaceMember> list(UUID spaceId, PageRequest page);

    /** Every member's account, e.g. to notify them. */
    List<AccountId> accountsOf(UUID spaceId);
}
