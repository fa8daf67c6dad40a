package dev.coachkit.application.memory;

import dev.coachkit.application.community.port.out.SpaceRepository;
import dev.coachkit.domain.community.Space;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.Page;
import dev.coachkit.domain.shared.PageRequest;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Spaces per tenant, newest first, counting members in {@link InMemorySpaceMembers}. */
public final class InMemorySpaces implements SpaceRepository {

    private static final Comparator<Space> NEWEST_FIRST =
            Comparator.comparing(InMemorySpaces::position).reversed();

    private final InMemoryTable<UUID, Space> spaces;
    private final InMemorySpaceMembers members;

    public InMemorySpaces(InMemoryUnitOfWork unitOfWork, InMemorySpaceMembers members) {
        this.spaces = InMemoryTable.perTenant(unitOfWork, Space::tenantId);
        this.members = members;
    }

    @Override
    public void add(Space space) {
        spaces.put(space.id(), space);
    }

    @Override
    public void update(Space space) {
        spaces.get(space.id()).ifPresent(stored -> spaces.put(space.id(), space));
    }

    @Override
    public Optional<SpaceSummary> find(UUID id) {
        return spaces.get(id).map(this::summarize);
    }

    @Override
    public Page<SpaceSummary> list(AccountId member, boolean all, PageRequest page) {
        List<Space> fetched = spaces.select(space -> (all || members.isMember(space.id(), member))
                        && page.after().map(cursor -> position(space).compareTo(KeysetPosition.of(cursor)) < 0)
                                .orElse(true))
                .stream().sorted(NEWEST_FIRST).limit(page.limit() + 1L).toList();
        return Page.fromLookahead(fetched, page.limit(), space -> position(space).toCursor()).map(this::summarize);
    }

    /** Spaces of the unit's tenant. */
    long count() {
        return spaces.select(space -> true).size();
    }

    boolean isReadableBy(UUID spaceId, AccountId reader, boolean readsAll) {
        return spaces.get(spaceId)
                .filter(space -> readsAll || !space.isPrivate() || members.isMember(spaceId, reader)).isPresent();
    }

    private SpaceSummary summarize(Space space) {
        return new SpaceSummary(space, members.countIn(space.id()));
    }

    private static KeysetPosition position(Space space) {
        return new KeysetPosition(space.createdAt(), space.id());
    }

    /** Every space the running unit of work sees, for exports. */
    List<Space> rows() {
        return spaces.select(row -> true);
    }
}
