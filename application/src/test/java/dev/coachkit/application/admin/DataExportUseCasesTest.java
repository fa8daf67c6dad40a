package dev.coachkit.application.admin;

import static dev.coachkit.application.testing.CommunityBuilders.aPost;
import static dev.coachkit.application.testing.CommunityBuilders.aSpace;
import static dev.coachkit.application.testing.IdentityBuilders.aMembership;
import static dev.coachkit.application.testing.IdentityBuilders.aTenant;
import static dev.coachkit.application.testing.IdentityBuilders.anAccount;
import static dev.coachkit.application.testing.MediaBuilders.aPendingUpload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.application.CoachKit;
import dev.coachkit.application.admin.port.in.GetExportUseCase;
import dev.coachkit.application.admin.port.in.RequestExportUseCase;
import dev.coachkit.application.audit.port.in.SearchAuditTrailUseCase;
import dev.coachkit.application.events.envelope.EventEnvelope;
import dev.coachkit.application.media.port.out.BlobStore;
import dev.coachkit.application.memory.InMemoryAccounts;
import dev.coachkit.application.memory.InMemoryAuditLog;
import dev.coachkit.application.memory.InMemoryBlobStore;
import dev.coachkit.application.memory.InMemoryComments;
import dev.coachkit.application.memory.InMemoryEventOutbox;
import dev.coachkit.application.memory.InMemoryInvitations;
import dev.coachkit.application.memory.InMemoryMedia;
import dev.coachkit.application.memory.InMemoryMemberships;
import dev.coachkit.application.memory.InMemoryPosts;
import dev.coachkit.application.memory.InMemoryRefreshTokens;
import dev.coachkit.application.memory.InMemorySpaceMembers;
import dev.coachkit.application.memory.InMemorySpaces;
import dev.coachkit.application.memory.InMemoryTenants;
import dev.coachkit.application.memory.InMemoryUnitOfWork;
import dev.coachkit.application.testing.TickingClock;
import dev.coachkit.domain.admin.DataExport;
import dev.coachkit.domain.admin.ExportStatus;
import dev.coachkit.domain.audit.AuditEntry;
import dev.coachkit.domain.community.Post;
import dev.coachkit.domain.community.Space;
import dev.coachkit.domain.identity.Account;
import dev.coachkit.domain.identity.Tenant;
import dev.coachkit.domain.media.MediaAsset;
import dev.coachkit.domain.shared.Actor;
import dev.coachkit.domain.shared.NotFoundException;
import dev.coachkit.domain.shared.PageRequest;
import dev.coachkit.domain.shared.PermissionDeniedException;
import dev.coachkit.domain.shared.Role;
import dev.coachkit.domain.shared.TenantId;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/** GDPR exports on the in-memory core: who may ask, what the archive holds, its link, and failure. */
class DataExportUseCasesTest {

    private static final Duration LINK_LIFETIME = Duration.ofMinutes(30);

    private final TickingClock clock = new TickingClock();
    private final InMemoryBlobStore blobs = new InMemoryBlobStore(clock);
    private final InMemoryUnitOfWork memory = new InMemoryUnitOfWork();
    private final InMemoryAccounts accounts = new InMemoryAccounts(memory);
    private final InMemoryTenants tenants = new InMemoryTenants(memory);
    private final InMemoryMemberships memberships = new InMemoryMemberships(memory, accounts, tenants);
    private final InMemorySpaceMembers spaceMembers = new InMemorySpaceMembers(memory);
    private final InMemorySpaces spaces = new InMemorySpaces(memory, spaceMembers);
    private final InMemoryPosts posts = new InMemoryPosts(memory, spaces);
    private final InMemoryMedia media = new InMemoryMedia(memory);

    private final TenantId acme = tenant();
    private final Actor admin = member(acme, "Ada", Role.ADMIN);
    private final Actor ann = member(acme, "Ann", Role.ATHLETE);
    private final Actor bob = member(acme, "Bob", Role.COACH);
    private final Actor otherAdmin = member(tenant(), "Oz", Role.ADMIN);

    private CoachKit core(BlobStore store) {
        return CoachKit.builder().clock(clock).blobStore(store).unitOfWork(memory)
                .eventOutbox(new InMemoryEventOutbox(memory, clock))
                .identityStores(accounts, tenants, memberships, new InMemoryInvitations(memory),
                        new InMemoryRefreshTokens(), new InMemoryAuditLog(memory))
                .communityStores(spaces, spaceMembers, posts, new InMemoryComments(posts))
                .mediaStores(media).exportSettings(new ExportSettings(LINK_LIFETIME))
                .withInMemoryAdapters().build();
    }

    private final CoachKit core = core(blobs);

    private TenantId tenant() {
        Tenant tenant = aTenant().build();
        memory.runInTenant(tenant.id(), () -> tenants.add(tenant));
        return tenant.id();
    }

    private Actor member(TenantId tenant, String name, Role role) {
        Account account = anAccount().named(name, "Tester").withEmail(name.toLowerCase() + "@example.test").build();
        memory.withoutTenant(() -> {
            accounts.add(account);
            return null;
        });
        memory.runInTenant(tenant, () -> memberships.add(aMembership().inTenant(tenant).of(account.id()).as(role)
                .build()));
        return new Actor(tenant, account.id(), role);
    }

    /** A post by the actor in a space of their own, and an uploaded media asset. */
    private MediaAsset postAndUpload(Actor author, String content) {
        Space space = aSpace(author.tenantId(), author.accountId()).build();
        Post post = aPost(space, author.accountId()).saying(content).build();
        MediaAsset asset = aPendingUpload().inTenant(author.tenantId()).uploadedBy(author.accountId()).build()
                .uploaded(1024, Instant.parse("2026-11-25T10:00:00Z"));
        memory.runInTenant(author.tenantId(), () -> {
            spaces.add(space);
            posts.add(post);
            media.add(asset);
        });
        blobs.write(asset.objectKey(), (content + " video").getBytes(StandardCharsets.UTF_8), "video/mp4");
        return asset;
    }

    private DataExport request(CoachKit kit, Actor actor, Optional<UUID> userId) {
        return kit.exports().request().request(new RequestExportUseCase.Command(actor, userId,
                Optional.of("203.0.113.7")));
    }

    private GetExportUseCase.Result status(CoachKit kit, Actor actor, UUID exportId) {
        return kit.exports().status().export(new GetExportUseCase.Query(actor, exportId));
    }

    private void deliverPendingEvents(CoachKit kit, TenantId tenant) {
        for (EventEnvelope event : unpublished(kit, tenant)) {
            kit.handleEvent().handle(event);
        }
    }

    /** The events the core recorded and has not published yet: {@link #core(BlobStore)} gives it an in-memory outbox. */
    private static List<EventEnvelope> unpublished(CoachKit kit, TenantId tenant) {
        return ((InMemoryEventOutbox) kit.eventOutbox()).unpublished(tenant);
    }

    /** The archive's files by name, as text. */
    private Map<String, String> download(URI url) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(blobs.get(url)))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                files.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    @Test
    void a_member_export_becomes_a_zip_of_json_files_holding_their_data_and_nobody_elses() throws IOException {
        MediaAsset annsVideo = postAndUpload(ann, "Ann's \"long\" run\nday 1");
        postAndUpload(bob, "Bob's secret drill");
        DataExport requested = request(core, admin, Optional.of(ann.accountId().value()));
        assertThat(requested.status()).isEqualTo(ExportStatus.PENDING);
        assertThat(status(core, admin, requested.id()).downloadUrl()).isEmpty();

        deliverPendingEvents(core, acme);

        Instant asked = clock.now();
        GetExportUseCase.Result ready = status(core, admin, requested.id());
        assertThat(ready.export().status()).isEqualTo(ExportStatus.READY);
        assertThat(ready.expiresAt().orElseThrow()).isBetween(asked.plus(LINK_LIFETIME),
                clock.now().plus(LINK_LIFETIME));
        Map<String, String> files = download(ready.downloadUrl().orElseThrow());
        assertThat(files).containsOnlyKeys("export.json", "members.json", "spaces.json", "space-members.json",
                "posts.json", "comments.json", "sessions.json", "availability.json", "notifications.json",
                "media.json", "signed-in-devices.json", "orders.json", "credit-ledger.json", "annotations.json");
        assertThat(files.get("members.json")).contains("ann@example.test").doesNotContain("bob@example.test")
                .doesNotContain("ada@example.test");
        assertThat(files.get("posts.json")).contains("\"content\":\"Ann's \\\"long\\\" run\\nday 1\"")
                .doesNotContain("Bob's secret drill");
        assertThat(files.get("media.json")).contains(annsVideo.id().toString())
                .contains("\"originalUrl\":\"memory:/" + annsVideo.objectKey());
        assertThat(files.get("export.json")).contains(ann.accountId().value().toString());
        String allFiles = String.join("\n", files.values());
        assertThat(allFiles).doesNotContain(bob.accountId().value().toString());
    }

    @Test
    void the_media_links_inside_the_archive_open_the_originals_until_they_expire() throws IOException {
        MediaAsset video = postAndUpload(ann, "Ann's sprint");
        DataExport requested = request(core, admin, Optional.of(ann.accountId().value()));
        deliverPendingEvents(core, acme);
        String media = download(status(core, admin, requested.id()).downloadUrl().orElseThrow()).get("media.json");
        assertThat(media).contains("\"id\":\"" + video.id() + "\"");
        URI original = URI.create(media.replaceAll("(?s).*\"originalUrl\":\"([^\"]+)\".*", "$1"));

        assertThat(new String(blobs.get(original), StandardCharsets.UTF_8)).isEqualTo("Ann's sprint video");
        clock.advance(LINK_LIFETIME.plusSeconds(1));
        assertThatThrownBy(() -> blobs.get(original)).isInstanceOf(PermissionDeniedException.class);
    }

    @Test
    void a_whole_tenant_export_holds_every_member() throws IOException {
        postAndUpload(ann, "Ann's plan");
        postAndUpload(bob, "Bob's plan");
        DataExport requested = request(core, admin, Optional.empty());

        deliverPendingEvents(core, acme);

        Map<String, String> files = download(status(core, admin, requested.id()).downloadUrl().orElseThrow());
        assertThat(files.get("members.json")).contains("ada@example.test", "ann@example.test", "bob@example.test")
                .doesNotContain("oz@example.test");
        assertThat(files.get("posts.json")).contains("Ann's plan", "Bob's plan");
    }

    @Test
    void the_request_is_recorded_as_an_event_and_audited_with_the_client_address() {
        DataExport requested = request(core, admin, Optional.of(bob.accountId().value()));

        assertThat(unpublished(core, acme)).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo("export.requested");
            assertThat(event.subjectId()).isEqualTo(requested.id());
        });
        List<AuditEntry> audit = core.admin().auditTrail().search(new SearchAuditTrailUseCase.Query(admin,
                new SearchAuditTrailUseCase.Filter(Optional.of("data.export_requested"), Optional.empty(), Optional.empty(),
                        Optional.empty()), PageRequest.first(10))).items();
        assertThat(audit).singleElement().satisfies(entry -> {
            assertThat(entry.actorId()).contains(admin.accountId());
            assertThat(entry.targetId()).isEqualTo(requested.id().toString());
            assertThat(entry.clientIp()).contains("203.0.113.7");
            assertThat(entry.details()).containsEntry("userId", bob.accountId().value().toString());
        });
    }

    @Test
    void only_admins_export_and_only_members_of_their_own_organization() {
        assertThatThrownBy(() -> request(core, bob, Optional.empty())).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> request(core, admin, Optional.of(otherAdmin.accountId().value())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> request(core, admin, Optional.of(UUID.randomUUID())))
                .isInstanceOf(NotFoundException.class);
        assertThat(unpublished(core, acme)).isEmpty();
    }

    @Test
    void another_organizations_export_is_not_found_and_members_cannot_follow_exports() {
        DataExport requested = request(core, admin, Optional.empty());

        assertThatThrownBy(() -> status(core, otherAdmin, requested.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> status(core, ann, requested.id())).isInstanceOf(PermissionDeniedException.class);
    }

    @Test
    void an_archive_that_cannot_be_stored_fails_the_export_with_the_reason() {
        CoachKit failing = core(storeRefusingFiles());
        DataExport requested = request(failing, admin, Optional.empty());

        deliverPendingEvents(failing, acme);

        GetExportUseCase.Result failed = status(failing, admin, requested.id());
        assertThat(failed.export().status()).isEqualTo(ExportStatus.FAILED);
        assertThat(failed.export().failureReason()).hasValueSatisfying(reason -> assertThat(reason)
                .contains("storage is full"));
        assertThat(failed.downloadUrl()).isEmpty();
    }

    @Test
    void a_redelivered_request_builds_the_archive_once() {
        request(core, admin, Optional.empty());
        List<EventEnvelope> events = unpublished(core, acme);

        events.forEach(core.handleEvent()::handle);
        events.forEach(core.handleEvent()::handle);

        assertThat(unpublished(core, acme)).hasSize(1);
    }

    /** The in-memory store, except that storing a file fails as a full disk would. */
    private BlobStore storeRefusingFiles() {
        return (BlobStore) Proxy.newProxyInstance(BlobStore.class.getClassLoader(), new Class<?>[] {BlobStore.class},
                (proxy, method, arguments) -> {
                    if (method.getName().equals("write") && arguments[1] instanceof Path) {
                        throw new UncheckedIOException(new IOException("storage is full"));
                    }
                    try {
                        return method.invoke(blobs, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
