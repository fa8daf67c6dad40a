package dev.coachkit.adapters.persistence.media;

import static dev.coachkit.adapters.persistence.jooq.Tables.ANNOTATIONS;

import dev.coachkit.adapters.persistence.jooq.tables.records.AnnotationsRecord;
import dev.coachkit.adapters.persistence.shared.TenantTransactions;
import dev.coachkit.adapters.persistence.shared.Timestamps;
import dev.coachkit.application.media.port.out.AnnotationRepository;
import dev.coachkit.domain.media.Annotation;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.Cursor;
import dev.coachkit.domain.shared.Page;
import dev.coachkit.domain.shared.TenantId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.impl.DSL;

/** Annotations under row-level security; a media's list is one keyset read on its (media, moment) index. */
public final class PostgresAnnotations implements AnnotationRepository {

    private final TenantTransactions transactions;

    public PostgresAnnotations(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void add(Annotation annotation) {
        transactions.require(annotation.tenantId()).insertInto(ANNOTATIONS)
                .set(ANNOTATIONS.TENANT_ID, annotation.tenantId().value())
                .set(ANNOTATIONS.ID, annotation.id())
                .set(ANNOTATIONS.MEDIA_ID, annotation.mediaId())
                .set(ANNOTATIONS.AUTHOR_ID, annotation.authorId().value())
                .set(ANNOTATIONS.AT_MS, annotation.atMs())
                .set(ANNOTATIONS.END_MS, annotation.endMs().orElse(null))
                .set(ANNOTATIONS.TEXT, annotation.text().orElse(null))
                .set(ANNOTATIONS.DRAWING, annotation.drawing().map(DrawingJson::write).orElse(null))
                .set(ANNOTATIONS.AUDIO_MEDIA_ID, annotation.audioMediaId().orElse(null))
                .set(ANNOTATIONS.CREATED_AT, Timestamps.toColumn(annotation.createdAt()))
                .set(ANNOTATIONS.UPDATED_AT, Timestamps.toColumn(annotation.updatedAt()))
                .execute();
    }

    @Override
    public Optional<Annotation> find(TenantId tenant, UUID id) {
        return transactions.require(tenant).selectFrom(ANNOTATIONS)
                .where(ANNOTATIONS.TENANT_ID.eq(tenant.value()), ANNOTATIONS.ID.eq(id))
                .fetchOptional(PostgresAnnotations::toDomain);
    }

    @Override
    public void update(Annotation annotation) {
        int updated = transactions.require(annotation.tenantId()).update(ANNOTATIONS)
                .set(ANNOTATIONS.AT_MS, annotation.atMs())
                .set(ANNOTATIONS.END_MS, annotation.endMs().orElse(null))
                .set(ANNOTATIONS.TEXT, annotation.text().orElse(null))
                .set(ANNOTATIONS.DRAWING, annotation.drawing().map(DrawingJson::write).orElse(null))
                .set(ANNOTATIONS.UPDATED_AT, Timestamps.toColumn(annotation.updatedAt()))
                .where(ANNOTATIONS.TENANT_ID.eq(annotation.tenantId().value()), ANNOTATIONS.ID.eq(annotation.id()))
                .execute();
        if (updated != 1) {
            throw new IllegalStateException("annotation " + annotation.id() + " does not exist");
        }
    }

    @Override
    public boolean delete(TenantId tenant, UUID id) {
        return transactions.require(tenant).deleteFrom(ANNOTATIONS)
                .where(ANNOTATIONS.TENANT_ID.eq(tenant.value()), ANNOTATIONS.ID.eq(id))
                .execute() == 1;
    }

    @Override
    public Page<Annotation> list(TenantId tenant, MediaAnnotations query) {
        Condition after = query.page().after().map(cursor -> DSL.row(ANNOTATIONS.AT_MS, ANNOTATIONS.CREATED_AT,
                ANNOTATIONS.ID).gt(cursor.longKey(0), Timestamps.toColumn(cursor.instantKey(1)), cursor.uuidKey(2)))
                .orElse(DSL.noCondition());
        List<Annotation> fetched = transactions.require(tenant).selectFrom(ANNOTATIONS)
                .where(ANNOTATIONS.TENANT_ID.eq(tenant.value()), ANNOTATIONS.MEDIA_ID.eq(query.mediaId()),
                        query.fromMs().map(ANNOTATIONS.AT_MS::ge).orElse(DSL.noCondition()),
                        query.toMs().map(ANNOTATIONS.AT_MS::le).orElse(DSL.noCondition()), after)
                .orderBy(ANNOTATIONS.AT_MS, ANNOTATIONS.CREATED_AT, ANNOTATIONS.ID)
                .limit(query.page().limit() + 1)
                .fetch(PostgresAnnotations::toDomain);
        return Page.fromLookahead(fetched, query.page().limit(), annotation -> Cursor.of(
                Long.toString(annotation.atMs()), annotation.createdAt().toString(), annotation.id().toString()));
    }

    static Annotation toDomain(AnnotationsRecord row) {
        return Annotation.reconstitute(row.getId(), TenantId.of(row.getTenantId()), row.getMediaId(),
                AccountId.of(row.getAuthorId()), row.getAtMs(), Optional.ofNullable(row.getEndMs()),
                Optional.ofNullable(row.getText()), Optional.ofNullable(row.getDrawing()).map(DrawingJson::read),
                Optional.ofNullable(row.getAudioMediaId()), Timestamps.toInstant(row.getCreatedAt()),
                Timestamps.toInstant(row.getUpdatedAt()));
    }
}
