package dev.coachkit.adapters.persistence.community;

import static dev.coachkit.adapters.persistence.jooq.Tables.COMMENTS;
import static dev.coachkit.adapters.persistence.jooq.Tables.POSTS;

import dev.coachkit.adapters.persistence.jooq.tables.records.CommentsRecord;
import dev.coachkit.adapters.persistence.shared.TenantTransactions;
import dev.coachkit.adapters.persistence.shared.Timestamps;
import dev.coachkit.application.community.port.out.CommentRepository;
import dev.coachkit.domain.community.Comment;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.Cursor;
import dev.coachkit.domain.shared.Page;
import dev.coachkit.domain.shared.PageRequest;
import dev.coachkit.domain.shared.TenantId;
import java.util.List;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.impl.DSL;

/** Comments under row-level security; a deleted post's comments are filtered out in the same statement. */
public final class PostgresComments implements CommentRepository {

    private final TenantTransactions transactions;

    public PostgresComments(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void add(Comment comment) {
        transactions.require(comment.tenantId()).insertInto(COMMENTS)
                .set(COMMENTS.TENANT_ID, comment.tenantId().value())
                .set(COMMENTS.ID, comment.id())
                .set(COMMENTS.POST_ID, comment.postId())
                .set(COMMENTS.AUTHOR_ID, comment.authorId().value())
                .set(COMMENTS.CONTENT, comment.content())
                .set(COMMENTS.CREATED_AT, Timestamps.toColumn(comment.createdAt()))
                .execute();
    }

    @Override
    public Page<Comment> list(UUID postId, PageRequest page) {
        TenantTransactions.Bound bound = transactions.requireTenant();
        UUID tenant = bound.tenant().value();
        Condition after = page.after().map(cursor -> DSL.row(COMMENTS.CREATED_AT, COMMENTS.ID)
                .gt(Timestamps.toColumn(cursor.instantKey(0)), cursor.uuidKey(1))).orElse(DSL.noCondition());
        List<Comment> fetched = bound.dsl().selectFrom(COMMENTS)
                .where(COMMENTS.TENANT_ID.eq(tenant), COMMENTS.POST_ID.eq(postId), after,
                        DSL.exists(DSL.selectOne().from(POSTS).where(POSTS.TENANT_ID.eq(tenant), POSTS.ID.eq(postId),
                                POSTS.DELETED_AT.isNull())))
                .orderBy(COMMENTS.CREATED_AT, COMMENTS.ID)
                .limit(page.limit() + 1)
                .fetch(PostgresComments::toDomain);
        return Page.fromLookahead(fetched, page.limit(),
                comment -> Cursor.of(comment.createdAt().toString(), comment.id().toString()));
    }

    private static Comment toDomain(CommentsRecord row) {
        return new Comment(row.getId(), TenantId.of(row.getTenantId()), row.getPostId(),
                AccountId.of(row.getAuthorId()), row.getContent(), Timestamps.toInstant(row.getCreatedAt()));
    }
}
