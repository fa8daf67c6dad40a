package dev.coachkit.adapters.http.identity;

import dev.coachkit.adapters.http.identity.IdentityRequests.AcceptInvitationRequest;
import dev.coachkit.adapters.http.identity.IdentityRequests.ChangePasswordRequest;
import dev.coachkit.adapters.http.identity.IdentityRequests.ChangeRoleRequest;
import dev.coachkit.adapters.http.identity.IdentityRequests.ConfirmPasswordResetRequest;
import dev.coachkit.adapters.http.identity.IdentityRequests.InviteRequest;
import dev.coachkit.adapters.http.identity.IdentityRequests.LoginRequest;
import dev.coachkit.adapters.http.identity.IdentityRequests.PasswordResetRequest;
import dev.coachkit.adapters.http.identity.IdentityRequests.RefreshTokenRequest;
import dev.coachkit.adapters.http.identity.IdentityRequests.RegisterRequest;
import dev.coachkit.adapters.http.identity.IdentityRequests.UpdateProfileRequest;
import dev.coachkit.adapters.http.identity.IdentityRequests.VerifyEmailRequest;
import dev.coachkit.adapters.http.identity.IdentityResponses.AuthResultResponse;
import dev.coachkit.adapters.http.identity.IdentityResponses.InvitationResponse;
import dev.coachkit.adapters.http.identity.IdentityResponses.MeResponse;
import dev.coachkit.adapters.http.identity.IdentityResponses.MemberPage;
import dev.coachkit.adapters.http.identity.IdentityResponses.MemberRoleResponse;
import dev.coachkit.adapters.http.identity.IdentityResponses.PasswordResetRequestedResponse;
import dev.coachkit.adapters.http.identity.IdentityResponses.SignedInDeviceResponse;
import dev.coachkit.adapters.http.identity.IdentityResponses.TenantResponse;
import dev.coachkit.adapters.http.identity.IdentityResponses.UserResponse;
import dev.coachkit.adapters.http.security.Authenticated;
import dev.coachkit.adapters.http.security.ClientIp;
import dev.coachkit.adapters.http.shared.ApiParameter;
import dev.coachkit.adapters.http.shared.ApiResponse;
import dev.coachkit.adapters.http.shared.ApiRoute;
import dev.coachkit.adapters.http.shared.Paging;
import dev.coachkit.adapters.http.shared.RequestBody;
import dev.coachkit.adapters.http.shared.RequestLogging;
import dev.coachkit.adapters.http.shared.RouteModule;
import dev.coachkit.application.identity.IdentityModule;
import dev.coachkit.application.identity.port.in.AcceptInvitationUseCase;
import dev.coachkit.application.identity.port.in.AuthResult;
import dev.coachkit.application.identity.port.in.ChangeMemberRoleUseCase;
import dev.coachkit.application.identity.port.in.ChangePasswordUseCase;
import dev.coachkit.application.identity.port.in.GetTenantUseCase;
import dev.coachkit.application.identity.port.in.InviteMemberUseCase;
import dev.coachkit.application.identity.port.in.ListMembersUseCase;
import dev.coachkit.application.identity.port.in.LoginUseCase;
import dev.coachkit.application.identity.port.in.LogoutUseCase;
import dev.coachkit.application.identity.port.in.RefreshSessionUseCase;
import dev.coachkit.application.identity.port.in.RegisterAccountUseCase;
import dev.coachkit.application.identity.port.in.RequestPasswordResetUseCase;
import dev.coachkit.application.identity.port.in.ResetPasswordUseCase;
import dev.coachkit.application.identity.port.in.SignOutDeviceUseCase;
import dev.coachkit.application.identity.port.in.UpdateProfileUseCase;
import dev.coachkit.application.identity.port.in.VerifyEmailUseCase;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.Ids;
import dev.coachkit.domain.shared.InvalidInputException;
import dev.coachkit.domain.shared.InvalidInputException.FieldError;
import dev.coachkit.domain.shared.TenantId;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/** The Auth and Tenants endpoints: sign-up, sign-in, tokens, the organization, invitations, members (docs/identity.md). */
public final class IdentityRoutes implements RouteModule {

    private static final String AUTH = "Auth";
    private static final String TENANTS = "Tenants";
    private static final ApiParameter TENANT_ID = ApiParameter.path("id", UUID.class, "The tenant");

    private final IdentityModule identity;

    public IdentityRoutes(IdentityModule identity) {
        this.identity = identity;
    }

    @Override
    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.post("/auth/register").operationId("register").tag(AUTH).publicAccess()
                        .summary("Create an account, its organization and its ADMIN membership; sign in")
                        .body(RegisterRequest.class, IdentityExamples.REGISTER)
                        .json(201, "Registered and signed in", AuthResultResponse.class, IdentityExamples.SIGNED_IN).errors(409)
                        .handle(this::register),
                ApiRoute.post("/auth/login").operationId("login").tag(AUTH).publicAccess()
                        .summary("Sign in to the given tenant, or to the most recently joined one")
                        .body(LoginRequest.class, IdentityExamples.LOGIN)
                        .json(200, "Signed in", AuthResultResponse.class, IdentityExamples.SIGNED_IN).errors(401)
                        .handle(this::login),
                ApiRoute.post("/auth/refresh").operationId("refresh").tag(AUTH).publicAccess()
                        .summary("Rotate the refresh token; reusing a rotated one revokes the whole session")
                        .body(RefreshTokenRequest.class, IdentityExamples.REFRESH)
                        .json(200, "A new token pair", AuthResultResponse.class, IdentityExamples.SIGNED_IN).errors(401)
                        .handle(this::refresh),
                ApiRoute.post("/auth/logout").operationId("logout").tag(AUTH)
                        .summary("Revoke the session's refresh tokens and its access tokens; a refresh token of"
                                + " another session is refused (400) and ends nothing")
                        .body(RefreshTokenRequest.class)
                        .responds(ApiResponse.empty(204, "Signed out"))
                        .handle(this::logout),
                ApiRoute.get("/auth/sessions").operationId("listSignedInDevices").tag(AUTH)
                        .summary("The account's signed-in devices: its live sessions (refresh-token families), most"
                                + " recently used first; `current` marks the one this access token belongs to")
                        .json(200, "The signed-in devices", SignedInDeviceResponse[].class, IdentityExamples.DEVICES)
                        .handle(ctx -> ctx.json(SignedInDeviceResponse.from(
                                identity.devices().devices(Authenticated.caller(ctx))))),
                ApiRoute.delete("/auth/sessions/{id}").operationId("signOutDevice").tag(AUTH)
                        .summary("Sign a device out: the session's refresh token and every access token issued in it"
                                + " stop working now (the current session too, if it is the one named)")
                        .parameter(ApiParameter.path("id", UUID.class, "The session, as GET /auth/sessions lists it"))
                        .responds(ApiResponse.empty(204, "Signed out"))
                        .responds(ApiResponse.problem(404, "Not a live session of the caller's account"))
                        .handle(this::signOutSession),
                ApiRoute.post("/auth/me/password").operationId("changePassword").tag(AUTH)
                        .summary("Change the password, given the current one; every other session of the account is"
                                + " signed out, this one goes on. Guesses at the current password count with sign-in"
                                + " attempts against the account's limit")
                        .body(ChangePasswordRequest.class, IdentityExamples.CHANGE_PASSWORD)
                        .responds(ApiResponse.empty(204, "Password changed"))
                        .responds(ApiResponse.problem(400, "`currentPassword` is not the account's password, or"
                                + " `newPassword` breaks the password rules (reported on field `password`, as on every"
                                + " flow that sets one); `errors` names the field"))
                        .responds(ApiResponse.problem(429, "Too many attempts at the account's password, sign-ins"
                                + " included, or another rate limit; retry after Retry-After seconds"))
                        .handle(this::changePassword),
                ApiRoute.patch("/auth/me").operationId("updateProfile").tag(AUTH)
                        .summary("Change any of the caller's first name, last name, time zone (an IANA zone such as"
                                + " Europe/Berlin or UTC, not an offset; notifications and e-mails show times in it)"
                                + " and avatar (a READY image the caller uploaded in this tenant; null removes it)."
                                + " Fields left out keep their value; a body setting none of them is refused")
                        .body(UpdateProfileRequest.class, IdentityExamples.UPDATE_PROFILE)
                        .json(200, "The caller's profile as changed", UserResponse.class, IdentityExamples.PROFILE)
                        .responds(ApiResponse.problem(400, "A field is invalid or null where it may not be, or the"
                                + " body sets none of the fields (field `body`); `errors` names each field"))
                        .handle(this::updateProfile),
                ApiRoute.post("/auth/password-reset").operationId("requestPasswordReset").tag(AUTH).publicAccess()
                        .summary("E-mail a single-use link (valid 30 minutes) to reset the password of the account with"
                                + " this address. The answer is the same, in comparable time, whether or not there is"
                                + " such an account; limited per client address and per e-mail")
                        .body(PasswordResetRequest.class, IdentityExamples.PASSWORD_RESET)
                        .json(202, "Accepted: a link is mailed if an account has the address",
                                PasswordResetRequestedResponse.class, PasswordResetRequestedResponse.ANSWER)
                        .responds(ApiResponse.problem(429, "Too many reset requests from this address or for this"
                                + " e-mail; retry after Retry-After seconds"))
                        .handle(this::requestPasswordReset),
                ApiRoute.post("/auth/password-reset/confirm").operationId("confirmPasswordReset").tag(AUTH)
                        .publicAccess()
                        .summary("Set a new password with the token of a reset link; every session of the account is"
                                + " signed out (refresh and access tokens) and its e-mail counts as verified")
                        .body(ConfirmPasswordResetRequest.class, IdentityExamples.CONFIRM_PASSWORD_RESET)
                        .responds(ApiResponse.empty(204, "Password set"))
                        .responds(ApiResponse.problem(400, "`token` is unknown, expired or already used, or"
                                + " `newPassword` breaks the password rules (reported on field `password`); `errors`"
                                + " names the field"))
                        .handle(this::confirmPasswordReset),
                ApiRoute.post("/auth/verify-email").operationId("verifyEmail").tag(AUTH).publicAccess()
                        .summary("Verify an e-mail address with the token of the link in a registration or invitation"
                                + " e-mail; the account with that address gets `emailVerified: true`")
                        .body(VerifyEmailRequest.class, IdentityExamples.VERIFY_EMAIL)
                        .responds(ApiResponse.empty(204, "Verified"))
                        .responds(ApiResponse.problem(400, "`token` is unknown, expired or already used, or no account"
                                + " has its address yet"))
                        .handle(this::verifyEmail),
                ApiRoute.get("/auth/me").operationId("getMe").tag(AUTH)
                        .summary("The caller, the current tenant and role, and every tenant of the account")
                        .json(200, "The caller", MeResponse.class)
                        .handle(ctx -> ctx.json(MeResponse.from(
                                identity.currentUser().currentUser(Authenticated.actor(ctx))))),
                ApiRoute.get("/tenants/{id}").operationId("getTenant").tag(TENANTS)
                        .summary("A tenant the caller belongs to").parameter(TENANT_ID)
                        .json(200, "The tenant", TenantResponse.class).errors(404)
                        .handle(ctx -> ctx.json(TenantResponse.from(identity.tenant().tenant(
                                new GetTenantUseCase.Query(Authenticated.actor(ctx), tenantId(ctx)))))),
                ApiRoute.post("/tenants/{id}/invite").operationId("inviteMember").tag(TENANTS)
                        .summary("Invite someone by e-mail: ADMIN any role, COACH athletes only")
                        .parameter(TENANT_ID).body(InviteRequest.class)
                        .json(201, "The invitation, with its one-time accept token", InvitationResponse.class)
                        .errors(403, 404)
                        .handle(this::invite),
                ApiRoute.post("/invitations/{acceptToken}/accept").operationId("acceptInvitation").tag(TENANTS)
                        .publicAccess()
                        .summary("Join the inviting tenant: as the signed-in account of the invited e-mail (Bearer"
                                + " token, no body; another account: 403) or as a new account with that e-mail (body)")
                        .parameter(ApiParameter.path("acceptToken", String.class, "The invitation's token"))
                        .body(AcceptInvitationRequest.class)
                        .json(200, "Signed in to the invited tenant", AuthResultResponse.class).errors(401, 403, 404, 409)
                        .handle(this::accept),
                ApiRoute.get("/tenants/{id}/members").operationId("listMembers").tag(TENANTS)
                        .summary("Members of the caller's tenant, oldest first").parameter(TENANT_ID)
                        .parameter(Paging.PARAMETERS.get(0)).parameter(Paging.PARAMETERS.get(1))
                        .json(200, "A page of members", MemberPage.class).errors(404)
                        .handle(ctx -> ctx.json(MemberPage.from(identity.members().members(new ListMembersUseCase.Query(
                                Authenticated.actor(ctx), tenantId(ctx), Paging.from(ctx, 2)))))),
                ApiRoute.patch("/tenants/{id}/members/{userId}").operationId("changeMemberRole").tag(TENANTS)
                        .summary("Give a member another role (ADMIN only; the last ADMIN stays ADMIN)")
                        .parameter(TENANT_ID).parameter(ApiParameter.path("userId", UUID.class, "The member"))
                        .body(ChangeRoleRequest.class)
                        .json(200, "The member's new role", MemberRoleResponse.class).errors(403, 404, 409)
                        .handle(this::changeRole));
    }

    private void register(Context ctx) {
        RegisterRequest request = RequestBody.parse(ctx, RegisterRequest.class);
        ctx.status(201).json(AuthResultResponse.from(signedIn(identity.register().register(new RegisterAccountUseCase.Command(
                request.email(), request.password(), request.firstName(), request.lastName(),
                request.organizationName(), ClientIp.forAudit(ctx), userAgent(ctx))))));
    }

    private void login(Context ctx) {
        LoginRequest request = RequestBody.parse(ctx, LoginRequest.class);
        ctx.json(AuthResultResponse.from(signedIn(identity.login().login(new LoginUseCase.Command(request.email(),
                request.password(), Optional.ofNullable(request.tenantId()).map(TenantId::of),
                ClientIp.forAudit(ctx), userAgent(ctx))))));
    }

    private void refresh(Context ctx) {
        RefreshTokenRequest request = RequestBody.parse(ctx, RefreshTokenRequest.class);
        ctx.json(AuthResultResponse.from(signedIn(identity.refresh().refresh(
                new RefreshSessionUseCase.Command(request.refreshToken(), ClientIp.forAudit(ctx), userAgent(ctx))))));
    }

    private void logout(Context ctx) {
        RefreshTokenRequest request = RequestBody.parse(ctx, RefreshTokenRequest.class);
        identity.logout().logout(new LogoutUseCase.Command(Authenticated.caller(ctx), request.refreshToken(),
                ClientIp.forAudit(ctx)));
        ctx.status(204);
    }

    private void signOutSession(Context ctx) {
        UUID session = Ids.parse(ctx.pathParam("id"), "id");
        identity.signOutDevice().signOut(new SignOutDeviceUseCase.Command(Authenticated.caller(ctx), session,
                ClientIp.forAudit(ctx)));
        ctx.status(204);
    }

    private void changePassword(Context ctx) {
        ChangePasswordRequest request = RequestBody.parse(ctx, ChangePasswordRequest.class);
        identity.changePassword().changePassword(new ChangePasswordUseCase.Command(Authenticated.caller(ctx),
                request.currentPassword(), request.newPassword(), ClientIp.forAudit(ctx)));
        ctx.status(204);
    }

    private void updateProfile(Context ctx) {
        UpdateProfileRequest request = RequestBody.parse(ctx, UpdateProfileRequest.class);
        Set<String> sent = RequestBody.sentFields(ctx);
        List<FieldError> nulls = Stream.of(sentAsNull(sent, "firstName", request.firstName()),
                sentAsNull(sent, "lastName", request.lastName()), sentAsNull(sent, "timeZone", request.timeZone()))
                .flatMap(Optional::stream).toList();
        if (!nulls.isEmpty()) {
            throw new InvalidInputException(nulls);
        }
        Optional<UpdateProfileUseCase.AvatarChange> avatar = sent.contains("avatarMediaId")
                ? Optional.of(new UpdateProfileUseCase.AvatarChange(Optional.ofNullable(request.avatarMediaId())))
                : Optional.empty();
        ctx.json(UserResponse.from(identity.updateProfile().updateProfile(new UpdateProfileUseCase.Command(
                Authenticated.actor(ctx), Optional.ofNullable(request.firstName()),
                Optional.ofNullable(request.lastName()), Optional.ofNullable(request.timeZone()), avatar))));
    }

    /** A profile field the body sent as null: unlike the avatar, a name or the zone cannot be removed. */
    private static Optional<FieldError> sentAsNull(Set<String> sent, String field, String value) {
        return sent.contains(field) && value == null ? Optional.of(new FieldError(field, "must not be null"))
                : Optional.empty();
    }

    private void requestPasswordReset(Context ctx) {
        PasswordResetRequest request = RequestBody.parse(ctx, PasswordResetRequest.class);
        identity.requestPasswordReset().requestReset(new RequestPasswordResetUseCase.Command(request.email(),
                ClientIp.forAudit(ctx)));
        ctx.status(202).json(PasswordResetRequestedResponse.ANSWER);
    }

    private void confirmPasswordReset(Context ctx) {
        ConfirmPasswordResetRequest request = RequestBody.parse(ctx, ConfirmPasswordResetRequest.class);
        identity.resetPassword().resetPassword(new ResetPasswordUseCase.Command(request.token(),
                request.newPassword(), ClientIp.forAudit(ctx)));
        ctx.status(204);
    }

    private void verifyEmail(Context ctx) {
        VerifyEmailRequest request = RequestBody.parse(ctx, VerifyEmailRequest.class);
        identity.verifyEmail().verifyEmail(new VerifyEmailUseCase.Command(request.token(), ClientIp.forAudit(ctx)));
        ctx.status(204);
    }

    private void invite(Context ctx) {
        InviteRequest request = RequestBody.parse(ctx, InviteRequest.class);
        ctx.status(201).json(InvitationResponse.from(identity.invite().invite(new InviteMemberUseCase.Command(
                Authenticated.actor(ctx), tenantId(ctx), request.email(), request.role().toDomain(),
                ClientIp.forAudit(ctx)))));
    }

    /** Signed in: no body needed. Otherwise the body describes the account to create. */
    private void accept(Context ctx) {
        var caller = Authenticated.optionalCaller(ctx);
        Optional<AcceptInvitationUseCase.NewAccount> newAccount = caller.isPresent() ? Optional.empty()
                : Optional.of(RequestBody.parse(ctx, AcceptInvitationRequest.class))
                        .map(body -> new AcceptInvitationUseCase.NewAccount(body.password(), body.firstName(),
                                body.lastName()));
        ctx.json(AuthResultResponse.from(signedIn(identity.acceptInvitation().accept(new AcceptInvitationUseCase.Command(
                ctx.pathParam("acceptToken"), caller, newAccount, ClientIp.forAudit(ctx), userAgent(ctx))))));
    }

    /** The client's {@code User-Agent}, which a session records with its address (the use case bounds its length). */
    private static Optional<String> userAgent(Context ctx) {
        return Optional.ofNullable(ctx.header("User-Agent"));
    }

    /** The request's remaining log lines are about the account that just signed in. */
    private static AuthResult signedIn(AuthResult result) {
        RequestLogging.identify(result.tenant().id(), result.user().id());
        return result;
    }

    private void changeRole(Context ctx) {
        ChangeRoleRequest request = RequestBody.parse(ctx, ChangeRoleRequest.class);
        ctx.json(MemberRoleResponse.from(identity.changeRole().changeRole(new ChangeMemberRoleUseCase.Command(
                Authenticated.actor(ctx), tenantId(ctx), AccountId.parse(ctx.pathParam("userId"), "userId"),
                request.role().toDomain(), ClientIp.forAudit(ctx)))));
    }

    private static TenantId tenantId(Context ctx) {
        return TenantId.parse(ctx.pathParam("id"), "id");
    }
}
