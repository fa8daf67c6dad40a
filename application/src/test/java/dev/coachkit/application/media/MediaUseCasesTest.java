package dev.coachkit.application.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.application.CoachKit;
import dev.coachkit.application.events.envelope.EventEnvelope;
import dev.coachkit.application.media.port.in.DeleteMediaUseCase;
import dev.coachkit.application.media.port.in.FinalizeUploadUseCase.UploadedPart;
import dev.coachkit.application.media.port.in.FinalizeUploadUseCase;
import dev.coachkit.application.media.port.in.GetMediaUseCase;
import dev.coachkit.application.media.port.in.GetMediaUseCase.MediaView;
import dev.coachkit.application.media.port.in.GetPlaybackUrlUseCase;
import dev.coachkit.application.media.port.in.ListMediaUseCase;
import dev.coachkit.application.media.port.in.RequestUploadUseCase.UploadIntent;
import dev.coachkit.application.media.port.in.RequestUploadUseCase;
import dev.coachkit.application.media.port.out.MediaAudience;
import dev.coachkit.application.media.port.out.MediaProbe;
import dev.coachkit.application.memory.InMemoryAccounts;
import dev.coachkit.application.memory.InMemoryAuditLog;
import dev.coachkit.application.memory.InMemoryBlobStore;
import dev.coachkit.application.memory.InMemoryEventOutbox;
import dev.coachkit.application.memory.InMemoryInvitations;
import dev.coachkit.application.memory.InMemoryMemberships;
import dev.coachkit.application.memory.InMemoryRefreshTokens;
import dev.coachkit.application.memory.InMemoryTenants;
import dev.coachkit.application.memory.InMemoryUnitOfWork;
import dev.coachkit.application.testing.TestTenants;
import dev.coachkit.application.testing.TickingClock;
import dev.coachkit.domain.media.MediaAsset;
import dev.coachkit.domain.media.MediaKind;
import dev.coachkit.domain.media.MediaMetadata;
import dev.coachkit.domain.media.MediaStatus;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.Actor;
import dev.coachkit.domain.shared.BusinessRuleException;
import dev.coachkit.domain.shared.ConflictException;
import dev.coachkit.domain.shared.ContentTooLargeException;
import dev.coachkit.domain.shared.InvalidInputException;
import dev.coachkit.domain.shared.Page;
import dev.coachkit.domain.shared.PageRequest;
import dev.coachkit.domain.shared.NotFoundException;
import dev.coachkit.domain.shared.PermissionDeniedException;
import dev.coachkit.domain.shared.Role;
import dev.coachkit.domain.shared.TenantId;
import dev.coachkit.domain.shared.UnsupportedContentTypeException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The media use cases on the in-memory core: limits, the upload flow, processing, visibility, cleanup. */
class MediaUseCasesTest {

    private static final long MIB = 1024 * 1024;
    private static final UUID READABLE_SPACE = UUID.randomUUID();

    private final TickingClock clock = new TickingClock();
    private final InMemoryBlobStore blobs = new InMemoryBlobStore(clock);
    private final AtomicInteger probes = new AtomicInteger();
    /** Runs once inside the next probe: what happens while the worker looks at the content. */
    private final AtomicReference<Runnable> whileProbing = new AtomicReference<>(() -> {});
    /** What ffmpeg says of a broken video: a heap address clients must never see. */
    private static final String FFMPEG_SAYS = "[mov,mp4,m4a @ 0x55d5c0ffee00] moov atom not found";
    /**
     * Reads the first byte as a verdict: 'I' is a 640x480 image, 'A' audio of 4.2 s, 'V' a video ffmpeg cannot read (with its
     * own words as the detail), anything else is corrupt.
     */
    private final MediaProbe probe = (kind, content) -> {
        probes.incrementAndGet();
        whileProbing.getAndSet(() -> {}).run();
        try {
            int verdict = content.read();
            return verdict == 'I' ? MediaProbe.Result.readable(MediaMetadata.image(640, 480), new byte[] {9})
                    : verdict == 'A' ? MediaProbe.Result.readableWithoutThumbnail(MediaMetadata.audio(4_200))
                    : verdict == 'V' ? MediaProbe.Result.unreadable("the file could not be read as a video", FFMPEG_SAYS)
                    : MediaProbe.Result.unreadable("corrupt image");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    };
    private final InMemoryUnitOfWork memory = new InMemoryUnitOfWork();
    private final InMemoryAuditLog auditLog = new InMemoryAuditLog(memory);
    /** 20 MiB per file, 30 MiB per tenant, no lower limit per member (the per-member tests use their own). */
    private final CoachKit core = core(new MediaSettings(20 * MIB, 30 * MIB, 40 * MIB, 5 * MIB, Duration.ofHours(1),
            Duration.ofMinutes(5), Duration.ofMinutes(30)));

    private CoachKit core(MediaSettings settings) {
        InMemoryAccounts accounts = new InMemoryAccounts(memory);
        InMemoryTenants tenants = new InMemoryTenants(memory);
        return CoachKit.builder().clock(clock).blobStore(blobs).mediaProbe(probe).unitOfWork(memory)
                .eventOutbox(new InMemoryEventOutbox(memory, clock))
                .identityStores(accounts, tenants, new InMemoryMemberships(memory, accounts, tenants),
                        new InMemoryInvitations(memory), new InMemoryRefreshTokens(), auditLog)
                .mediaSettings(settings)
                .mediaAudience(new MediaAudience() {
                    @Override
                    public boolean canReadSpace(Actor actor, UUID spaceId) {
                        return spaceId.equals(READABLE_SPACE);
                    }

                    @Override
                    public boolean canReadPostWith(Actor actor, UUID mediaId) {
                        return false;
                    }

                    @Override
                    public Circle circleOf(TenantId tenant, Optional<UUID> spaceId, UUID mediaId) {
                        return new Circle(Set.of(), Set.of(), Set.of());
                    }
                })
                .withInMemoryAdapters().build();
    }

    private final Actor alice = new Actor(TestTenants.ACME, TestTenants.ALICE, Role.COACH);
    private final Actor bob = new Actor(TestTenants.ACME, AccountId.of(UUID.randomUUID()), Role.ATHLETE);
    private final Actor admin = new Actor(TestTenants.ACME, AccountId.of(UUID.randomUUID()), Role.ADMIN);

    private UploadIntent intent(Actor actor, String type, long size, Optional<UUID> space) {
        return intent(core, actor, type, size, space);
    }

    private static UploadIntent intent(CoachKit core, Actor actor, String type, long size, Optional<UUID> space) {
        return core.media().requestUpload().requestUpload(
                new RequestUploadUseCase.Command(actor, "clip.bin", type, size, space));
    }

    private static UploadIntent video(CoachKit core, Actor actor, long size) {
        return intent(core, actor, "video/mp4", size, Optional.empty());
    }

    private static void delete(CoachKit core, Actor actor, UUID mediaId) {
        core.media().delete().delete(new DeleteMediaUseCase.Command(actor, mediaId, Optional.of("203.0.113.9")));
    }

    private void delete(Actor actor, UUID mediaId) {
        delete(core, actor, mediaId);
    }

    private UploadIntent intent(long size) {
        return intent(alice, "image/png", size, Optional.empty());
    }

    private MediaAsset uploadAndFinalize(Actor actor, byte[] content, Optional<UUID> space) {
        UploadIntent intent = intent(actor, "image/png", content.length, space);
        blobs.put(intent.parts().get(0).url(), content);
        return finalize(actor, intent, List.of());
    }

    private MediaAsset finalize(Actor actor, UploadIntent intent, List<UploadedPart> parts) {
        return core.media().finalizeUpload().finalizeUpload(
                new FinalizeUploadUseCase.Command(actor, intent.asset().id(), parts));
    }

    private void deliverPendingEvents(TenantId tenant) {
        for (EventEnvelope event : unpublished(core, tenant)) {
            core.handleEvent().handle(event);
        }
    }

    /** The events the core recorded and has not published yet: {@link #core(MediaSettings)} gives it an in-memory outbox. */
    private static List<EventEnvelope> unpublished(CoachKit kit, TenantId tenant) {
        return ((InMemoryEventOutbox) kit.eventOutbox()).unpublished(tenant);
    }

    private MediaAsset media(Actor actor, UUID id) {
        return core.media().media().media(new GetMediaUseCase.Query(actor, id)).asset();
    }

    @Test
    void a_type_off_the_allow_list_a_file_over_the_limit_and_a_size_below_one_are_refused() {
        assertThatThrownBy(() -> intent(alice, "application/pdf", 10, Optional.empty()))
                .isInstanceOf(UnsupportedContentTypeException.class);
        assertThatThrownBy(() -> intent(20 * MIB + 1)).isInstanceOf(ContentTooLargeException.class);
        assertThatThrownBy(() -> intent(0)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void the_quota_counts_pending_uploads() {
        intent(20 * MIB);

        assertThatThrownBy(() -> intent(10 * MIB + 1)).isInstanceOf(BusinessRuleException.class)
                .hasMessageContaining("quota");
        assertThat(intent(10 * MIB).asset().status()).isEqualTo(MediaStatus.PENDING_UPLOAD);
    }

    @Test
    void a_small_file_gets_one_url_and_a_large_one_a_url_per_fixed_size_part() {
        UploadIntent small = intent(5 * MIB);
        UploadIntent large = intent(alice, "video/mp4", 11 * MIB, Optional.empty());

        assertThat(small.parts()).hasSize(1);
        assertThat(small.asset().multipartUploadId()).isEmpty();
        assertThat(large.partSize()).isEqualTo(5 * MIB);
        assertThat(large.parts()).extracting(RequestUploadUseCase.PartUrl::partNumber).containsExactly(1, 2, 3);
        assertThat(large.asset().multipartUploadId()).isPresent();
        assertThat(large.expiresAt()).isAfter(large.asset().createdAt());
    }

    @Test
    void a_multipart_upload_is_completed_with_the_parts_etags_and_then_processed() {
        UploadIntent intent = intent(alice, "video/mp4", 6 * MIB, Optional.empty());
        byte[] first = new byte[(int) (5 * MIB)];
        first[0] = 'I';
        String firstTag = blobs.put(intent.parts().get(0).url(), first);
        String lastTag = blobs.put(intent.parts().get(1).url(), new byte[(int) MIB]);

        MediaAsset finalized = finalize(alice, intent, List.of(new UploadedPart(1, firstTag), new UploadedPart(2, lastTag)));
        deliverPendingEvents(alice.tenantId());

        assertThat(finalized.status()).isEqualTo(MediaStatus.PROCESSING);
        assertThat(finalized.sizeBytes()).isEqualTo(6 * MIB);
        assertThat(media(alice, intent.asset().id()).status()).isEqualTo(MediaStatus.READY);
    }

    @Test
    void finalizing_a_multipart_upload_with_a_wrong_etag_names_the_parts_field() {
        UploadIntent intent = intent(alice, "video/mp4", 6 * MIB, Optional.empty());
        blobs.put(intent.parts().get(0).url(), new byte[(int) (5 * MIB)]);
        blobs.put(intent.parts().get(1).url(), new byte[(int) MIB]);

        assertThatThrownBy(() -> finalize(alice, intent, List.of(new UploadedPart(1, "x"), new UploadedPart(2, "y"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("parts");
    }

    @Test
    void finalizing_a_single_put_upload_with_invented_parts_is_refused_naming_the_parts_field() {
        UploadIntent intent = intent(100);
        String etag = blobs.put(intent.parts().get(0).url(), new byte[] {'I', 0, 0});

        assertThatThrownBy(() -> finalize(alice, intent, List.of(new UploadedPart(1, etag))))
                .isInstanceOfSatisfying(InvalidInputException.class, refused -> assertThat(refused.errors())
                        .singleElement().satisfies(error -> {
                            assertThat(error.field()).isEqualTo("parts");
                            assertThat(error.message()).contains("single PUT");
                        }));
        assertThat(media(alice, intent.asset().id()).status()).as("still awaiting a proper finalize")
                .isEqualTo(MediaStatus.PENDING_UPLOAD);
        assertThat(finalize(alice, intent, List.of()).status()).isEqualTo(MediaStatus.PROCESSING);
    }

    @Test
    void a_file_name_with_a_right_to_left_override_or_another_invisible_format_character_is_refused() {
        for (String name : List.of("invoice\u202Egpj.exe", "a\u2066b.png", "zero\u200Bwidth.png", "\uFEFFbom.png")) {
            assertThatThrownBy(() -> core.media().requestUpload().requestUpload(new RequestUploadUseCase.Command(alice,
                    name, "image/png", 100, Optional.empty())))
                    .as(name.codePoints().mapToObj(c -> String.format("U+%04X", c)).toList().toString())
                    .isInstanceOfSatisfying(InvalidInputException.class, refused -> assertThat(refused.errors())
                            .extracting(InvalidInputException.FieldError::field).containsExactly("fileName"));
        }
        // joiners are letters' business in Persian and Indic scripts and emoji: they stay allowed
        assertThat(core.media().requestUpload().requestUpload(new RequestUploadUseCase.Command(alice,
                "\u0646\u0627\u0645\u0647\u200C\u0647\u0627.png", "image/png", 100, Optional.empty())).asset().fileName())
                .contains("\u200C");
    }

    @Test
    void an_upload_larger_than_declared_is_refused_and_discarded() {
        UploadIntent intent = intent(alice, "video/mp4", 6 * MIB, Optional.empty());
        String firstTag = blobs.put(intent.parts().get(0).url(), new byte[(int) (5 * MIB)]);
        String lastTag = blobs.put(intent.parts().get(1).url(), new byte[(int) MIB + 1]);

        assertThatThrownBy(() -> finalize(alice, intent, List.of(new UploadedPart(1, firstTag),
                new UploadedPart(2, lastTag)))).isInstanceOf(BusinessRuleException.class)
                .hasMessageContaining("more than the " + 6 * MIB + " declared");
        assertThat(blobs.size(intent.asset().objectKey())).isEmpty();
        assertThat(blobs.size(intent.asset().stagingKey())).isEmpty();
        assertThatThrownBy(() -> media(alice, intent.asset().id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void bytes_put_to_the_upload_url_after_finalize_are_deleted_once_the_url_expired() {
        byte[] checked = {'I', 1, 2, 3};
        UploadIntent intent = intent(alice, "image/png", checked.length, Optional.empty());
        blobs.put(intent.parts().get(0).url(), checked);
        finalize(alice, intent, List.of());
        blobs.put(intent.parts().get(0).url(), new byte[] {'X', 6, 6, 6});
        deliverPendingEvents(alice.tenantId());

        clock.advance(Duration.ofHours(1));
        assertThat(core.media().cleanUpExpiredUploads().cleanUpExpiredUploads().clearedStaging())
                .as("storage's clock may lag: not yet").isZero();
        clock.advance(Duration.ofMinutes(15));
        int cleared = core.media().cleanUpExpiredUploads().cleanUpExpiredUploads().clearedStaging();

        assertThat(cleared).isEqualTo(1);
        assertThat(blobs.size(intent.asset().stagingKey())).isEmpty();
        assertThat(blobs.size(intent.asset().objectKey())).contains((long) checked.length);
        assertThat(core.media().cleanUpExpiredUploads().cleanUpExpiredUploads().clearedStaging()).isZero();
    }

    @Test
    void a_single_put_url_refuses_more_bytes_than_declared() {
        UploadIntent intent = intent(100);

        assertThatThrownBy(() -> blobs.put(intent.parts().get(0).url(), new byte[101]))
                .isInstanceOf(ContentTooLargeException.class);
    }

    @Test
    void a_put_to_the_upload_url_after_finalize_does_not_change_the_bytes_played_back() {
        byte[] checked = {'I', 1, 2, 3};
        UploadIntent intent = intent(alice, "image/png", checked.length, Optional.empty());
        blobs.put(intent.parts().get(0).url(), checked);
        finalize(alice, intent, List.of());

        blobs.put(intent.parts().get(0).url(), new byte[] {'X', 6, 6, 6});
        deliverPendingEvents(alice.tenantId());

        GetPlaybackUrlUseCase.PlaybackUrl playback = core.media().playbackUrl().playbackUrl(
                new GetPlaybackUrlUseCase.Query(alice, intent.asset().id()));
        assertThat(blobs.get(playback.url())).isEqualTo(checked);
        assertThat(media(alice, intent.asset().id()).sizeBytes()).isEqualTo(checked.length);
    }

    @Test
    void finalizing_before_anything_was_uploaded_or_twice_is_a_conflict() {
        UploadIntent intent = intent(3);
        assertThatThrownBy(() -> finalize(alice, intent, List.of())).isInstanceOf(ConflictException.class);

        blobs.put(intent.parts().get(0).url(), new byte[] {'I', 0, 0});
        finalize(alice, intent, List.of());
        assertThatThrownBy(() -> finalize(alice, intent, List.of())).isInstanceOf(ConflictException.class);
    }

    @Test
    void only_the_uploader_finalizes() {
        UploadIntent intent = intent(3);
        blobs.put(intent.parts().get(0).url(), new byte[] {'I', 0, 0});

        assertThatThrownBy(() -> finalize(admin, intent, List.of())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void processing_marks_readable_content_ready_with_metadata_and_a_thumbnail_once_despite_redelivery() {
        MediaAsset uploaded = uploadAndFinalize(alice, new byte[] {'I', 1, 2}, Optional.empty());
        List<EventEnvelope> events = new ArrayList<>(unpublished(core, alice.tenantId()));

        events.forEach(core.handleEvent()::handle);
        events.forEach(core.handleEvent()::handle);

        GetMediaUseCase.MediaView view = core.media().media().media(new GetMediaUseCase.Query(alice, uploaded.id()));
        assertThat(view.asset().status()).isEqualTo(MediaStatus.READY);
        assertThat(view.asset().metadata()).isEqualTo(MediaMetadata.image(640, 480));
        assertThat(view.thumbnailUrl()).isPresent();
        assertThat(blobs.get(view.thumbnailUrl().get())).containsExactly(9);
        assertThat(probes).hasValue(1);
        assertThat(unpublished(core, alice.tenantId())).extracting(EventEnvelope::type)
                .contains("media.processed");
    }

    @Test
    void a_voice_over_is_accepted_and_processed_ready_with_its_duration_and_without_a_thumbnail() {
        UploadIntent intent = intent(alice, "audio/mp4", 3, Optional.empty());
        blobs.put(intent.parts().get(0).url(), new byte[] {'A', 1, 2});
        MediaAsset uploaded = finalize(alice, intent, List.of());

        deliverPendingEvents(alice.tenantId());

        GetMediaUseCase.MediaView view = core.media().media().media(new GetMediaUseCase.Query(alice, uploaded.id()));
        assertThat(view.asset().kind()).isEqualTo(MediaKind.AUDIO);
        assertThat(view.asset().status()).isEqualTo(MediaStatus.READY);
        assertThat(view.asset().metadata()).isEqualTo(MediaMetadata.audio(4_200));
        assertThat(view.thumbnailUrl()).isEmpty();
        assertThat(blobs.size(view.asset().thumbnailKey())).isEmpty();
    }

    @Test
    void corrupt_content_fails_with_the_probes_reason_and_has_no_playback() {
        MediaAsset uploaded = uploadAndFinalize(alice, new byte[] {'X'}, Optional.empty());
        deliverPendingEvents(alice.tenantId());

        MediaAsset failed = media(alice, uploaded.id());
        assertThat(failed.status()).isEqualTo(MediaStatus.FAILED);
        assertThat(failed.failureReason()).contains("corrupt image");
        assertThatThrownBy(() -> core.media().playbackUrl().playbackUrl(
                new GetPlaybackUrlUseCase.Query(alice, uploaded.id()))).isInstanceOf(ConflictException.class);
    }

    @Test
    void a_failure_shows_a_fixed_reason_and_logs_ffmpegs_own_words_with_the_media_id() {
        java.util.logging.Logger log = java.util.logging.Logger.getLogger(MediaProcessingConsumer.class.getName());
        List<java.util.logging.LogRecord> logged = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler handler = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord entry) {
                logged.add(entry);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        log.addHandler(handler);
        try {
            MediaAsset uploaded = uploadAndFinalize(alice, new byte[] {'V', 0}, Optional.empty());
            deliverPendingEvents(alice.tenantId());

            MediaAsset failed = media(alice, uploaded.id());
            assertThat(failed.failureReason()).contains("the file could not be read as a video");
            assertThat(unpublished(core, alice.tenantId())).filteredOn(event ->
                    event.type().equals("media.processed")).singleElement().satisfies(event ->
                    assertThat(event.payload().toString()).doesNotContain("0x55d5c0ffee00"));
            assertThat(logged).singleElement().satisfies(entry -> {
                assertThat(entry.getLevel()).isEqualTo(java.util.logging.Level.WARNING);
                assertThat(java.text.MessageFormat.format(entry.getMessage(), entry.getParameters()))
                        .contains(uploaded.id().toString(), FFMPEG_SAYS);
            });
        } finally {
            log.removeHandler(handler);
        }
    }

    @Test
    void playback_is_a_conflict_until_ready_then_a_url_to_the_uploaded_bytes() {
        byte[] content = {'I', 7, 7, 7};
        MediaAsset uploaded = uploadAndFinalize(alice, content, Optional.empty());
        GetPlaybackUrlUseCase.Query query = new GetPlaybackUrlUseCase.Query(alice, uploaded.id());
        assertThatThrownBy(() -> core.media().playbackUrl().playbackUrl(query)).isInstanceOf(ConflictException.class);

        deliverPendingEvents(alice.tenantId());
        GetPlaybackUrlUseCase.PlaybackUrl playback = core.media().playbackUrl().playbackUrl(query);

        assertThat(blobs.get(playback.url())).isEqualTo(content);
        assertThat(playback.expiresAt()).isBefore(clock.now().plus(Duration.ofMinutes(5)));
    }

    @Test
    void media_is_visible_to_its_uploader_admins_and_readers_of_its_space_only() {
        MediaAsset private_ = uploadAndFinalize(alice, new byte[] {'I'}, Optional.empty());
        MediaAsset inSpace = uploadAndFinalize(alice, new byte[] {'I'}, Optional.of(READABLE_SPACE));
        Actor otherTenantAdmin = new Actor(TestTenants.GLOBEX, admin.accountId(), Role.ADMIN);

        assertThat(media(admin, private_.id()).id()).isEqualTo(private_.id());
        assertThat(media(bob, inSpace.id()).id()).isEqualTo(inSpace.id());
        assertThatThrownBy(() -> media(bob, private_.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> media(otherTenantAdmin, private_.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void media_cannot_be_attached_to_a_space_the_uploader_cannot_read() {
        assertThatThrownBy(() -> intent(alice, "image/png", 10, Optional.of(UUID.randomUUID())))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("space");
    }

    @Test
    void expired_uploads_are_discarded_with_their_parts_and_their_quota_freed() {
        UploadIntent abandoned = intent(alice, "video/mp4", 20 * MIB, Optional.empty());
        blobs.put(abandoned.parts().get(0).url(), new byte[(int) (5 * MIB)]);
        MediaAsset kept = uploadAndFinalize(alice, new byte[] {'I'}, Optional.empty());
        assertThatThrownBy(() -> intent(10 * MIB)).isInstanceOf(BusinessRuleException.class);

        clock.advance(Duration.ofHours(1));
        int discarded = core.media().cleanUpExpiredUploads().cleanUpExpiredUploads().discardedUploads();

        assertThat(discarded).isEqualTo(1);
        assertThatThrownBy(() -> media(alice, abandoned.asset().id())).isInstanceOf(NotFoundException.class);
        assertThat(media(alice, kept.id()).id()).as("a finalized upload is kept").isEqualTo(kept.id());
        assertThat(intent(10 * MIB).asset().status()).isEqualTo(MediaStatus.PENDING_UPLOAD);
        assertThat(core.media().cleanUpExpiredUploads().cleanUpExpiredUploads().discardedUploads()).isZero();
    }

    @Test
    void media_whose_bytes_vanished_from_storage_fails_instead_of_retrying_forever() {
        MediaAsset uploaded = uploadAndFinalize(alice, new byte[] {'I', 1}, Optional.empty());
        blobs.delete(uploaded.objectKey());

        deliverPendingEvents(alice.tenantId());

        MediaAsset failed = media(alice, uploaded.id());
        assertThat(failed.status()).isEqualTo(MediaStatus.FAILED);
        assertThat(failed.failureReason()).hasValueSatisfying(reason -> assertThat(reason).contains("missing"));
        assertThat(probes).hasValue(0);
    }

    @Test
    void media_processing_longer_than_the_timeout_is_failed_by_the_scheduler_with_a_reason() {
        MediaAsset stalled = uploadAndFinalize(alice, new byte[] {'I', 1}, Optional.empty());
        clock.advance(Duration.ofMinutes(20));
        MediaAsset recent = uploadAndFinalize(alice, new byte[] {'I', 2}, Optional.empty());
        clock.advance(Duration.ofMinutes(11));

        int failed = core.media().cleanUpExpiredUploads().cleanUpExpiredUploads().failedProcessing();

        assertThat(failed).isEqualTo(1);
        assertThat(media(alice, stalled.id()).status()).isEqualTo(MediaStatus.FAILED);
        assertThat(media(alice, stalled.id()).failureReason()).hasValueSatisfying(reason ->
                assertThat(reason).contains("did not finish within 30 minutes"));
        assertThat(media(alice, recent.id()).status()).isEqualTo(MediaStatus.PROCESSING);
        assertThat(unpublished(core, alice.tenantId())).filteredOn(event ->
                event.type().equals("media.processed") && event.subjectId().equals(stalled.id())).hasSize(1);
        deliverPendingEvents(alice.tenantId());
        assertThat(media(alice, stalled.id()).status()).as("a late delivery leaves it failed").isEqualTo(MediaStatus.FAILED);
        assertThat(media(alice, recent.id()).status()).isEqualTo(MediaStatus.READY);
    }

    @Test
    void one_member_cannot_declare_more_than_4_gib_of_unfinished_uploads_and_another_member_still_uploads() {
        CoachKit defaults = core(MediaSettings.defaults()); // 2 GiB per file, 10 GiB per tenant, 4 GiB pending per member
        long twoGib = 2L << 30;
        List<Object> outcomes = new ArrayList<>();
        for (int attempt = 0; attempt < 5; attempt++) { // the attack: 5 x 2 GiB declared, never sent
            try {
                outcomes.add(video(defaults, bob, twoGib).asset().status());
            } catch (BusinessRuleException refused) {
                outcomes.add(refused.getMessage());
            }
        }

        assertThat(outcomes).hasSize(5).startsWith(MediaStatus.PENDING_UPLOAD, MediaStatus.PENDING_UPLOAD);
        assertThat(outcomes.subList(2, 5)).allSatisfy(refusal -> assertThat(refusal).asString()
                .contains("limit of 4294967296 bytes of unfinished uploads per member")
                .contains(Long.toString(4L << 30) + " bytes of your uploads"));
        assertThatThrownBy(() -> video(defaults, bob, 1)).isInstanceOf(BusinessRuleException.class);
        // the 6 GiB the athlete could not claim are still there for everyone else
        for (Actor other : List.of(alice, alice, admin)) {
            assertThat(video(defaults, other, twoGib).asset().status()).isEqualTo(MediaStatus.PENDING_UPLOAD);
        }
        assertThatThrownBy(() -> video(defaults, admin, 1)).isInstanceOf(BusinessRuleException.class)
                .hasMessageContaining("organization's media quota");
    }

    @Test
    void a_finalized_upload_no_longer_counts_as_pending() {
        CoachKit small = core(new MediaSettings(20 * MIB, 30 * MIB, 100, 5 * MIB, Duration.ofHours(1),
                Duration.ofMinutes(5), Duration.ofMinutes(30)));
        UploadIntent first = intent(small, alice, "image/png", 60, Optional.empty());
        intent(small, alice, "image/png", 40, Optional.empty());
        assertThatThrownBy(() -> intent(small, alice, "image/png", 1, Optional.empty()))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("100 bytes of unfinished uploads");
        assertThat(intent(small, bob, "image/png", 100, Optional.empty()).asset().status())
                .as("another member's pending bytes are their own").isEqualTo(MediaStatus.PENDING_UPLOAD);

        byte[] content = new byte[60];
        content[0] = 'I';
        blobs.put(first.parts().get(0).url(), content);
        small.media().finalizeUpload().finalizeUpload(new FinalizeUploadUseCase.Command(alice, first.asset().id(),
                List.of()));

        assertThat(intent(small, alice, "image/png", 60, Optional.empty()).asset().status())
                .isEqualTo(MediaStatus.PENDING_UPLOAD);
    }

    @Test
    void cancelling_a_pending_upload_releases_the_members_pending_bytes_and_the_tenants_quota_at_once() {
        CoachKit defaults = core(MediaSettings.defaults());
        long twoGib = 2L << 30;
        UploadIntent cancelled = video(defaults, bob, twoGib);
        video(defaults, bob, twoGib);
        video(defaults, alice, twoGib);
        video(defaults, alice, twoGib);
        video(defaults, admin, twoGib);
        assertThatThrownBy(() -> video(defaults, bob, twoGib)).isInstanceOf(BusinessRuleException.class);
        assertThatThrownBy(() -> video(defaults, admin, 1)).isInstanceOf(BusinessRuleException.class)
                .hasMessageContaining("quota");

        delete(defaults, bob, cancelled.asset().id());

        assertThat(video(defaults, bob, twoGib).asset().status()).as("no scheduler run needed")
                .isEqualTo(MediaStatus.PENDING_UPLOAD);
        assertThatThrownBy(() -> defaults.media().media().media(new GetMediaUseCase.Query(bob, cancelled.asset().id())))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void bytes_put_to_a_cancelled_single_put_upload_are_deleted_once_its_url_expired() {
        UploadIntent intent = intent(alice, "image/png", 4, Optional.empty());
        delete(alice, intent.asset().id());
        // storage cannot revoke the URL: it still stores bytes, of a record that no longer exists
        blobs.put(intent.parts().get(0).url(), new byte[] {'X', 6, 6, 6});

        clock.advance(Duration.ofHours(1));
        assertThat(core.media().cleanUpExpiredUploads().cleanUpExpiredUploads().clearedStaging())
                .as("storage's clock may lag: not yet").isZero();
        assertThat(blobs.size(intent.asset().stagingKey())).contains(4L);
        clock.advance(Duration.ofMinutes(15));
        int cleared = core.media().cleanUpExpiredUploads().cleanUpExpiredUploads().clearedStaging();

        assertThat(cleared).isEqualTo(1);
        assertThat(blobs.size(intent.asset().stagingKey())).isEmpty();
        assertThat(core.media().cleanUpExpiredUploads().cleanUpExpiredUploads().clearedStaging())
                .as("the record of the cancelled upload is gone").isZero();
    }

    @Test
    void cancelling_a_multipart_upload_aborts_it_so_its_part_urls_store_nothing_more() {
        UploadIntent intent = intent(alice, "video/mp4", 11 * MIB, Optional.empty());
        blobs.put(intent.parts().get(0).url(), new byte[(int) (5 * MIB)]);

        delete(alice, intent.asset().id());

        assertThatThrownBy(() -> blobs.put(intent.parts().get(1).url(), new byte[(int) (5 * MIB)]))
                .hasMessageContaining("no multipart upload");
        assertThat(blobs.size(intent.asset().stagingKey())).isEmpty();
        assertThat(intent(20 * MIB).asset().status()).as("its 11 MiB are free again").isEqualTo(MediaStatus.PENDING_UPLOAD);
    }

    @Test
    void deleting_ready_media_deletes_its_bytes_and_records_an_event_and_an_audit_entry() {
        MediaAsset uploaded = uploadAndFinalize(alice, new byte[] {'I', 1, 2}, Optional.empty());
        deliverPendingEvents(alice.tenantId());
        assertThat(blobs.size(uploaded.thumbnailKey())).isPresent();

        delete(alice, uploaded.id());

        assertThat(MediaAsset.storedKeys(alice.tenantId(), uploaded.id())).allSatisfy(key ->
                assertThat(blobs.size(key)).as(key).isEmpty());
        assertThatThrownBy(() -> media(alice, uploaded.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> delete(alice, uploaded.id())).isInstanceOf(NotFoundException.class);
        assertThat(unpublished(core, alice.tenantId())).filteredOn(event ->
                event.type().equals("media.deleted")).singleElement().satisfies(event -> {
                    assertThat(event.subjectId()).isEqualTo(uploaded.id());
                    assertThat(event.payload()).containsEntry("status", "READY").containsEntry("sizeBytes", 3L);
                });
        assertThat(memory.inTenant(alice.tenantId(), auditLog::entries)).filteredOn(entry ->
                entry.action().equals("media.deleted")).singleElement().satisfies(entry -> {
                    assertThat(entry.actorId()).contains(alice.accountId());
                    assertThat(entry.targetId()).isEqualTo(uploaded.id().toString());
                    assertThat(entry.clientIp()).contains("203.0.113.9");
                });
    }

    @Test
    void the_uploader_or_an_admin_deletes_others_who_see_it_are_refused_and_the_rest_do_not_find_it() {
        MediaAsset inSpace = uploadAndFinalize(alice, new byte[] {'I'}, Optional.of(READABLE_SPACE));
        MediaAsset private_ = uploadAndFinalize(alice, new byte[] {'I'}, Optional.empty());
        UploadIntent pending = intent(3);
        Actor otherTenantAdmin = new Actor(TestTenants.GLOBEX, admin.accountId(), Role.ADMIN);

        assertThatThrownBy(() -> delete(bob, inSpace.id())).as("bob reads the space: he sees it")
                .isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> delete(bob, private_.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> delete(otherTenantAdmin, private_.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> delete(bob, UUID.randomUUID())).isInstanceOf(NotFoundException.class);
        assertThat(media(alice, inSpace.id()).id()).as("refusals change nothing").isEqualTo(inSpace.id());

        delete(admin, private_.id());
        delete(alice, inSpace.id());
        delete(alice, pending.asset().id());

        assertThat(List.of(private_.id(), inSpace.id(), pending.asset().id())).allSatisfy(id ->
                assertThatThrownBy(() -> media(admin, id)).isInstanceOf(NotFoundException.class));
    }

    @Test
    void media_deleted_while_being_processed_leaves_no_thumbnail_behind() {
        MediaAsset uploaded = uploadAndFinalize(alice, new byte[] {'I', 1}, Optional.empty());
        whileProbing.set(() -> delete(alice, uploaded.id()));

        deliverPendingEvents(alice.tenantId());

        assertThat(probes).as("the worker was at work when the delete came").hasValue(1);
        assertThat(MediaAsset.storedKeys(alice.tenantId(), uploaded.id())).allSatisfy(key ->
                assertThat(blobs.size(key)).as(key).isEmpty());
        assertThat(unpublished(core, alice.tenantId())).extracting(EventEnvelope::type)
                .doesNotContain("media.processed");
    }

    private Page<MediaView> list(Actor actor, Optional<AccountId> uploader, Optional<MediaStatus> status) {
        return core.media().list().media(new ListMediaUseCase.Query(actor, uploader, status,
                PageRequest.firstDefault()));
    }

    @Test
    void the_caller_lists_their_own_uploads_newest_first_with_thumbnails_once_ready() {
        MediaAsset ready = uploadAndFinalize(alice, new byte[] {'I'}, Optional.empty());
        deliverPendingEvents(alice.tenantId());
        UUID pending = intent(10).asset().id();
        intent(bob, "image/png", 10, Optional.empty());

        Page<MediaView> listed = list(alice, Optional.empty(), Optional.empty());

        assertThat(listed.items()).extracting(view -> view.asset().id()).containsExactly(pending, ready.id());
        assertThat(listed.items().get(1).asset().status()).isEqualTo(MediaStatus.READY);
        assertThat(blobs.get(listed.items().get(1).thumbnailUrl().orElseThrow())).containsExactly(9);
        assertThat(listed.items().get(0).thumbnailUrl()).isEmpty();
        assertThat(list(alice, Optional.empty(), Optional.of(MediaStatus.READY)).items())
                .extracting(view -> view.asset().id()).containsExactly(ready.id());
    }

    @Test
    void an_admin_lists_anyones_uploads_and_others_only_their_own() {
        UUID alices = intent(10).asset().id();

        assertThat(list(admin, Optional.of(alice.accountId()), Optional.empty()).items())
                .extracting(view -> view.asset().id()).containsExactly(alices);
        assertThat(list(alice, Optional.of(alice.accountId()), Optional.empty()).items()).hasSize(1);
        assertThat(list(admin, Optional.empty(), Optional.empty()).items()).as("the admin's own").isEmpty();
        assertThatThrownBy(() -> list(bob, Optional.of(alice.accountId()), Optional.empty()))
                .isInstanceOf(PermissionDeniedException.class);
    }
}
