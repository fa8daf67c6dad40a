package dev.coachkit.adapters.persistence.community;

import static dev.coachkit.adapters.persistence.jooq.Tables.COMMENTS;
import static dev.coachkit.adapters.persistence.jooq.Tables.POSTS;
import static dev.coachkit.adapters.persistence.jooq.Tables.SPACES;
import static dev.coachkit.adapters.persistence.jooq.Tables.SPACE_MEMBERS;

import dev.coachkit.adapters.persistence.shared.TenantTransactions;
import dev.coachkit.adapters.persistence.shared.Timestamps;
import dev.coachkit.application.community.port.out.PostRepository;
import dev.coachkit.domain.community.Post;
import dev.coachkit.domain.community.PostType;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.Cursor;
import dev.coachkit.domain.shared.Page;
import dev.coachkit.domain.shared.TenantId;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * Posts under row-level security. The feed is one statement per page: visibility, keyset position
 * and comment counts are all decided in SQL, so no query runs per space, author or post.
 */
public final class PostgresPosts implements PostRepository {

    private static final Field<Integer> COMMENT_COUNT = DSL.field(DSL.selectCount().from(COMMENTS)
            .where(COMMENTS.TENANT_ID.eq(POSTS.TENANT_ID), COMMENTS.POST_ID.eq(POSTS.ID))).as("comment_count");

    private final TenantTransactions transactions;

    public PostgresPosts(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void add(Post post) {
        transactions.require(post.tenantId()).insertInto(POSTS)
                .set(POSTS.TENANT_ID, post.tenantId().value())
                .set(POSTS.ID, post.id())
                .set(POSTS.SPACE_ID, post.spaceId())
                .set(POSTS.AUTHOR_ID, post.authorId().value())
                .set(POSTS.TYPE, post.type().name())
                .set(POSTS.TITLE, post.title().orElse(null))
                .set(POSTS.CONTENT, post.content())
                .set(POSTS.MEDIA_IDS, post.mediaIds().toArray(UUID[]::new))
                .set(POSTS.CREATED_AT, Timestamps.toColumn(post.createdAt()))
                .execute();
    }

    @Override
    public Optional<PostView> find(UUID id) {
        TenantTransactions.Bound bound = transactions.requireTenant();
        return bound.dsl().select(POSTS.asterisk(), COMMENT_COUNT).from(POSTS)
                .where(POSTS.TENANT_ID.eq(bound.tenant().value()), POSTS.ID.eq(id), POSTS.DELETED_AT.isNull())
                .fetchOptional(PostgresPosts::toView);
    }

    @Override
    public boolean delete(UUID id, Instant at) {
        TenantTransactions.Bound bound = transactions.requireTenant();
        return bound.dsl().update(POSTS).set(POSTS.DELETED_AT, Timestamps.toColumn(at))
                .where(POSTS.TENANT_ID.eq(bound.tenant().value()), POSTS.ID.eq(id), POSTS.DELETED_AT.isNull())
                .execute() == 1;
    }

    @Override
    public boolean carriesReadableMedia(UUID mediaId, AccountId reader, boolean readsAll) {
        TenantTransactions.Bound bound = transactions.requireTenant();
        return bound.dsl().fetchExists(DSL.selectOne().from(POSTS).where(
                POSTS.TENANT_ID.eq(bound.tenant().value()), POSTS.DELETED_AT.isNull(),
                POSTS.MEDIA_IDS.contains(new UUID[] {mediaId}),
                readsAll ? DSL.noCondition() : readableBy(reader)));
    }

    @Override
    public List<MediaCarrier> carriersOf(UUID mediaId) {
        TenantTransactions.Bound bound = transactions.requireTenant();
        return bound.dsl().select(POSTS.AUTHOR_ID, POSTS.SPACE_ID, SPACES.OWNER_ID).from(POSTS)
                .join(SPACES).on(SPACES.TENANT_ID.eq(POSTS.TENANT_ID), SPACES.ID.eq(POSTS.SPACE_ID))
                .where(POSTS.TENANT_ID.eq(bound.tenant().value()), POSTS.DELETED_AT.isNull(),
                        POSTS.MEDIA_IDS.contains(new UUID[] {mediaId}))
                .fetch(row -> new MediaCarrier(AccountId.of(row.value1()), row.value2(), AccountId.of(row.value3())));
    }

    @Override
    public Page<PostView> feed(FeedQuery query) {
        TenantTransactions.Bound bound = transactions.requireTenant();
        Condition before = query.page().after().map(cursor -> DSL.row(POSTS.CREATED_AT, POSTS.ID)
                .lt(Timestamps.toColumn(cursor.instantKey(0)), cursor.uuidKey(1))).orElse(DSL.noCondition());
        List<PostView> fetched = bound.dsl().select(POSTS.asterisk(), COMMENT_COUNT).from(POSTS)
                .where(POSTS.TENANT_ID.eq(bound.tenant().value()), POSTS.DELETED_AT.isNull(),
                        query.spaceId().map(POSTS.SPACE_ID::eq).orElse(DSL.noCondition()),
                        query.readsAll() ? DSL.noCondition() : readableBy(query.reader()), before)
                .orderBy(POSTS.CREATED_AT.desc(), POSTS.ID.desc())
                .limit(query.page().limit() + 1)
                .fetch(PostgresPosts::toView);
        return Page.fromLookahead(fetched, query.page().limit(),
                view -> Cursor.of(view.post().createdAt().toString(), view.post().id().toString()));
    }

    /** The post's space is public or has the reader as a member. */
    private static Condition readableBy(AccountId reader) {
        return DSL.exists(DSL.selectOne().from(SPACES).where(SPACES.TENANT_ID.eq(POSTS.TENANT_ID),
                SPACES.ID.eq(POSTS.SPACE_ID), SPACES.IS_PRIVATE.isFalse().or(DSL.exists(DSL.selectOne()
                        .from(SPACE_MEMBERS).where(SPACE_MEMBERS.TENANT_ID.eq(SPACES.TENANT_ID),
                                SPACE_MEMBERS.SPACE_ID.eq(SPACES.ID), SPACE_MEMBERS.ACCOUNT_ID.eq(reader.value()))))));
    }

    private static PostView toView(Record row) {
        return new PostView(new Post(row.get(POSTS.ID), TenantId.of(row.get(POSTS.TENANT_ID)), row.get(POSTS.SPACE_ID),
                AccountId.of(row.get(POSTS.AUTHOR_ID)), PostType.valueOf(row.get(POSTS.TYPE)),
                Optional.ofNullable(row.get(POSTS.TITLE)), row.get(POSTS.CONTENT), Arrays.asList(row.get(POSTS.MEDIA_IDS)),
                Timestamps.toInstant(row.get(POSTS.CREATED_AT))), row.get(COMMENT_COUNT));
    }
}
