package dev.coachkit.adapters.http.identity;

import dev.coachkit.adapters.http.identity.IdentityRequests.ChangePasswordRequest;
import dev.coachkit.adapters.http.identity.IdentityRequests.ConfirmPasswordResetRequest;
import dev.coachkit.adapters.http.identity.IdentityRequests.LoginRequest;
import dev.coachkit.adapters.http.identity.IdentityRequests.PasswordResetRequest;
import dev.coachkit.adapters.http.identity.IdentityRequests.RefreshTokenRequest;
import dev.coachkit.adapters.http.identity.IdentityRequests.RegisterRequest;
import dev.coachkit.adapters.http.identity.IdentityRequests.UpdateProfileRequest;
import dev.coachkit.adapters.http.identity.IdentityRequests.VerifyEmailRequest;
import dev.coachkit.adapters.http.identity.IdentityResponses.AuthResultResponse;
import dev.coachkit.adapters.http.identity.IdentityResponses.SignedInDeviceResponse;
import dev.coachkit.adapters.http.identity.IdentityResponses.TenantRefResponse;
import dev.coachkit.adapters.http.identity.IdentityResponses.UserResponse;
import java.time.Instant;
import java.util.UUID;

/** Example bodies of the sign-up and sign-in flows, shown in /openapi.json; the build checks them against their schemas. */
final class IdentityExamples {

    static final UUID ANN = UUID.fromString("3f2a9c4e-8b1d-4e6f-9a7c-2d5e8f1b3c60");
    static final UUID CLUB = UUID.fromString("7c1e5a2b-4d3f-4a8e-b6c9-1f0e2d3c4b5a");
    private static final String EMAIL = "ann.coach@example.com";
    private static final String PASSWORD = "correct horse battery";

    static final RegisterRequest REGISTER = new RegisterRequest(EMAIL, PASSWORD, "Ann", "Coach", "Riverside Tennis Club");
    static final LoginRequest LOGIN = new LoginRequest(EMAIL, PASSWORD, CLUB);
    static final RefreshTokenRequest REFRESH = new RefreshTokenRequest("Vq3kZ8mT2xQe9LwR5nYb7cHd1fJs4gPa6uKo0iEt3rW");
    static final AuthResultResponse SIGNED_IN = new AuthResultResponse(
            "eyJhbGciOiJFUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIzZjJhOWM0ZSJ9.c2lnbmF0dXJl",
            "Nf8pW2sLq5TzXc1Vb7Md3Ry9Kh4Ju6Ge0Ao2Ix8Sw5E", "Bearer", 900,
            new UserResponse(ANN, EMAIL, "Ann", "Coach", true, "UTC", null),
            new TenantRefResponse(CLUB, "Riverside Tennis Club"), RoleName.ADMIN);

    static final UpdateProfileRequest UPDATE_PROFILE = new UpdateProfileRequest("Ann", "Coach-Meyer", "Europe/Berlin",
            UUID.fromString("6a1f3e9d-2c4b-4d8e-a7f0-5b3c9e1d2a4f"));
    static final UserResponse PROFILE = new UserResponse(ANN, EMAIL, "Ann", "Coach-Meyer", true, "Europe/Berlin",
            UPDATE_PROFILE.avatarMediaId());

    static final PasswordResetRequest PASSWORD_RESET = new PasswordResetRequest(EMAIL);
    static final ConfirmPasswordResetRequest CONFIRM_PASSWORD_RESET = new ConfirmPasswordResetRequest(
            "q7Rz2Kd9Lm4Xv8Nc1Pb6Hs3Tw0Jf5Ga2Ye7Ui9Oa4Sd", "a longer and better passphrase");
    static final VerifyEmailRequest VERIFY_EMAIL = new VerifyEmailRequest("Zx4Cv7Bn1Mq8Wl3Ek6Rt9Yu2Io5Pa0Sd7Fg4Hj1Kl");

    static final ChangePasswordRequest CHANGE_PASSWORD = new ChangePasswordRequest("the passphrase of last year",
            "a longer and better passphrase");
    static final SignedInDeviceResponse[] DEVICES = {
            new SignedInDeviceResponse(UUID.fromString("5b8e2f1a-6c3d-4e7f-8a9b-0c1d2e3f4a5b"),
                    Instant.parse("2026-11-02T08:14:03Z"), Instant.parse("2026-12-07T18:40:11Z"), "203.0.113.24",
                    "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 Safari/605.1.15", true),
            new SignedInDeviceResponse(UUID.fromString("9d4c7a2e-1f3b-4c5d-9e8f-7a6b5c4d3e2f"),
                    Instant.parse("2026-10-20T19:02:47Z"), Instant.parse("2026-12-06T21:15:30Z"), "198.51.100.7",
                    "CoachKit/3.2 (iPhone; iOS 18.1)", false)};

    private IdentityExamples() {}
}
