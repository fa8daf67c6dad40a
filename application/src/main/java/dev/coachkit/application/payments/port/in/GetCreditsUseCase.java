package dev.coachkit.application.payments.port.in;

import dev.coachkit.domain.payments.CreditBalance;
import dev.coachkit.domain.shared.Actor;
import java.util.List;

/** The caller's usable credits, per lot, soonest expiry first. */
public interface GetCreditsUseCase {

    List<CreditBalance> balances(Actor actor);
}
