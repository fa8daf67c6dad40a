package dev.coachkit.adapters.http.identity;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.coachkit.application.identity.port.in.AuthResult;
import dev.coachkit.application.identity.port.in.GetCurrentUserUseCase.CurrentUser;
import dev.coachkit.application.identity.port.in.InviteMemberUseCase.IssuedInvitation;
import dev.coachkit.application.identity.port.in.ListMembersUseCase.Member;
import dev.coachkit.application.identity.port.in.ListSignedInDevicesUseCase.SignedInDevice;
import dev.coachkit.domain.identity.Membership;
import dev.coachkit.domain.identity.Tenant;
import dev.coachkit.domain.shared.Cursor;
import dev.coachkit.domain.shared.Page;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The JSON shapes the Auth and Tenants endpoints answer with; none exposes a domain type. */
final class IdentityResponses {

    private IdentityResponses() {}

    /** {@code AuthResult}: the token pair, who it is for and in which tenant. */
    record AuthResultResponse(String accessToken, String refreshToken, String tokenType, long expiresIn,
            UserResponse user, TenantRefResponse tenant, RoleName role) {
        static AuthResultResponse from(AuthResult result) {
            return new AuthResultResponse(result.accessToken(), result.refreshToken(), "Bearer",
                    result.expiresIn().toSeconds(), UserResponse.from(result.user()),
                    TenantRefResponse.from(result.tenant()), RoleName.of(result.role()));
        }
    }

    /**
     * An account as its owner sees it: whether its address was verified, the IANA zone its times are shown
     * in, its avatar or null.
     */
    record UserResponse(UUID id, String email, String firstName, String lastName, boolean emailVerified,
            String timeZone, @Nullable UUID avatarMediaId) {
        static UserResponse from(AuthResult.User user) {
            return new UserResponse(user.id().value(), user.email(), user.firstName(), user.lastName(),
                    user.emailVerified(), user.timeZone(), user.avatarMediaId().orElse(null));
        }
    }

    /** {@code POST /auth/password-reset}: the same whether or not an account has the address. */
    record PasswordResetRequestedResponse(String message) {
        static final PasswordResetRequestedResponse ANSWER = new PasswordResetRequestedResponse(
                "If an account has this address, an e-mail with a link to reset its password is on its way.");
    }

    /** A tenant by id and name. */
    record TenantRefResponse(UUID id, String name) {
        static TenantRefResponse from(AuthResult.TenantRef tenant) {
            return new TenantRefResponse(tenant.id().value(), tenant.name());
        }
    }

    /** One of the caller's tenants with the caller's role there. */
    record TenantRoleResponse(UUID id, String name, RoleName role) {}

    /** {@code GET /auth/me}. */
    record MeResponse(UserResponse user, TenantRefResponse tenant, RoleName role, List<TenantRoleResponse> tenants) {
        static MeResponse from(CurrentUser me) {
            return new MeResponse(UserResponse.from(me.user()), TenantRefResponse.from(me.tenant()),
                    RoleName.of(me.role()), me.tenants().stream().map(t -> new TenantRoleResponse(
                            t.tenant().id().value(), t.tenant().name(), RoleName.of(t.role()))).toList());
        }
    }

    /** {@code GET /tenants/{id}}. */
    record TenantResponse(UUID id, String name, Instant createdAt) {
        static TenantResponse from(Tenant tenant) {
            return new TenantResponse(tenant.id().value(), tenant.name(), tenant.createdAt());
        }
    }

    /** A created invitation; the accept token is shown this once. */
    record InvitationResponse(UUID id, String email, RoleName role, String status, Instant expiresAt,
            String acceptToken) {
        static InvitationResponse from(IssuedInvitation issued) {
            var invitation = issued.invitation();
            return new InvitationResponse(invitation.id(), invitation.email().value(), RoleName.of(invitation.role()),
                    invitation.status().name(), invitation.expiresAt(), issued.acceptToken());
        }
    }

    /** One member of a tenant; {@code emailVerified} only in an ADMIN's list. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record MemberResponse(UUID userId, String email, String firstName, String lastName, RoleName role,
            Instant joinedAt, @Nullable Boolean emailVerified) {
        static MemberResponse from(Member member) {
            return new MemberResponse(member.accountId().value(), member.email().value(), member.name().firstName(),
                    member.name().lastName(), RoleName.of(member.role()), member.joinedAt(),
                    member.emailVerified().orElse(null));
        }
    }

    /** A member's role after a change. */
    record MemberRoleResponse(UUID userId, RoleName role, Instant joinedAt) {
        static MemberRoleResponse from(Membership membership) {
            return new MemberRoleResponse(membership.accountId().value(), RoleName.of(membership.role()),
                    membership.joinedAt());
        }
    }

    /** One of the caller's signed-in devices: a live session (refresh-token family) of the account. */
    record SignedInDeviceResponse(UUID id, Instant createdAt, Instant lastUsedAt, @Nullable String ip,
            @Nullable String userAgent, boolean current) {
        static SignedInDeviceResponse from(SignedInDevice device) {
            return new SignedInDeviceResponse(device.id(), device.createdAt(), device.lastUsedAt(),
                    device.ip().orElse(null), device.userAgent().orElse(null), device.current());
        }

        static SignedInDeviceResponse[] from(List<SignedInDevice> devices) {
            return devices.stream().map(SignedInDeviceResponse::from).toArray(SignedInDeviceResponse[]::new);
        }
    }

    /** A page of members. */
    record MemberPage(List<MemberResponse> items, @Nullable String nextCursor) {
        static MemberPage from(Page<Member> page) {
            return new MemberPage(page.items().stream().map(MemberResponse::from).toList(),
                    page.next().map(Cursor::encode).orElse(null));
        }
    }
}
