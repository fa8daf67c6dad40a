package dev.coachkit.adapters.http.identity;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The JSON request bodies of the Auth and Tenants endpoints, validated field by field. */
final class IdentityRequests {

    private IdentityRequests() {}

    /** {@code POST /auth/register}. */
    record RegisterRequest(
            @NotBlank @Email @Size(max = 254) String email,
            @NotNull @Size(min = 8, max = 128) String password,
            @NotBlank @Size(max = 100) String firstName,
            @NotBlank @Size(max = 100) String lastName,
            @NotBlank @Size(max = 100) String organizationName) {}

    /** {@code POST /auth/login}. */
    record LoginRequest(
            @NotBlank @Size(max = 254) String email,
            @NotNull @Size(max = 128) String password,
            UUID tenantId) {}

    /** {@code POST /auth/refresh} and {@code POST /auth/logout}. */
    record RefreshTokenRequest(@NotBlank @Size(max = 512) String refreshToken) {}

    /** {@code POST /tenants/{id}/invite}. */
    record InviteRequest(@NotBlank @Email @Size(max = 254) String email, @NotNull RoleName role) {}

    /** {@code PATCH /tenants/{id}/members/{userId}}. */
    record ChangeRoleRequest(@NotNull RoleName role) {}

    /** {@code POST /auth/me/password}. */
    record ChangePasswordRequest(
            @NotNull @Size(max = 128) String currentPassword,
            @NotNull String newPassword) {
        /** Never prints a password. */
        @Override
        public String toString() {
            return "ChangePasswordRequest[<redacted>]";
        }
    }

    /**
     * {@code PATCH /auth/me}: fields left out keep their value, {@code "avatarMediaId": null} removes the
     * avatar; the names and the zone cannot be null. The domain checks each value ({@code PersonName},
     * {@code IanaTimeZone}, {@code Account.withAvatar}).
     */
    record UpdateProfileRequest(String firstName, String lastName, String timeZone, @Nullable UUID avatarMediaId) {}

    /** {@code POST /auth/password-reset}. */
    record PasswordResetRequest(@NotBlank @Email @Size(max = 254) String email) {}

    /**
     * {@code POST /auth/password-reset/confirm}. The new password's length is the domain's rule, not a bean
     * constraint, so that a refusal names field {@code password} as API.md has it for every flow (a change too).
     */
    record ConfirmPasswordResetRequest(
            @NotBlank @Size(max = 512) String token,
            @NotNull String newPassword) {
        /** Never prints the token or the password. */
        @Override
        public String toString() {
            return "ConfirmPasswordResetRequest[<redacted>]";
        }
    }

    /** {@code POST /auth/verify-email}. */
    record VerifyEmailRequest(@NotBlank @Size(max = 512) String token) {
        /** Never prints the token. */
        @Override
        public String toString() {
            return "VerifyEmailRequest[<redacted>]";
        }
    }

    /** {@code POST /invitations/{acceptToken}/accept} for someone without an account. */
    record AcceptInvitationRequest(
            @NotNull @Size(min = 8, max = 128) String password,
            @NotBlank @Size(max = 100) String firstName,
            @NotBlank @Size(max = 100) String lastName) {}
}
