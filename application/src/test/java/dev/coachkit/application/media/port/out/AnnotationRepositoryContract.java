package dev.coachkit.application.media.port.out;

import static dev.coachkit.application.testing.IdentityBuilders.T0;
import static dev.coachkit.application.testing.IdentityBuilders.aTenant;
import static dev.coachkit.application.testing.IdentityBuilders.anAccount;
import static dev.coachkit.application.testing.MediaBuilders.aPendingUpload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.application.identity.port.out.AccountRepository;
import dev.coachkit.application.identity.port.out.TenantRepository;
import dev.coachkit.application.media.port.out.AnnotationRepository.MediaAnnotations;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.identity.Account;
import dev.coachkit.domain.identity.Tenant;
import dev.coachkit.domain.media.Annotation;
import dev.coachkit.domain.media.Drawing;
import dev.coachkit.domain.media.MediaAsset;
import dev.coachkit.domain.media.MediaMetadata;
import dev.coachkit.domain.media.MediaStatus;
import dev.coachkit.domain.media.Point;
import dev.coachkit.domain.media.Shape;
import dev.coachkit.domain.media.ShapeKind;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.Page;
import dev.coachkit.domain.shared.PageRequest;
import dev.coachkit.domain.shared.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** What every annotation repository guarantees, tenant isolation included. Each test uses tenants of its own. */
public abstract class AnnotationRepositoryContract {

    protected abstract UnitOfWork unitOfWork();

    protected abstract MediaRepository media();

    protected abstract AnnotationRepository annotations();

    protected abstract TenantRepository tenants();

    protected abstract AccountRepository accounts();

    private static final Drawing DRAWING = new Drawing(1, List.of(
            new Shape(ShapeKind.ANGLE, List.of(new Point(0.1, 0.2), new Point(0.5, 0.5), new Point(1, 0)), "#00FF88",
                    Optional.of(2.5), Optional.of("hip 42°")),
            new Shape(ShapeKind.CIRCLE, List.of(new Point(0, 1)), "#ffffff", Optional.empty(), Optional.empty())));

    private final TenantId acme = storedTenant();
    private final TenantId globex = storedTenant();
    private final AccountId author = storedAccount();

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

    private MediaAsset storedMedia(TenantId tenant) {
        MediaAsset asset = aPendingUpload().inTenant(tenant).uploadedBy(author).build();
        unitOfWork().runInTenant(tenant, () -> media().add(asset));
        return asset;
    }

    private Annotation stored(MediaAsset media, long atMs, Instant createdAt) {
        Annotation annotation = Annotation.reconstitute(UUID.randomUUID(), media.tenantId(), media.id(), author, atMs,
                Optional.empty(), Optional.of("note at " + atMs), Optional.empty(), Optional.empty(), createdAt,
                createdAt);
        unitOfWork().runInTenant(media.tenantId(), () -> annotations().add(annotation));
        return annotation;
    }

    private <T> T in(TenantId tenant, Supplier<T> work) {
        return unitOfWork().inTenant(tenant, work);
    }

    @Test
    void an_annotation_reads_back_whole_in_its_tenant_only() {
        MediaAsset clip = storedMedia(acme);
        UUID voiceOver = UUID.randomUUID();
        Annotation annotation = Annotation.reconstitute(UUID.randomUUID(), acme, clip.id(), author, 1_250,
                Optional.of(2_000L), Optional.of("Keep the head still"), Optional.of(DRAWING), Optional.of(voiceOver),
                T0, T0);
        unitOfWork().runInTenant(acme, () -> annotations().add(annotation));

        Annotation found = in(acme, () -> annotations().find(acme, annotation.id())).orElseThrow();
        assertThat(found).usingRecursiveComparison().isEqualTo(annotation);
        assertThat(in(globex, () -> annotations().find(globex, annotation.id()))).isEmpty();
    }

    @Test
    void an_update_changes_the_moment_text_and_drawing_and_a_delete_happens_once() {
        MediaAsset clip = storedMedia(acme);
        Annotation annotation = stored(clip, 100, T0);
        Annotation edited = annotation.edited(new Annotation.Changes(Optional.of(0L), Optional.of(50L),
                Optional.of(""), Optional.of(DRAWING)), readyVersionOf(clip), T0.plusSeconds(5));

        unitOfWork().runInTenant(acme, () -> annotations().update(edited));
        assertThat(in(acme, () -> annotations().find(acme, annotation.id())).orElseThrow())
                .usingRecursiveComparison().isEqualTo(edited);

        assertThat(in(globex, () -> annotations().delete(globex, annotation.id()))).isFalse();
        assertThat(in(acme, () -> annotations().delete(acme, annotation.id()))).isTrue();
        assertThat(in(acme, () -> annotations().delete(acme, annotation.id()))).isFalse();
        assertThat(in(acme, () -> annotations().find(acme, annotation.id()))).isEmpty();
    }

    @Test
    void updating_an_annotation_that_is_not_there_fails() {
        MediaAsset clip = storedMedia(acme);
        Annotation never = Annotation.reconstitute(UUID.randomUUID(), acme, clip.id(), author, 0, Optional.empty(),
                Optional.of("x"), Optional.empty(), Optional.empty(), T0, T0);

        assertThatThrownBy(() -> unitOfWork().runInTenant(acme, () -> annotations().update(never)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_media_lists_by_moment_then_creation_in_pages_without_duplicates_or_gaps() {
        MediaAsset clip = storedMedia(acme);
        MediaAsset other = storedMedia(acme);
        Annotation late = stored(clip, 5_000, T0);
        Annotation firstAtOne = stored(clip, 1_000, T0.plusSeconds(1));
        Annotation start = stored(clip, 0, T0.plusSeconds(9));
        Annotation secondAtOne = stored(clip, 1_000, T0.plusSeconds(2));
        Annotation sameInstant = stored(clip, 1_000, T0.plusSeconds(2));
        stored(other, 1_000, T0);
        List<Annotation> tied = List.of(secondAtOne, sameInstant).stream()
                .sorted((a, b) -> a.id().toString().compareTo(b.id().toString())).toList();

        List<UUID> seen = new ArrayList<>();
        PageRequest page = PageRequest.first(2);
        while (true) {
            PageRequest request = page;
            Page<Annotation> result = in(acme, () -> annotations().list(acme,
                    new MediaAnnotations(clip.id(), Optional.empty(), Optional.empty(), request)));
            result.items().forEach(annotation -> seen.add(annotation.id()));
            if (result.next().isEmpty()) {
                break;
            }
            page = page.after(result.next().get());
        }

        assertThat(seen).containsExactly(start.id(), firstAtOne.id(), tied.get(0).id(), tied.get(1).id(), late.id());
        assertThat(in(globex, () -> annotations().list(globex, new MediaAnnotations(clip.id(), Optional.empty(),
                Optional.empty(), PageRequest.firstDefault()))).items()).isEmpty();
    }

    @Test
    void a_window_keeps_the_moments_between_from_and_to_both_included() {
        MediaAsset clip = storedMedia(acme);
        stored(clip, 999, T0);
        Annotation from = stored(clip, 1_000, T0);
        Annotation to = stored(clip, 2_000, T0);
        stored(clip, 2_001, T0);

        List<UUID> window = in(acme, () -> annotations().list(acme, new MediaAnnotations(clip.id(),
                Optional.of(1_000L), Optional.of(2_000L), PageRequest.firstDefault()))).items().stream()
                .map(Annotation::id).toList();

        assertThat(window).containsExactly(from.id(), to.id());
    }

    @Test
    void deleting_the_media_takes_its_annotations_with_it() {
        MediaAsset clip = storedMedia(acme);
        Annotation annotation = stored(clip, 0, T0);

        unitOfWork().runInTenant(acme, () -> media().delete(acme, clip.id()));

        assertThat(in(acme, () -> annotations().find(acme, annotation.id()))).isEmpty();
        assertThat(in(acme, () -> annotations().list(acme, new MediaAnnotations(clip.id(), Optional.empty(),
                Optional.empty(), PageRequest.firstDefault()))).items()).isEmpty();
    }

    /** The stored pending upload as processing would leave it: READY, a 10-second video. */
    private static MediaAsset readyVersionOf(MediaAsset pending) {
        return MediaAsset.reconstitute(pending.id(), pending.tenantId(), pending.uploader(), pending.spaceId(),
                pending.fileName(), "video/mp4", pending.sizeBytes(), Optional.empty(),
                MediaStatus.READY, MediaMetadata.video(640, 480, 10_000), false, Optional.empty(), pending.createdAt(), pending.uploadExpiresAt(),
                Optional.of(pending.createdAt()));
    }
}
