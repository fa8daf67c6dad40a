package dev.coachkit.application.scheduling;

import dev.coachkit.application.identity.port.out.SecureTokens;
import dev.coachkit.application.scheduling.port.in.RotateCalendarTokenUseCase;
import dev.coachkit.application.scheduling.port.out.CalendarTokenRepository;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.identity.TokenHash;
import dev.coachkit.domain.shared.Actor;

/** Issues a fresh feed token and keeps only its hash, so the previous feed URL stops working at once. */
public final class RotateCalendarTokenService implements RotateCalendarTokenUseCase {

    private final UnitOfWork unitOfWork;
    private final CalendarTokenRepository tokens;
    private final SecureTokens secureTokens;
    private final Clock clock;

    RotateCalendarTokenService(UnitOfWork unitOfWork, CalendarTokenRepository tokens, SecureTokens secureTokens,
            Clock clock) {
        this.unitOfWork = unitOfWork;
        this.tokens = tokens;
        this.secureTokens = secureTokens;
        this.clock = clock;
    }

    @Override
    public String rotate(Actor actor) {
        String token = secureTokens.newToken();
        unitOfWork.runInTenant(actor.tenantId(),
                () -> tokens.replace(actor.tenantId(), actor.accountId(), TokenHash.of(token), clock.now()));
        return token;
    }
}
