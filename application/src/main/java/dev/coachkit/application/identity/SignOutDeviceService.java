package dev.coachkit.application.identity;

import dev.coachkit.application.audit.AuditTrail;
import dev.coachkit.application.identity.port.in.SignOutDeviceUseCase;
import dev.coachkit.application.identity.port.out.RefreshTokenStore;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.shared.Actor;
import dev.coachkit.domain.shared.NotFoundException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Ends one session of the caller's account, as logout ends the caller's own: its family is revoked, so
 * its refresh token is refused, and {@code session:<id>} is denylisted for one access-token lifetime, so
 * every access token issued in it is refused at once. Only a live session of the caller's own account
 * can be ended; any other id — another account's, a revoked or expired one, an unknown one — answers the
 * same not-found, which tells nothing about other people's sessions. Ending the current session is
 * allowed and signs the caller out.
 */
public final class SignOutDeviceService implements SignOutDeviceUseCase {

    private final UnitOfWork unitOfWork;
    private final RefreshTokenStore refreshTokens;
    private final AuditTrail audit;
    private final Clock clock;
    private final RevokedSessions revoked;

    SignOutDeviceService(UnitOfWork unitOfWork, RefreshTokenStore refreshTokens, AuditTrail audit, Clock clock,
            RevokedSessions revoked) {
        this.unitOfWork = unitOfWork;
        this.refreshTokens = refreshTokens;
        this.audit = audit;
        this.clock = clock;
        this.revoked = revoked;
    }

    @Override
    public void signOut(Command command) {
        Actor actor = command.caller().actor();
        Instant now = clock.now();
        unitOfWork.runInTenant(actor.tenantId(), () -> {
            if (!refreshTokens.revokeLiveFamily(actor.accountId(), command.sessionId(), now)) {
                throw new NotFoundException("session", command.sessionId());
            }
            audit.record(actor.tenantId(), "account.session_signed_out", Optional.of(actor.accountId()), "session",
                    command.sessionId(), command.clientIp(),
                    Map.of("current", command.sessionId().equals(command.caller().sessionId())));
            // inside the unit: if the denylist cannot take it, the session is not revoked either and the
            // caller retries, rather than its access tokens working on for their lifetime
            revoked.revoke(command.sessionId(), now);
        });
    }
}
