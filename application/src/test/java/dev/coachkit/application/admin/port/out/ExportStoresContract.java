package dev.coachkit.application.admin.port.out;

import static dev.coachkit.application.testing.CommunityBuilders.aComment;
import static dev.coachkit.application.testing.CommunityBuilders.aPost;
import static dev.coachkit.application.testing.CommunityBuilders.aSpace;
import static dev.coachkit.application.testing.IdentityBuilders.T0;
import static dev.coachkit.application.testing.IdentityBuilders.aMembership;
import static dev.coachkit.application.testing.IdentityBuilders.aTenant;
import static dev.coachkit.application.testing.IdentityBuilders.anAccount;
import static dev.coachkit.application.testing.MediaBuilders.aPendingUpload;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.application.admin.port.out.TenantDataSource.Section;
import dev.coachkit.application.community.port.out.CommentRepository;
import dev.coachkit.application.community.port.out.PostRepository;
import dev.coachkit.application.community.port.out.SpaceMemberRepository;
import dev.coachkit.application.community.port.out.SpaceRepository;
import dev.coachkit.application.identity.port.out.AccountRepository;
import dev.coachkit.application.identity.port.out.MembershipRepository;
import dev.coachkit.application.identity.port.out.RefreshTokenStore;
import dev.coachkit.application.identity.port.out.TenantRepository;
import dev.coachkit.application.media.port.out.AnnotationRepository;
import dev.coachkit.application.media.port.out.MediaRepository;
import dev.coachkit.application.notification.port.out.NotificationRepository;
import dev.coachkit.application.payments.port.out.CreditLedger;
import dev.coachkit.application.payments.port.out.OrderRepository;
import dev.coachkit.application.payments.port.out.ProductRepository;
import dev.coachkit.application.scheduling.port.out.AvailabilityRepository;
import dev.coachkit.application.scheduling.port.out.SessionRepository;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.admin.DataExport;
import dev.coachkit.domain.admin.ExportStatus;
import dev.coachkit.domain.community.Comment;
import dev.coachkit.domain.community.Post;
import dev.coachkit.domain.community.Space;
import dev.coachkit.domain.community.SpaceMember;
import dev.coachkit.domain.community.SpaceRole;
import dev.coachkit.domain.identity.Account;
import dev.coachkit.domain.identity.ClientDevice;
import dev.coachkit.domain.identity.RefreshToken;
import dev.coachkit.domain.identity.Tenant;
import dev.coachkit.domain.identity.TokenHash;
import dev.coachkit.domain.media.Annotation;
import dev.coachkit.domain.media.Drawing;
import dev.coachkit.domain.media.MediaAsset;
import dev.coachkit.domain.media.Point;
import dev.coachkit.domain.media.Shape;
import dev.coachkit.domain.media.ShapeKind;
import dev.coachkit.domain.notification.Notification;
import dev.coachkit.domain.payments.CreditLot;
import dev.coachkit.domain.payments.LedgerReason;
import dev.coachkit.domain.payments.Money;
import dev.coachkit.domain.payments.Order;
import dev.coachkit.domain.payments.Product;
import dev.coachkit.domain.scheduling.Session;
import dev.coachkit.domain.scheduling.WeeklyAvailability;
import dev.coachkit.domain.scheduling.WeeklySlot;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.Role;
import dev.coachkit.domain.shared.TenantId;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What the export stores guarantee on every adapter: exports keep their progress, and the tenant
 * data source hands out a member's rows, or the whole tenant's, and never another tenant's. Each
 * test seeds tenants of its own: Ann and Bob in one, Cid in another.
 */
public abstract class ExportStoresContract {

    /** The stores the contract seeds data through, of the same adapter family as the source. */
    public record Seeding(AccountRepository accounts, TenantRepository tenants, MembershipRepository memberships,
            SpaceRepository spaces, SpaceMemberRepository spaceMembers, PostRepository posts,
            CommentRepository comments, SessionRepository sessions, AvailabilityRepository availabilities,
            NotificationRepository notifications, MediaRepository media, RefreshTokenStore refreshTokens,
            ProductRepository products, OrderRepository orders, CreditLedger creditLedger,
            AnnotationRepository annotations) {}

    protected abstract UnitOfWork unitOfWork();

    protected abstract DataExportRepository exports();

    protected abstract TenantDataSource tenantData();

    protected abstract Seeding seeding();

    /** One member's seeded rows: one of each kind, and the lot their paid order granted with its ledger entry. */
    private record Seeded(AccountId id, String email, Space space, Post post, Comment comment, Session session,
            Notification notification, MediaAsset media, RefreshToken signIn, Order order, CreditLot lot,
            UUID purchase, Annotation annotation) {}

    private static final Instant PAID_AT = T0.plusSeconds(60);
    private static final Drawing DRAWING = new Drawing(1, List.of(new Shape(ShapeKind.ARROW,
            List.of(new Point(0.25, 0.5), new Point(1, 0)), "#00FF88", Optional.of(2.5), Optional.of("here"))));

    private final TenantId acme = tenant();
    private final TenantId globex = tenant();
    private final Seeded ann = member(acme, "Ann");
    private final Seeded bob = member(acme, "Bob");
    private final Seeded cid = member(globex, "Cid");

    private TenantId tenant() {
        Tenant tenant = aTenant().build();
        unitOfWork().runInTenant(tenant.id(), () -> seeding().tenants().add(tenant));
        return tenant.id();
    }

    /**
     * A member with a space of their own, a post and a comment on it, a session, availability, a notification,
     * media with an annotation of theirs on it, a signed-in device, and a paid order of a pack of 5 credits (for any coach) with the lot it granted.
     */
    private Seeded member(TenantId tenant, String name) {
        Account account = anAccount().named(name, "Tester").inTimeZone("Europe/Oslo").build();
        unitOfWork().withoutTenant(() -> {
            seeding().accounts().add(account);
            return null;
        });
        AccountId id = account.id();
        Space space = aSpace(tenant, id).build();
        Post post = aPost(space, id).saying(name + " trained today").build();
        Comment comment = aComment(post, id, T0.plusSeconds(1));
        Session session = Session.book(UUID.randomUUID(), tenant, id, id, Optional.of(space.id()),
                T0.plus(Duration.ofDays(1)), T0.plus(Duration.ofDays(1)).plus(Duration.ofHours(1)),
                Optional.of(name + "'s session"), T0);
        Notification notification = new Notification(UUID.randomUUID(), tenant, id, "post.created", "For " + name,
                "body", "post", post.id(), T0, null);
        MediaAsset media = aPendingUpload().inTenant(tenant).uploadedBy(id).build();
        Product pack = new Product(UUID.randomUUID(), tenant, name + "'s pack", Optional.empty(), 5,
                Money.of(4_900, "EUR"), Optional.empty(), Optional.empty(), true, T0);
        Order order = Order.place(UUID.randomUUID(), pack, id, Optional.of(account.email().value()), Optional.empty(),
                T0).pay(Optional.of("pi_" + UUID.randomUUID()), PAID_AT).orElseThrow();
        CreditLot lot = order.creditLot(UUID.randomUUID());
        UUID purchase = UUID.randomUUID();
        Annotation annotation = Annotation.reconstitute(UUID.randomUUID(), tenant, media.id(), id, 1_500,
                Optional.of(2_000L), Optional.of(name + "'s note"), Optional.of(DRAWING), Optional.empty(), T0,
                T0.plusSeconds(30));
        unitOfWork().runInTenant(tenant, () -> {
            seeding().memberships().add(aMembership().inTenant(tenant).of(id).as(Role.COACH).build());
            seeding().spaces().add(space);
            seeding().spaceMembers().add(new SpaceMember(tenant, space.id(), id, SpaceRole.OWNER, T0));
            seeding().posts().add(post);
            seeding().comments().add(comment);
            seeding().sessions().add(session);
            seeding().availabilities().replace(new WeeklyAvailability(tenant, id, ZoneId.of("Europe/Berlin"),
                    List.of(new WeeklySlot(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(12, 0))), T0, false));
            seeding().notifications().add(notification);
            seeding().media().add(media);
            seeding().products().add(pack);
            seeding().orders().add(order);
            seeding().creditLedger().grant(lot, LedgerReason.PURCHASE, purchase);
            seeding().annotations().add(annotation);
        });
        RefreshToken signIn = RefreshToken.issue(UUID.randomUUID(), UUID.randomUUID(), id, tenant,
                TokenHash.of(UUID.randomUUID().toString()), T0, T0.plus(Duration.ofDays(30)));
        unitOfWork().withoutTenant(() -> {
            seeding().refreshTokens().add(signIn, new ClientDevice(Optional.of("203.0.113.5"),
                    Optional.of(name + "'s browser")));
            return null;
        });
        return new Seeded(id, account.email().value(), space, post, comment, session, notification, media, signIn,
                order, lot, purchase, annotation);
    }

    private List<Map<String, Object>> rows(TenantId tenant, Optional<AccountId> subject, Section section) {
        List<Map<String, Object>> rows = new ArrayList<>();
        unitOfWork().runInTenant(tenant, () -> tenantData().stream(tenant, subject, section, rows::add));
        return rows;
    }

    private List<Object> column(TenantId tenant, Optional<AccountId> subject, Section section, String key) {
        return rows(tenant, subject, section).stream().map(row -> row.get(key)).toList();
    }

    @Test
    void an_export_keeps_its_progress_in_its_tenant_only() {
        DataExport requested = DataExport.request(UUID.randomUUID(), acme, ann.id(), Optional.of(bob.id()), T0);
        unitOfWork().runInTenant(acme, () -> exports().add(requested));
        DataExport ready = requested.ready(T0.plusSeconds(5));
        unitOfWork().runInTenant(acme, () -> exports().update(ready));

        DataExport found = unitOfWork().inTenant(acme, () -> exports().find(acme, requested.id())).orElseThrow();

        assertThat(found).usingRecursiveComparison().isEqualTo(ready);
        assertThat(unitOfWork().inTenant(globex, () -> exports().find(globex, requested.id()))).isEmpty();
    }

    @Test
    void a_failed_whole_tenant_export_keeps_its_reason() {
        DataExport requested = DataExport.request(UUID.randomUUID(), acme, ann.id(), Optional.empty(), T0);
        unitOfWork().runInTenant(acme, () -> exports().add(requested));
        unitOfWork().runInTenant(acme, () -> exports().update(requested.failed("disk full", T0.plusSeconds(1))));

        DataExport found = unitOfWork().inTenant(acme, () -> exports().find(acme, requested.id())).orElseThrow();

        assertThat(found.status()).isEqualTo(ExportStatus.FAILED);
        assertThat(found.failureReason()).contains("disk full");
        assertThat(found.subject()).isEmpty();
    }

    @Test
    void a_member_export_holds_that_members_rows_of_every_section_and_nobody_elses() {
        Optional<AccountId> subject = Optional.of(ann.id());

        List<Map<String, Object>> members = rows(acme, subject, Section.MEMBERS);
        assertThat(members).singleElement().satisfies(row -> {
            assertThat(row).containsEntry("userId", ann.id().value()).containsEntry("email", ann.email())
                    .containsEntry("firstName", "Ann").containsEntry("lastName", "Tester")
                    .containsEntry("timeZone", "Europe/Oslo").containsEntry("role", "COACH").containsEntry("joinedAt", T0);
        });
        assertThat(column(acme, subject, Section.SPACES, "id")).containsExactly(ann.space().id());
        assertThat(column(acme, subject, Section.SPACE_MEMBERS, "userId")).containsExactly(ann.id().value());
        assertThat(rows(acme, subject, Section.POSTS)).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("id", ann.post().id()).containsEntry("content", "Ann trained today")
                .containsEntry("mediaIds", List.of()).containsEntry("createdAt", T0).containsEntry("deletedAt", null));
        assertThat(column(acme, subject, Section.COMMENTS, "id")).containsExactly(ann.comment().id());
        assertThat(rows(acme, subject, Section.SESSIONS)).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("id", ann.session().id()).containsEntry("notes", "Ann's session")
                .containsEntry("status", "SCHEDULED"));
        assertThat(rows(acme, subject, Section.AVAILABILITY)).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("coachId", ann.id().value()).containsEntry("timeZone", "Europe/Berlin")
                .containsEntry("dayOfWeek", "MONDAY").containsEntry("startTime", LocalTime.of(9, 0)));
        assertThat(column(acme, subject, Section.NOTIFICATIONS, "id")).containsExactly(ann.notification().id());
        assertThat(rows(acme, subject, Section.MEDIA)).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("id", ann.media().id()).containsEntry("uploaderId", ann.id().value())
                .containsEntry("status", "PENDING_UPLOAD").containsEntry("sizeBytes", 1024L));
        assertThat(rows(acme, subject, Section.SIGNED_IN_DEVICES)).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("id", ann.signIn().familyId()).containsEntry("userId", ann.id().value())
                .containsEntry("createdAt", T0).containsEntry("lastUsedAt", T0)
                .containsEntry("expiresAt", T0.plus(Duration.ofDays(30))).containsEntry("revokedAt", null)
                .containsEntry("ip", "203.0.113.5").containsEntry("userAgent", "Ann's browser"));
        assertThat(rows(acme, subject, Section.ORDERS)).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("id", ann.order().id()).containsEntry("productId", ann.order().productId())
                .containsEntry("buyerId", ann.id().value()).containsEntry("buyerEmail", ann.email())
                .containsEntry("amountCents", 4_900L).containsEntry("currency", "EUR").containsEntry("credits", 5)
                .containsEntry("status", "PAID")
                .containsEntry("paymentReference", ann.order().paymentReference().orElseThrow())
                .containsEntry("sessionId", null).containsEntry("createdAt", T0).containsEntry("paidAt", PAID_AT)
                .containsEntry("refundedAt", null));
        assertThat(rows(acme, subject, Section.CREDIT_LEDGER)).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("id", ann.purchase()).containsEntry("accountId", ann.id().value())
                .containsEntry("lotId", ann.lot().id()).containsEntry("delta", 5).containsEntry("reason", "PURCHASE")
                .containsEntry("orderId", ann.order().id()).containsEntry("sessionId", null)
                .containsEntry("createdAt", PAID_AT));
        assertThat(rows(acme, subject, Section.ANNOTATIONS)).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("id", ann.annotation().id()).containsEntry("mediaId", ann.media().id())
                .containsEntry("authorId", ann.id().value()).containsEntry("atMs", 1_500L)
                .containsEntry("endMs", 2_000L).containsEntry("text", "Ann's note")
                .containsEntry("drawing", Map.of("version", 1, "shapes", List.of(Map.of("kind", "arrow",
                        "points", List.of(List.of(0.25, 0.5), List.of(1.0, 0.0)), "color", "#00FF88", "width", 2.5,
                        "label", "here"))))
                .containsEntry("audioMediaId", null).containsEntry("createdAt", T0)
                .containsEntry("updatedAt", T0.plusSeconds(30)));
    }

    @Test
    void a_whole_tenant_export_holds_every_member_and_nothing_of_another_tenant() {
        Optional<AccountId> everyone = Optional.empty();

        assertThat(column(acme, everyone, Section.MEMBERS, "userId"))
                .containsExactlyInAnyOrder(ann.id().value(), bob.id().value());
        assertThat(column(acme, everyone, Section.SPACES, "id"))
                .containsExactlyInAnyOrder(ann.space().id(), bob.space().id());
        assertThat(column(acme, everyone, Section.POSTS, "id"))
                .containsExactlyInAnyOrder(ann.post().id(), bob.post().id());
        assertThat(column(acme, everyone, Section.COMMENTS, "id"))
                .containsExactlyInAnyOrder(ann.comment().id(), bob.comment().id());
        assertThat(column(acme, everyone, Section.SESSIONS, "id"))
                .containsExactlyInAnyOrder(ann.session().id(), bob.session().id());
        assertThat(column(acme, everyone, Section.NOTIFICATIONS, "id"))
                .containsExactlyInAnyOrder(ann.notification().id(), bob.notification().id());
        assertThat(column(acme, everyone, Section.MEDIA, "id"))
                .containsExactlyInAnyOrder(ann.media().id(), bob.media().id());
        assertThat(column(acme, everyone, Section.SIGNED_IN_DEVICES, "id"))
                .containsExactlyInAnyOrder(ann.signIn().familyId(), bob.signIn().familyId());
        assertThat(column(acme, everyone, Section.ORDERS, "id"))
                .containsExactlyInAnyOrder(ann.order().id(), bob.order().id());
        assertThat(column(acme, everyone, Section.CREDIT_LEDGER, "id"))
                .containsExactlyInAnyOrder(ann.purchase(), bob.purchase());
        assertThat(column(globex, everyone, Section.MEMBERS, "userId")).containsExactly(cid.id().value());
        assertThat(column(globex, everyone, Section.SIGNED_IN_DEVICES, "id")).containsExactly(cid.signIn().familyId());
        assertThat(column(globex, everyone, Section.ORDERS, "id")).containsExactly(cid.order().id());
        assertThat(column(globex, everyone, Section.CREDIT_LEDGER, "id")).containsExactly(cid.purchase());
        assertThat(column(acme, everyone, Section.ANNOTATIONS, "id"))
                .containsExactlyInAnyOrder(ann.annotation().id(), bob.annotation().id());
        assertThat(column(globex, everyone, Section.ANNOTATIONS, "id")).containsExactly(cid.annotation().id());
    }

    @Test
    void a_session_belongs_to_the_exports_of_its_coach_and_of_its_athlete() {
        Session lesson = Session.book(UUID.randomUUID(), acme, bob.id(), ann.id(), Optional.empty(),
                T0.plus(Duration.ofDays(2)), T0.plus(Duration.ofDays(2)).plus(Duration.ofHours(1)), Optional.empty(),
                T0);
        unitOfWork().runInTenant(acme, () -> seeding().sessions().add(lesson));

        assertThat(column(acme, Optional.of(ann.id()), Section.SESSIONS, "id")).contains(lesson.id())
                .doesNotContain(bob.session().id());
        assertThat(column(acme, Optional.of(bob.id()), Section.SESSIONS, "id")).contains(lesson.id())
                .doesNotContain(ann.session().id());
    }

    @Test
    void a_member_of_another_tenant_has_nothing_to_export_here() {
        for (Section section : Section.values()) {
            assertThat(rows(acme, Optional.of(cid.id()), section)).as(section.name()).isEmpty();
        }
    }
}
