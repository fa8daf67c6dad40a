package dev.coachkit.application.identity;

import dev.coachkit.application.identity.port.in.AuthenticateUseCase.Caller;
import dev.coachkit.application.identity.port.in.ListSignedInDevicesUseCase;
import dev.coachkit.application.identity.port.out.RefreshTokenStore;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.identity.RefreshFamily;
import java.util.List;

/**
 * The account's live refresh-token families, each a signed-in device; the one the caller's access token
 * was issued in ({@code sid}) is the current one. Sessions of every tenant of the account are listed:
 * devices belong to the person, not to one organization.
 */
public final class ListSignedInDevicesService implements ListSignedInDevicesUseCase {

    private final UnitOfWork unitOfWork;
    private final RefreshTokenStore refreshTokens;
    private final Clock clock;

    ListSignedInDevicesService(UnitOfWork unitOfWork, RefreshTokenStore refreshTokens, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.refreshTokens = refreshTokens;
        this.clock = clock;
    }

    @Override
    public List<SignedInDevice> devices(Caller caller) {
        List<RefreshFamily> live = unitOfWork.withoutTenant(
                () -> refreshTokens.liveFamiliesOf(caller.actor().accountId(), clock.now()));
        return live.stream().map(family -> new SignedInDevice(family.id(), family.createdAt(), family.lastUsedAt(),
                family.lastDevice().ip(), family.lastDevice().userAgent(), family.id().equals(caller.sessionId())))
                .toList();
    }
}
