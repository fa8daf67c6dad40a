package dev.coachkit.application.media.port.out;

import static dev.coachkit.application.testing.IdentityBuilders.T0;
import static dev.coachkit.application.testing.IdentityBuilders.aTenant;
import static dev.coachkit.application.testing.IdentityBuilders.anAccount;
import static dev.coachkit.application.testing.MediaBuilders.aPendingUpload;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.application.identity.port.out.AccountRepository;
import dev.coachkit.application.identity.port.out.TenantRepository;
import dev.coachkit.application.media.port.out.MediaRepository.ExpiredUpload;
import dev.coachkit.application.media.port.out.MediaRepository.LeftoverStaging;
import dev.coachkit.application.media.port.out.MediaRepository.StalledProcessing;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.identity.Account;
import dev.coachkit.domain.identity.Tenant;
import dev.coachkit.domain.media.MediaAsset;
import dev.coachkit.domain.media.MediaMetadata;
import dev.coachkit.domain.media.MediaStatus;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.Cursor;
import dev.coachkit.domain.shared.Page;
import dev.coachkit.domain.shared.PageRequest;
import dev.coachkit.domain.shared.TenantId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** What every media repository guarantees, tenant isolation included. Each test uses tenants of its own. */
public abstract class MediaRepositoryContract {

    protected abstract UnitOfWork unitOfWork();

    protected abstract MediaRepository media();

    protected abstract TenantRepository tenants();

    protected abstract AccountRepository accounts();

    private final TenantId acme = storedTenant();
    private final TenantId globex = storedTenant();
    private final AccountId uploader = storedAccount();

    private TenantId storedTenant() {
        Tenant tenant = aTenant().build();
        unitOfWork().runInTenant(tenant.id(), () -> tenants().add(tenant));
        return tenant.id();
    }

    private AccountId storedAccount() {
        Account account = anAccount().build();
        unitOfWork().withoutTenant(() -> {
            accounts().add(account);
            return null;
        });
        return account.id();
    }

    private MediaAsset stored(MediaAsset asset) {
        unitOfWork().runInTenant(asset.tenantId(), () -> media().add(asset));
        return asset;
    }

    private <T> T in(TenantId tenant, Supplier<T> work) {
        return unitOfWork().inTenant(tenant, work);
    }

    @Test
    void a_pending_upload_reads_back_as_stored_in_its_tenant_only() {
        UUID space = UUID.randomUUID();
        MediaAsset asset = stored(aPendingUpload().inTenant(acme).uploadedBy(uploader).inSpace(space)
                .ofType("video/mp4").ofSize(12_345_678).inMultipartUpload("upload-1").build());

        MediaAsset found = in(acme, () -> media().find(acme, asset.id())).orElseThrow();

        assertThat(found).usingRecursiveComparison().isEqualTo(asset);
        assertThat(in(globex, () -> media().find(globex, asset.id()))).isEmpty();
    }

    @Test
    void updates_carry_the_asset_through_processing_to_ready_with_its_metadata() {
        MediaAsset asset = stored(aPendingUpload().inTenant(acme).uploadedBy(uploader).ofType("video/mp4").build());
        MediaAsset ready = asset.uploaded(1000, T0).ready(MediaMetadata.video(1280, 720, 4_500));

        unitOfWork().runInTenant(acme, () -> media().transition(asset.uploaded(1000, T0), MediaStatus.PENDING_UPLOAD));
        unitOfWork().runInTenant(acme, () -> media().transition(ready, MediaStatus.PROCESSING));

        MediaAsset found = in(acme, () -> media().find(acme, asset.id())).orElseThrow();
        assertThat(found).usingRecursiveComparison().isEqualTo(ready);
        assertThat(found.status()).isEqualTo(MediaStatus.READY);
        assertThat(found.multipartUploadId()).isEmpty();
    }

    @Test
    void a_failure_keeps_its_reason() {
        MediaAsset asset = stored(aPendingUpload().inTenant(acme).uploadedBy(uploader).build());
        MediaAsset failed = asset.uploaded(10, T0).failed("not an image: no decoder recognised the content");

        unitOfWork().runInTenant(acme, () -> media().transition(failed, MediaStatus.PENDING_UPLOAD));

        assertThat(in(acme, () -> media().find(acme, asset.id())).orElseThrow().failureReason())
                .contains("not an image: no decoder recognised the content");
    }

    @Test
    void a_deleted_asset_is_gone() {
        MediaAsset asset = stored(aPendingUpload().inTenant(acme).uploadedBy(uploader).build());

        unitOfWork().runInTenant(acme, () -> media().delete(acme, asset.id()));

        assertThat(in(acme, () -> media().find(acme, asset.id()))).isEmpty();
    }

    @Test
    void the_quota_counts_every_asset_of_the_tenant_and_nothing_of_others() {
        stored(aPendingUpload().inTenant(acme).uploadedBy(uploader).ofSize(1000).build());
        MediaAsset uploaded = stored(aPendingUpload().inTenant(acme).uploadedBy(uploader).ofSize(5000).build());
        unitOfWork().runInTenant(acme, () -> media().transition(uploaded.uploaded(4000, T0), MediaStatus.PENDING_UPLOAD));
        stored(aPendingUpload().inTenant(globex).uploadedBy(uploader).ofSize(99_999).build());

        assertThat(in(acme, () -> media().bytesCountedAgainstQuota(acme))).isEqualTo(5000);
        assertThat(in(globex, () -> media().bytesCountedAgainstQuota(globex))).isEqualTo(99_999);
    }

    @Test
    void quota_usage_counts_the_tenants_bytes_and_the_declared_bytes_of_the_members_own_pending_uploads() {
        AccountId other = storedAccount();
        stored(aPendingUpload().inTenant(acme).uploadedBy(uploader).ofSize(1000).build());
        stored(aPendingUpload().inTenant(acme).uploadedBy(uploader).ofSize(2000).build());
        MediaAsset finalized = stored(aPendingUpload().inTenant(acme).uploadedBy(uploader).ofSize(5000).build());
        unitOfWork().runInTenant(acme, () -> media().transition(finalized.uploaded(4000, T0), MediaStatus.PENDING_UPLOAD));
        stored(aPendingUpload().inTenant(acme).uploadedBy(other).ofSize(300).build());
        stored(aPendingUpload().inTenant(globex).uploadedBy(uploader).ofSize(99_999).build());

        assertThat(in(acme, () -> media().quotaUsage(acme, uploader)))
                .isEqualTo(new MediaRepository.QuotaUsage(7300, 3000));
        assertThat(in(acme, () -> media().quotaUsage(acme, other))).isEqualTo(new MediaRepository.QuotaUsage(7300, 300));
        assertThat(in(globex, () -> media().quotaUsage(globex, other))).isEqualTo(new MediaRepository.QuotaUsage(99_999, 0));
        assertThat(in(globex, () -> media().quotaUsage(globex, uploader)))
                .isEqualTo(new MediaRepository.QuotaUsage(99_999, 99_999));
    }

    @Test
    void a_deleted_pending_upload_no_longer_counts_and_a_second_delete_finds_nothing() {
        MediaAsset pending = stored(aPendingUpload().inTenant(acme).uploadedBy(uploader).ofSize(2000).build());
        stored(aPendingUpload().inTenant(acme).uploadedBy(uploader).ofSize(500).build());

        assertThat(in(globex, () -> media().delete(globex, pending.id()))).as("another tenant's").isFalse();
        assertThat(in(acme, () -> media().delete(acme, pending.id()))).isTrue();
        assertThat(in(acme, () -> media().delete(acme, pending.id()))).isFalse();

        assertThat(in(acme, () -> media().quotaUsage(acme, uploader))).isEqualTo(new MediaRepository.QuotaUsage(500, 500));
        assertThat(in(acme, () -> media().bytesCountedAgainstQuota(acme))).isEqualTo(500);
    }

    @Test
    void an_uploaders_media_are_listed_newest_first_a_page_at_a_time_and_only_theirs_in_the_tenant() {
        AccountId other = storedAccount();
        List<MediaAsset> mine = new ArrayList<>();
        for (int minute = 0; minute < 5; minute++) {
            mine.add(stored(aPendingUpload().inTenant(acme).uploadedBy(uploader)
                    .createdAt(T0.plus(Duration.ofMinutes(minute))).build()));
        }
        stored(aPendingUpload().inTenant(acme).uploadedBy(other).createdAt(T0.plus(Duration.ofHours(1))).build());
        stored(aPendingUpload().inTenant(globex).uploadedBy(uploader).createdAt(T0.plus(Duration.ofHours(1))).build());

        Page<MediaAsset> first = in(acme, () -> media().listByUploader(acme, uploader, Optional.empty(),
                PageRequest.first(2)));
        Page<MediaAsset> second = in(acme, () -> media().listByUploader(acme, uploader, Optional.empty(),
                PageRequest.first(2).after(first.next().orElseThrow())));
        Page<MediaAsset> last = in(acme, () -> media().listByUploader(acme, uploader, Optional.empty(),
                PageRequest.first(2).after(second.next().orElseThrow())));

        assertThat(first.items()).extracting(MediaAsset::id).containsExactly(mine.get(4).id(), mine.get(3).id());
        assertThat(second.items()).extracting(MediaAsset::id).containsExactly(mine.get(2).id(), mine.get(1).id());
        assertThat(last.items()).extracting(MediaAsset::id).containsExactly(mine.get(0).id());
        assertThat(last.next()).isEmpty();
        assertThat(first.items().get(0)).usingRecursiveComparison().isEqualTo(mine.get(4));
    }

    @Test
    void an_uploaders_media_are_filtered_by_status() {
        MediaAsset pending = stored(aPendingUpload().inTenant(acme).uploadedBy(uploader).createdAt(T0).build());
        MediaAsset processing = stored(aPendingUpload().inTenant(acme).uploadedBy(uploader)
                .createdAt(T0.plusSeconds(1)).build());
        unitOfWork().runInTenant(acme, () -> media().transition(processing.uploaded(10, T0), MediaStatus.PENDING_UPLOAD));

        assertThat(in(acme, () -> media().listByUploader(acme, uploader, Optional.of(MediaStatus.PENDING_UPLOAD),
                PageRequest.firstDefault())).items()).extracting(MediaAsset::id).containsExactly(pending.id());
        assertThat(in(acme, () -> media().listByUploader(acme, uploader, Optional.of(MediaStatus.PROCESSING),
                PageRequest.firstDefault())).items()).extracting(MediaAsset::id).containsExactly(processing.id());
        assertThat(in(acme, () -> media().listByUploader(acme, uploader, Optional.of(MediaStatus.READY),
                PageRequest.firstDefault())).items()).isEmpty();
    }

    @Test
    void media_uploaded_at_the_same_instant_are_each_listed_once_across_pages() {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(stored(aPendingUpload().inTenant(acme).uploadedBy(uploader).createdAt(T0).build()).id());
        }

        List<UUID> listed = new ArrayList<>();
        Optional<Cursor> after = Optional.empty();
        do {
            PageRequest request = new PageRequest(2, after);
            Page<MediaAsset> page = in(acme, () -> media().listByUploader(acme, uploader, Optional.empty(), request));
            page.items().forEach(asset -> listed.add(asset.id()));
            after = page.next();
        } while (after.isPresent());

        assertThat(listed).containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void find_all_answers_only_the_tenants_own_media() {
        MediaAsset own = stored(aPendingUpload().inTenant(acme).uploadedBy(uploader).inSpace(UUID.randomUUID()).build());
        MediaAsset foreign = stored(aPendingUpload().inTenant(globex).uploadedBy(uploader).build());
        UUID unknown = UUID.randomUUID();

        List<MediaAsset> found = in(acme, () -> media().findAll(acme, List.of(own.id(), foreign.id(), unknown)));

        assertThat(found).singleElement().usingRecursiveComparison().isEqualTo(own);
        assertThat(in(acme, () -> media().findAll(acme, List.of()))).isEmpty();
    }

    @Test
    void expired_uploads_of_every_tenant_are_listed_but_not_live_or_finalized_ones() {
        Duration hour = Duration.ofHours(1);
        MediaAsset expiredHere = stored(aPendingUpload().inTenant(acme).uploadedBy(uploader).createdAt(T0).build());
        MediaAsset expiredThere = stored(aPendingUpload().inTenant(globex).uploadedBy(uploader).createdAt(T0).build());
        MediaAsset live = stored(aPendingUpload().inTenant(acme).uploadedBy(uploader).createdAt(T0.plus(hour)).build());
        MediaAsset finalized = stored(aPendingUpload().inTenant(acme).uploadedBy(uploader).createdAt(T0).build());
        unitOfWork().runInTenant(acme, () -> media().transition(finalized.uploaded(10, T0), MediaStatus.PENDING_UPLOAD));

        List<ExpiredUpload> expired = unitOfWork().withoutTenant(
                () -> media().expiredUploads(T0.plus(hour), 10_000));

        assertThat(expired).contains(new ExpiredUpload(acme, expiredHere.id()),
                new ExpiredUpload(globex, expiredThere.id()));
        assertThat(expired).extracting(ExpiredUpload::mediaId).doesNotContain(live.id(), finalized.id());
        assertThat(unitOfWork().withoutTenant(() -> media().expiredUploads(T0.plus(hour), 1))).hasSize(1);
    }

    @Test
    void assets_processing_since_the_cutoff_of_every_tenant_are_stalled_but_not_later_or_finished_ones() {
        Duration hour = Duration.ofHours(1);
        MediaAsset stalledHere = stored(aPendingUpload().inTenant(acme).uploadedBy(uploader).build());
        MediaAsset stalledThere = stored(aPendingUpload().inTenant(globex).uploadedBy(uploader).build());
        MediaAsset recent = stored(aPendingUpload().inTenant(acme).uploadedBy(uploader).build());
        MediaAsset finished = stored(aPendingUpload().inTenant(acme).uploadedBy(uploader).build());
        MediaAsset pending = stored(aPendingUpload().inTenant(acme).uploadedBy(uploader).build());
        unitOfWork().runInTenant(acme, () -> {
            media().transition(stalledHere.uploaded(10, T0), MediaStatus.PENDING_UPLOAD);
            media().transition(recent.uploaded(10, T0.plus(hour)), MediaStatus.PENDING_UPLOAD);
            media().transition(finished.uploaded(10, T0).failed("corrupt"), MediaStatus.PENDING_UPLOAD);
        });
        unitOfWork().runInTenant(globex, () -> media().transition(stalledThere.uploaded(10, T0), MediaStatus.PENDING_UPLOAD));

        List<StalledProcessing> stalled = unitOfWork().withoutTenant(() -> media().stalledProcessing(T0, 10_000));

        assertThat(stalled).contains(new StalledProcessing(acme, stalledHere.id()),
                new StalledProcessing(globex, stalledThere.id()));
        assertThat(stalled).extracting(StalledProcessing::mediaId)
                .doesNotContain(recent.id(), finished.id(), pending.id());
        assertThat(in(acme, () -> media().find(acme, stalledHere.id())).orElseThrow().uploadedAt()).contains(T0);
        assertThat(unitOfWork().withoutTenant(() -> media().stalledProcessing(T0, 1))).hasSize(1);
    }

    @Test
    void finalized_assets_whose_urls_expired_have_leftover_staging_until_it_is_cleared() {
        Duration hour = Duration.ofHours(1);
        MediaAsset here = stored(aPendingUpload().inTenant(acme).uploadedBy(uploader).createdAt(T0).build());
        MediaAsset there = stored(aPendingUpload().inTenant(globex).uploadedBy(uploader).createdAt(T0).build());
        MediaAsset live = stored(aPendingUpload().inTenant(acme).uploadedBy(uploader).createdAt(T0.plus(hour)).build());
        MediaAsset pending = stored(aPendingUpload().inTenant(acme).uploadedBy(uploader).createdAt(T0).build());
        unitOfWork().runInTenant(acme, () -> {
            media().transition(here.uploaded(10, T0), MediaStatus.PENDING_UPLOAD);
            media().transition(live.uploaded(10, T0.plus(hour)), MediaStatus.PENDING_UPLOAD);
        });
        unitOfWork().runInTenant(globex, () -> media().transition(there.uploaded(10, T0), MediaStatus.PENDING_UPLOAD));

        List<LeftoverStaging> leftover = unitOfWork().withoutTenant(() -> media().leftoverStaging(T0.plus(hour), 10_000));
        unitOfWork().runInTenant(acme, () -> media().stagingCleared(acme, here.id()));

        assertThat(leftover).contains(new LeftoverStaging(acme, here.id()), new LeftoverStaging(globex, there.id()));
        assertThat(leftover).extracting(LeftoverStaging::mediaId).doesNotContain(live.id(), pending.id());
        assertThat(unitOfWork().withoutTenant(() -> media().leftoverStaging(T0.plus(hour), 10_000)))
                .extracting(LeftoverStaging::mediaId).contains(there.id()).doesNotContain(here.id());
    }

    @Test
    void cancelled_uploads_of_every_tenant_are_listed_once_their_url_expired_until_cleared() {
        Duration hour = Duration.ofHours(1);
        MediaAsset here = stored(aPendingUpload().inTenant(acme).uploadedBy(uploader).createdAt(T0).build());
        MediaAsset there = stored(aPendingUpload().inTenant(globex).uploadedBy(uploader).createdAt(T0).build());
        MediaAsset live = stored(aPendingUpload().inTenant(acme).uploadedBy(uploader).createdAt(T0.plus(hour)).build());
        for (MediaAsset asset : List.of(here, there, live)) {
            unitOfWork().runInTenant(asset.tenantId(), () -> {
                media().delete(asset.tenantId(), asset.id());
                media().uploadCancelled(asset.tenantId(), asset.id(), asset.uploadExpiresAt());
                media().uploadCancelled(asset.tenantId(), asset.id(), asset.uploadExpiresAt()); // twice: no change
            });
        }

        List<MediaRepository.CancelledUpload> cancelled = unitOfWork().withoutTenant(
                () -> media().cancelledUploads(T0.plus(hour), 10_000));
        unitOfWork().runInTenant(globex, () -> media().cancelledUploadCleared(globex, here.id())); // another tenant's
        unitOfWork().runInTenant(acme, () -> media().cancelledUploadCleared(acme, here.id()));

        assertThat(cancelled).contains(new MediaRepository.CancelledUpload(acme, here.id()),
                new MediaRepository.CancelledUpload(globex, there.id()));
        assertThat(cancelled).extracting(MediaRepository.CancelledUpload::mediaId).doesNotHaveDuplicates()
                .doesNotContain(live.id());
        assertThat(unitOfWork().withoutTenant(() -> media().cancelledUploads(T0.plus(hour), 10_000)))
                .extracting(MediaRepository.CancelledUpload::mediaId).contains(there.id()).doesNotContain(here.id());
        assertThat(unitOfWork().withoutTenant(() -> media().cancelledUploads(T0.plus(hour), 1))).hasSize(1);
        assertThat(unitOfWork().withoutTenant(() -> media().cancelledUploads(T0.plus(hour).plus(hour), 10_000)))
                .extracting(MediaRepository.CancelledUpload::mediaId).contains(live.id());
    }

    @Test
    void a_transition_from_a_status_the_asset_has_left_changes_nothing() {
        MediaAsset asset = stored(aPendingUpload().inTenant(acme).uploadedBy(uploader).build());
        MediaAsset failed = asset.uploaded(10, T0).failed("processing did not finish");
        unitOfWork().runInTenant(acme, () -> media().transition(failed, MediaStatus.PENDING_UPLOAD));

        boolean late = in(acme, () -> media().transition(asset.uploaded(10, T0).ready(MediaMetadata.image(1, 1)),
                MediaStatus.PROCESSING));

        assertThat(late).isFalse();
        assertThat(in(acme, () -> media().find(acme, asset.id())).orElseThrow().status()).isEqualTo(MediaStatus.FAILED);
    }

    @Test
    void of_two_concurrent_transitions_out_of_the_same_status_exactly_one_succeeds() throws Exception {
        MediaAsset asset = stored(aPendingUpload().inTenant(acme).uploadedBy(uploader).build());
        CountDownLatch firstHolds = new CountDownLatch(1);
        CountDownLatch firstMayCommit = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<Boolean> first = threads.submit(() -> in(acme, () -> {
                boolean moved = media().transition(asset.uploaded(10, T0), MediaStatus.PENDING_UPLOAD);
                firstHolds.countDown();
                await(firstMayCommit);
                return moved;
            }));
            assertThat(firstHolds.await(10, TimeUnit.SECONDS)).isTrue();
            // the second runs while the first holds the asset: PostgreSQL makes it wait for the commit
            Future<Boolean> second = threads.submit(() -> in(acme,
                    () -> media().transition(asset.uploaded(20, T0), MediaStatus.PENDING_UPLOAD)));
            Thread.sleep(200);
            firstMayCommit.countDown();

            assertThat(List.of(first.get(10, TimeUnit.SECONDS), second.get(10, TimeUnit.SECONDS)))
                    .containsExactly(true, false);
        } finally {
            firstMayCommit.countDown();
            threads.shutdownNow();
        }
        assertThat(in(acme, () -> media().find(acme, asset.id())).orElseThrow().sizeBytes()).isEqualTo(10);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the latch");
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    @Test
    void an_unknown_id_is_not_found() {
        assertThat(in(acme, () -> media().find(acme, UUID.randomUUID()))).isEqualTo(Optional.empty());
    }
}
