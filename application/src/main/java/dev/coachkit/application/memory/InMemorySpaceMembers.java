package dev.coachkit.application.memory;

import dev.coachkit.application.community.port.out.SpaceMemberRepository;
import dev.coachkit.domain.community.SpaceMember;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.ConflictException;
import dev.coachkit.domain.shared.Page;
import dev.coachkit.domain.shared.PageRequest;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Space memberships per tenant, first added first. */
public final class InMemorySpaceMembers implements SpaceMemberRepository {

    private record Key(UUID spaceId, AccountId account) {}

    private final InMemoryTable<Key, SpaceMember> members;

    public InMemorySpaceMembers(InMemoryUnitOfWork unitOfWork) {
        this.members = InMemoryTable.perTenant(unitOfWork, SpaceMember::tenantId);
    }

    @Override
    public synchronized void add(SpaceMember member) {
        Key key = new Key(member.spaceId(), member.accountId());
        if (members.get(key).isPresent()) {
            throw new ConflictException("the account is already a member of this space");
        }
        members.put(key, member);
    }

    @Override
    public boolean remove(UUID spaceId, AccountId account) {
        return members.remove(new Key(spaceId, account));
    }

    @Override
    public Optional<SpaceMember> find(UUID spaceId, AccountId account) {
        return members.get(new Key(spaceId, account));
    }

    @Override
    public Page<SpaceMember> list(UUID spaceId, PageRequest page) {
        List<SpaceMember> fetched = members.select(member -> member.spaceId().equals(spaceId)
                        && page.after().map(cursor -> position(member).compareTo(KeysetPosition.of(cursor)) > 0)
                                .orElse(true))
                .stream().sorted(Comparator.comparing(InMemorySpaceMembers::position)).limit(page.limit() + 1L)
                .toList();
        return Page.fromLookahead(fetched, page.limit(), member -> position(member).toCursor());
    }

    @Override
    public List<AccountId> accountsOf(UUID spaceId) {
        return members.select(member -> member.spaceId().equals(spaceId)).stream().map(SpaceMember::accountId)
                .toList();
    }

    int countIn(UUID spaceId) {
        return members.select(member -> member.spaceId().equals(spaceId)).size();
    }

    boolean isMember(UUID spaceId, AccountId account) {
        return members.get(new Key(spaceId, account)).isPresent();
    }

    private static KeysetPosition position(SpaceMember member) {
        return new KeysetPosition(member.addedAt(), member.accountId().value());
    }

    /** Takes the account out of every space of the unit's tenant. */
    void removeEverywhere(AccountId account) {
        members.select(member -> member.accountId().equals(account))
                .forEach(member -> members.remove(new Key(member.spaceId(), account)));
    }

    /** Every space membership the running unit of work sees, for exports. */
    List<SpaceMember> rows() {
        return members.select(row -> true);
    }
}
