package dev.coachkit.application.identity;

import static dev.coachkit.application.testing.IdentityBuilders.T0;
import static dev.coachkit.application.testing.MediaBuilders.aPendingUpload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.application.CoachKit;
import dev.coachkit.application.admin.port.in.EraseMemberUseCase;
import dev.coachkit.application.identity.port.in.AcceptInvitationUseCase;
import dev.coachkit.application.identity.port.in.AuthResult;
import dev.coachkit.application.identity.port.in.InviteMemberUseCase;
import dev.coachkit.application.identity.port.in.RegisterAccountUseCase;
import dev.coachkit.application.identity.port.in.UpdateProfileUseCase;
import dev.coachkit.application.identity.port.in.UpdateProfileUseCase.AvatarChange;
import dev.coachkit.application.media.port.in.DeleteMediaUseCase;
import dev.coachkit.application.memory.InMemoryMedia;
import dev.coachkit.application.memory.InMemoryUnitOfWork;
import dev.coachkit.application.testing.TickingClock;
import dev.coachkit.domain.identity.Account;
import dev.coachkit.domain.media.MediaAsset;
import dev.coachkit.domain.media.MediaMetadata;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.Actor;
import dev.coachkit.domain.shared.InvalidInputException;
import dev.coachkit.domain.shared.InvalidInputException.FieldError;
import dev.coachkit.domain.shared.Role;
import dev.coachkit.domain.shared.TenantId;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Changing one's profile (issue 20): names, IANA time zone, avatar; specified on the in-memory adapters. */
class UpdateProfileUseCaseTest {

    private static final String PASSWORD = "correct horse battery";

    private final TickingClock clock = new TickingClock();
    private final InMemoryUnitOfWork memory = new InMemoryUnitOfWork();
    private final InMemoryMedia media = new InMemoryMedia(memory);
    private final CoachKit core = CoachKit.builder().clock(clock).unitOfWork(memory).mediaStores(media)
            .withInMemoryAdapters().build();
    private final IdentityModule identity = core.identity();
    private final AuthResult ann = register("ann@club.test");

    @Test
    void each_field_changes_alone_and_the_others_stay() {
        AuthResult.User renamed = update(ann, Optional.of("Annie"), Optional.empty(), Optional.empty(),
                Optional.empty());
        AuthResult.User moved = update(ann, Optional.empty(), Optional.of("Meyer"), Optional.of("Europe/Berlin"),
                Optional.empty());

        assertThat(renamed.firstName()).isEqualTo("Annie");
        assertThat(renamed.lastName()).isEqualTo("Coach");
        assertThat(renamed.timeZone()).isEqualTo("UTC");
        assertThat(moved.firstName()).isEqualTo("Annie");
        assertThat(moved.lastName()).isEqualTo("Meyer");
        assertThat(moved.timeZone()).isEqualTo("Europe/Berlin");
        assertThat(moved.avatarMediaId()).isEmpty();
        assertThat(identity.currentUser().currentUser(actor(ann)).user()).isEqualTo(moved);
    }

    @Test
    void a_ready_image_of_the_caller_becomes_the_avatar_and_null_removes_it() {
        MediaAsset image = stored(readyImage(ann.tenant().id(), ann.user().id()));

        AuthResult.User withAvatar = setAvatar(ann, AvatarChange.to(image.id()));
        AuthResult.User without = setAvatar(ann, AvatarChange.cleared());

        assertThat(withAvatar.avatarMediaId()).contains(image.id());
        assertThat(without.avatarMediaId()).isEmpty();
    }

    @Test
    void an_avatar_of_another_member_another_tenant_or_nowhere_is_refused_in_the_same_words() {
        AuthResult bo = join(ann, "bo@club.test");
        AuthResult stranger = register("cy@elsewhere.test");
        MediaAsset bosImage = stored(readyImage(ann.tenant().id(), bo.user().id()));
        MediaAsset annsImageElsewhere = stored(readyImage(stranger.tenant().id(), ann.user().id()));

        for (UUID id : new UUID[] {bosImage.id(), annsImageElsewhere.id(), UUID.randomUUID()}) {
            assertRefused(() -> setAvatar(ann, AvatarChange.to(id)),
                    new FieldError("avatarMediaId", Account.NOT_YOUR_MEDIA));
        }
    }

    @Test
    void an_avatar_that_is_no_image_or_not_ready_is_refused() {
        TenantId club = ann.tenant().id();
        AccountId me = ann.user().id();
        MediaAsset video = stored(aPendingUpload().inTenant(club).uploadedBy(me).ofType("video/mp4").build());
        MediaAsset pending = stored(aPendingUpload().inTenant(club).uploadedBy(me).build());

        assertRefused(() -> setAvatar(ann, AvatarChange.to(video.id())),
                new FieldError("avatarMediaId", "must be an image, not a video"));
        assertRefused(() -> setAvatar(ann, AvatarChange.to(pending.id())),
                new FieldError("avatarMediaId", "must be READY; this image is PENDING_UPLOAD"));
    }

    @Test
    void every_refused_field_is_named_at_once_and_nothing_changes() {
        assertRefused(() -> update(ann, Optional.of(" "), Optional.of("x".repeat(101)), Optional.of("+02:00"),
                Optional.of(AvatarChange.to(UUID.randomUUID()))),
                new FieldError("firstName", "must not be blank"),
                new FieldError("lastName", "must be at most 100 characters"),
                new FieldError("timeZone", "must be an IANA time zone such as Europe/Berlin or UTC, not an offset"
                        + " or an abbreviation"),
                new FieldError("avatarMediaId", Account.NOT_YOUR_MEDIA));

        assertThat(identity.currentUser().currentUser(actor(ann)).user()).isEqualTo(ann.user());
    }

    @Test
    void a_command_that_changes_nothing_is_refused_naming_the_body() {
        assertThatThrownBy(() -> new UpdateProfileUseCase.Command(actor(ann), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("body"));
    }

    @Test
    void deleting_the_avatar_media_takes_it_off_the_profile_in_the_same_unit_of_work() {
        MediaAsset image = stored(readyImage(ann.tenant().id(), ann.user().id()));
        setAvatar(ann, AvatarChange.to(image.id()));

        core.media().delete().delete(new DeleteMediaUseCase.Command(actor(ann), image.id(), Optional.empty()));

        assertThat(identity.currentUser().currentUser(actor(ann)).user().avatarMediaId()).isEmpty();
    }

    @Test
    void erasing_a_member_takes_the_avatar_uploaded_there_off_the_account_kept_for_other_tenants() {
        AuthResult bo = register("bo@own.test");
        AuthResult boInAnnsClub = join(ann, "bo@own.test", bo);
        MediaAsset image = stored(readyImage(ann.tenant().id(), bo.user().id()));
        setAvatar(boInAnnsClub, AvatarChange.to(image.id()));

        core.admin().eraseMember().erase(new EraseMemberUseCase.Command(actor(ann), bo.user().id(), Optional.empty()));

        AuthResult.User kept = identity.currentUser().currentUser(actor(bo)).user();
        assertThat(kept.email()).as("kept for his own organization").isEqualTo("bo@own.test");
        assertThat(kept.avatarMediaId()).isEmpty();
    }

    private AuthResult.User update(AuthResult session, Optional<String> firstName, Optional<String> lastName,
            Optional<String> timeZone, Optional<AvatarChange> avatar) {
        return identity.updateProfile().updateProfile(new UpdateProfileUseCase.Command(actor(session), firstName,
                lastName, timeZone, avatar));
    }

    private AuthResult.User setAvatar(AuthResult session, AvatarChange change) {
        return update(session, Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(change));
    }

    private static void assertRefused(Runnable change, FieldError... errors) {
        assertThatThrownBy(change::run).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors()).containsExactlyInAnyOrder(errors));
    }

    private MediaAsset stored(MediaAsset asset) {
        memory.runInTenant(asset.tenantId(), () -> media.add(asset));
        return asset;
    }

    private static MediaAsset readyImage(TenantId tenant, AccountId uploader) {
        return aPendingUpload().inTenant(tenant).uploadedBy(uploader).build().uploaded(1024, T0)
                .ready(MediaMetadata.image(64, 48));
    }

    private AuthResult register(String email) {
        return identity.register().register(new RegisterAccountUseCase.Command(email, PASSWORD, "Ann", "Coach",
                "Club " + email, Optional.empty(), Optional.empty()));
    }

    private AuthResult join(AuthResult admin, String email) {
        String token = invite(admin, email);
        return identity.acceptInvitation().accept(new AcceptInvitationUseCase.Command(token, Optional.empty(),
                Optional.of(new AcceptInvitationUseCase.NewAccount("another good password", "Bo", "Athlete")),
                Optional.empty(), Optional.empty()));
    }

    private AuthResult join(AuthResult admin, String email, AuthResult existing) {
        return identity.acceptInvitation().accept(new AcceptInvitationUseCase.Command(invite(admin, email),
                Optional.of(identity.authenticate().authenticate(existing.accessToken())), Optional.empty(),
                Optional.empty(), Optional.empty()));
    }

    private String invite(AuthResult admin, String email) {
        return identity.invite().invite(new InviteMemberUseCase.Command(actor(admin), admin.tenant().id(), email,
                Role.ATHLETE, Optional.empty())).acceptToken();
    }

    private Actor actor(AuthResult session) {
        return identity.authenticate().authenticate(session.accessToken()).actor();
    }
}
