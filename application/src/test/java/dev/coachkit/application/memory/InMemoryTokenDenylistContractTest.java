package dev.coachkit.application.memory;

import dev.coachkit.application.identity.port.out.TokenDenylist;
import dev.coachkit.application.identity.port.out.TokenDenylistContract;
import dev.coachkit.application.shared.port.out.Clock;

class InMemoryTokenDenylistContractTest extends TokenDenylistContract {

    private final InMemoryTokenDenylist denylist = new InMemoryTokenDenylist(Clock.system());

    @Override
    protected TokenDenylist denylist() {
        return denylist;
    }
}
