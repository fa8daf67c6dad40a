package dev.coachkit.adapters.persistence.media;

import static dev.coachkit.adapters.persistence.jooq.Tables.CANCELLED_UPLOADS;
import static dev.coachkit.adapters.persistence.jooq.Tables.MEDIA_ASSETS;

import dev.coachkit.adapters.persistence.jooq.tables.records.MediaAssetsRecord;
import dev.coachkit.adapters.persistence.shared.TenantTransactions;
import dev.coachkit.adapters.persistence.shared.Timestamps;
import dev.coachkit.application.media.port.out.MediaRepository;
import dev.coachkit.domain.media.MediaAsset;
import dev.coachkit.domain.media.MediaMetadata;
import dev.coachkit.domain.media.MediaStatus;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.Cursor;
import dev.coachkit.domain.shared.Page;
import dev.coachkit.domain.shared.PageRequest;
import dev.coachkit.domain.shared.TenantId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Media assets and cancelled uploads under row-level security; expired uploads, stalled processing, leftover
 * staging and cancelled uploads of all tenants come from definer functions.
 */
public final class PostgresMedia implements MediaRepository {

    private final TenantTransactions transactions;
    private final DSLContext pooled;

    public PostgresMedia(TenantTransactions transactions, DSLContext pooled) {
        this.transactions = transactions;
        this.pooled = pooled;
    }

    @Override
    public void add(MediaAsset asset) {
        DSLContext dsl = transactions.require(asset.tenantId());
        MediaAssetsRecord row = dsl.newRecord(MEDIA_ASSETS);
        fill(row, asset);
        row.insert();
    }

    @Override
    public Optional<MediaAsset> find(TenantId tenant, UUID id) {
        return transactions.require(tenant).selectFrom(MEDIA_ASSETS)
                .where(MEDIA_ASSETS.TENANT_ID.eq(tenant.value()), MEDIA_ASSETS.ID.eq(id))
                .fetchOptional(PostgresMedia::toDomain);
    }

    @Override
    public boolean transition(MediaAsset changed, MediaStatus from) {
        DSLContext dsl = transactions.require(changed.tenantId());
        MediaAssetsRecord row = dsl.newRecord(MEDIA_ASSETS);
        fill(row, changed);
        // the row lock taken here makes a racing transition wait, then find the status changed: 0 rows
        return dsl.executeUpdate(row, MEDIA_ASSETS.TENANT_ID.eq(changed.tenantId().value())
                .and(MEDIA_ASSETS.ID.eq(changed.id())).and(MEDIA_ASSETS.STATUS.eq(from.name()))) == 1;
    }

    @Override
    public boolean delete(TenantId tenant, UUID id) {
        return transactions.require(tenant).deleteFrom(MEDIA_ASSETS)
                .where(MEDIA_ASSETS.TENANT_ID.eq(tenant.value()), MEDIA_ASSETS.ID.eq(id))
                .execute() == 1;
    }

    @Override
    public long bytesCountedAgainstQuota(TenantId tenant) {
        DSLContext dsl = lockQuota(tenant);
        return dsl.select(DSL.coalesce(DSL.sum(MEDIA_ASSETS.SIZE_BYTES), DSL.inline(BigDecimal.ZERO)))
                .from(MEDIA_ASSETS).where(MEDIA_ASSETS.TENANT_ID.eq(tenant.value()))
                .fetchSingle().value1().longValue();
    }

    @Override
    public QuotaUsage quotaUsage(TenantId tenant, AccountId member) {
        DSLContext dsl = lockQuota(tenant);
        // both sums in one pass over the tenant's rows: the intent costs no statement more than before
        var usage = dsl.select(DSL.coalesce(DSL.sum(MEDIA_ASSETS.SIZE_BYTES), DSL.inline(BigDecimal.ZERO)),
                        DSL.coalesce(DSL.sum(MEDIA_ASSETS.SIZE_BYTES).filterWhere(
                                MEDIA_ASSETS.STATUS.eq(MediaStatus.PENDING_UPLOAD.name())
                                        .and(MEDIA_ASSETS.UPLOADER_ID.eq(member.value()))), DSL.inline(BigDecimal.ZERO)))
                .from(MEDIA_ASSETS).where(MEDIA_ASSETS.TENANT_ID.eq(tenant.value()))
                .fetchSingle();
        return new QuotaUsage(usage.value1().longValue(), usage.value2().longValue());
    }

    /**
     * One quota check per tenant at a time, until the unit of work commits: two uploads racing for the
     * last free bytes cannot both see them free.
     */
    private DSLContext lockQuota(TenantId tenant) {
        DSLContext dsl = transactions.require(tenant);
        dsl.select(DSL.field("pg_advisory_xact_lock(hashtextextended({0}, 0))", Object.class,
                DSL.val("media-quota:" + tenant.value()))).fetch();
        return dsl;
    }

    @Override
    public Page<MediaAsset> listByUploader(TenantId tenant, AccountId uploader, Optional<MediaStatus> status,
            PageRequest page) {
        List<Condition> conditions = new ArrayList<>(List.of(MEDIA_ASSETS.TENANT_ID.eq(tenant.value()),
                MEDIA_ASSETS.UPLOADER_ID.eq(uploader.value())));
        status.ifPresent(wanted -> conditions.add(MEDIA_ASSETS.STATUS.eq(wanted.name())));
        page.after().ifPresent(cursor -> conditions.add(DSL.row(MEDIA_ASSETS.CREATED_AT, MEDIA_ASSETS.ID)
                .lt(Timestamps.toColumn(cursor.instantKey(0)), cursor.uuidKey(1))));
        // media_assets_uploader_newest_idx (V26) serves the order and the cursor
        List<MediaAsset> fetched = transactions.require(tenant).selectFrom(MEDIA_ASSETS)
                .where(conditions)
                .orderBy(MEDIA_ASSETS.CREATED_AT.desc(), MEDIA_ASSETS.ID.desc())
                .limit(page.limit() + 1)
                .fetch(PostgresMedia::toDomain);
        return Page.fromLookahead(fetched, page.limit(),
                asset -> Cursor.of(asset.createdAt().toString(), asset.id().toString()));
    }

    @Override
    public List<MediaAsset> findAll(TenantId tenant, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return transactions.require(tenant).selectFrom(MEDIA_ASSETS)
                .where(MEDIA_ASSETS.TENANT_ID.eq(tenant.value()), MEDIA_ASSETS.ID.in(ids))
                .fetch(PostgresMedia::toDomain);
    }

    @Override
    public List<ExpiredUpload> expiredUploads(Instant now, int limit) {
        return transactions.currentOr(pooled, dsl -> dsl
                .resultQuery("select tenant_id, media_id from expired_media_uploads({0}, {1})",
                        DSL.val(Timestamps.toColumn(now)), DSL.val(limit))
                .fetch(row -> new ExpiredUpload(TenantId.of(row.get(0, UUID.class)), row.get(1, UUID.class))));
    }

    @Override
    public List<LeftoverStaging> leftoverStaging(Instant cutoff, int limit) {
        return transactions.currentOr(pooled, dsl -> dsl
                .resultQuery("select tenant_id, media_id from leftover_media_staging({0}, {1})",
                        DSL.val(Timestamps.toColumn(cutoff)), DSL.val(limit))
                .fetch(row -> new LeftoverStaging(TenantId.of(row.get(0, UUID.class)), row.get(1, UUID.class))));
    }

    @Override
    public void stagingCleared(TenantId tenant, UUID id) {
        transactions.require(tenant).update(MEDIA_ASSETS).set(MEDIA_ASSETS.STAGING_CLEARED, true)
                .where(MEDIA_ASSETS.TENANT_ID.eq(tenant.value()), MEDIA_ASSETS.ID.eq(id))
                .execute();
    }

    @Override
    public void uploadCancelled(TenantId tenant, UUID id, Instant uploadExpiresAt) {
        transactions.require(tenant).insertInto(CANCELLED_UPLOADS)
                .set(CANCELLED_UPLOADS.TENANT_ID, tenant.value())
                .set(CANCELLED_UPLOADS.MEDIA_ID, id)
                .set(CANCELLED_UPLOADS.UPLOAD_EXPIRES_AT, Timestamps.toColumn(uploadExpiresAt))
                .onConflictDoNothing()
                .execute();
    }

    @Override
    public List<CancelledUpload> cancelledUploads(Instant cutoff, int limit) {
        return transactions.currentOr(pooled, dsl -> dsl
                .resultQuery("select tenant_id, media_id from cancelled_media_uploads({0}, {1})",
                        DSL.val(Timestamps.toColumn(cutoff)), DSL.val(limit))
                .fetch(row -> new CancelledUpload(TenantId.of(row.get(0, UUID.class)), row.get(1, UUID.class))));
    }

    @Override
    public void cancelledUploadCleared(TenantId tenant, UUID id) {
        transactions.require(tenant).deleteFrom(CANCELLED_UPLOADS)
                .where(CANCELLED_UPLOADS.TENANT_ID.eq(tenant.value()), CANCELLED_UPLOADS.MEDIA_ID.eq(id))
                .execute();
    }

    @Override
    public List<StalledProcessing> stalledProcessing(Instant cutoff, int limit) {
        return transactions.currentOr(pooled, dsl -> dsl
                .resultQuery("select tenant_id, media_id from stalled_media_processing({0}, {1})",
                        DSL.val(Timestamps.toColumn(cutoff)), DSL.val(limit))
                .fetch(row -> new StalledProcessing(TenantId.of(row.get(0, UUID.class)), row.get(1, UUID.class))));
    }

    private static void fill(MediaAssetsRecord row, MediaAsset asset) {
        MediaMetadata metadata = asset.metadata();
        row.setTenantId(asset.tenantId().value());
        row.setId(asset.id());
        row.setUploaderId(asset.uploader().value());
        row.setSpaceId(asset.spaceId().orElse(null));
        row.setFileName(asset.fileName());
        row.setContentType(asset.contentType());
        row.setSizeBytes(asset.sizeBytes());
        row.setMultipartUploadId(asset.multipartUploadId().orElse(null));
        row.setStatus(asset.status().name());
        row.setWidth(metadata.width().orElse(null));
        row.setHeight(metadata.height().orElse(null));
        row.setDurationMs(metadata.durationMs().orElse(null));
        row.setHasThumbnail(asset.hasThumbnail());
        row.setFailureReason(asset.failureReason().orElse(null));
        row.setCreatedAt(Timestamps.toColumn(asset.createdAt()));
        row.setUploadExpiresAt(Timestamps.toColumn(asset.uploadExpiresAt()));
        row.setUploadedAt(asset.uploadedAt().map(Timestamps::toColumn).orElse(null));
    }

    private static MediaAsset toDomain(MediaAssetsRecord row) {
        return MediaAsset.reconstitute(row.getId(), TenantId.of(row.getTenantId()), AccountId.of(row.getUploaderId()),
                Optional.ofNullable(row.getSpaceId()), row.getFileName(), row.getContentType(), row.getSizeBytes(),
                Optional.ofNullable(row.getMultipartUploadId()), MediaStatus.valueOf(row.getStatus()),
                new MediaMetadata(Optional.ofNullable(row.getWidth()), Optional.ofNullable(row.getHeight()),
                        Optional.ofNullable(row.getDurationMs())),
                row.getHasThumbnail(), Optional.ofNullable(row.getFailureReason()),
                Timestamps.toInstant(row.getCreatedAt()), Timestamps.toInstant(row.getUploadExpiresAt()),
                Optional.ofNullable(row.getUploadedAt()).map(Timestamps::toInstant));
    }
}
