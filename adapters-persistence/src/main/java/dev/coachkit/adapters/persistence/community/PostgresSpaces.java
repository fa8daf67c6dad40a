package dev.coachkit.adapters.persistence.community;

import static dev.coachkit.adapters.persistence.jooq.Tables.SPACES;
import static dev.coachkit.adapters.persistence.jooq.Tables.SPACE_MEMBERS;

import dev.coachkit.adapters.persistence.shared.TenantTransactions;
import dev.coachkit.adapters.persistence.shared.Timestamps;
import dev.coachkit.application.community.port.out.SpaceRepository;
import dev.coachkit.domain.community.Space;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.Cursor;
import dev.coachkit.domain.shared.Page;
import dev.coachkit.domain.shared.PageRequest;
import dev.coachkit.domain.shared.TenantId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;

/** Spaces under row-level security; member counts come in the same statement as the spaces. */
public final class PostgresSpaces implements SpaceRepository {

    private static final Field<Integer> MEMBER_COUNT = DSL.field(DSL.selectCount().from(SPACE_MEMBERS)
            .where(SPACE_MEMBERS.TENANT_ID.eq(SPACES.TENANT_ID), SPACE_MEMBERS.SPACE_ID.eq(SPACES.ID)))
            .as("member_count");

    private final TenantTransactions transactions;

    public PostgresSpaces(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void add(Space space) {
        transactions.require(space.tenantId()).insertInto(SPACES)
                .set(SPACES.TENANT_ID, space.tenantId().value())
                .set(SPACES.ID, space.id())
                .set(SPACES.NAME, space.name())
                .set(SPACES.DESCRIPTION, space.description())
                .set(SPACES.IS_PRIVATE, space.isPrivate())
                .set(SPACES.OWNER_ID, space.ownerId().value())
                .set(SPACES.CREATED_AT, Timestamps.toColumn(space.createdAt()))
                .set(SPACES.UPDATED_AT, Timestamps.toColumn(space.updatedAt()))
                .execute();
    }

    @Override
    public void update(Space space) {
        transactions.require(space.tenantId()).update(SPACES)
                .set(SPACES.NAME, space.name())
                .set(SPACES.DESCRIPTION, space.description())
                .set(SPACES.IS_PRIVATE, space.isPrivate())
                .set(SPACES.UPDATED_AT, Timestamps.toColumn(space.updatedAt()))
                .where(SPACES.TENANT_ID.eq(space.tenantId().value()), SPACES.ID.eq(space.id()))
                .execute();
    }

    @Override
    public Optional<SpaceSummary> find(UUID id) {
        TenantTransactions.Bound bound = transactions.requireTenant();
        return bound.dsl().select(SPACES.asterisk(), MEMBER_COUNT).from(SPACES)
                .where(SPACES.TENANT_ID.eq(bound.tenant().value()), SPACES.ID.eq(id))
                .fetchOptional(PostgresSpaces::toSummary);
    }

    @Override
    public Page<SpaceSummary> list(AccountId member, boolean all, PageRequest page) {
        TenantTransactions.Bound bound = transactions.requireTenant();
        Condition belongs = all ? DSL.noCondition() : DSL.exists(DSL.selectOne().from(SPACE_MEMBERS).where(
                SPACE_MEMBERS.TENANT_ID.eq(SPACES.TENANT_ID), SPACE_MEMBERS.SPACE_ID.eq(SPACES.ID),
                SPACE_MEMBERS.ACCOUNT_ID.eq(member.value())));
        Condition before = page.after().map(cursor -> DSL.row(SPACES.CREATED_AT, SPACES.ID)
                .lt(Timestamps.toColumn(cursor.instantKey(0)), cursor.uuidKey(1))).orElse(DSL.noCondition());
        List<SpaceSummary> fetched = bound.dsl().select(SPACES.asterisk(), MEMBER_COUNT).from(SPACES)
                .where(SPACES.TENANT_ID.eq(bound.tenant().value()), belongs, before)
                .orderBy(SPACES.CREATED_AT.desc(), SPACES.ID.desc())
                .limit(page.limit() + 1)
                .fetch(PostgresSpaces::toSummary);
        return Page.fromLookahead(fetched, page.limit(), summary -> Cursor.of(
                summary.space().createdAt().toString(), summary.space().id().toString()));
    }


    private static SpaceSummary toSummary(Record row) {
        return new SpaceSummary(new Space(row.get(SPACES.ID), TenantId.of(row.get(SPACES.TENANT_ID)),
                row.get(SPACES.NAME), row.get(SPACES.DESCRIPTION), row.get(SPACES.IS_PRIVATE),
                AccountId.of(row.get(SPACES.OWNER_ID)), Timestamps.toInstant(row.get(SPACES.CREATED_AT)),
                Timestamps.toInstant(row.get(SPACES.UPDATED_AT))), row.get(MEMBER_COUNT));
    }
}
