package dev.coachkit.domain.payments;

import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.Actor;
import dev.coachkit.domain.shared.PermissionDeniedException;
import dev.coachkit.domain.shared.Role;
import java.util.Optional;

/**
 * Who may do what with payments. An ADMIN sells any pack and runs refunds, adjustments and settings; a
 * COACH sells and edits packs of their own; every member buys, and sees their own orders.
 */
public final class PaymentPolicy {

    private PaymentPolicy() {}

    /** May the actor put on sale or change a product for {@code coachId} (empty: any coach of the tenant)? */
    public static boolean mayManageProduct(Actor actor, Optional<AccountId> coachId) {
        return actor.isAdmin() || (actor.role() == Role.COACH && coachId.filter(actor.accountId()::equals).isPresent());
    }

    public static void requireMayManageProduct(Actor actor, Optional<AccountId> coachId) {
        if (!mayManageProduct(actor, coachId)) {
            throw new PermissionDeniedException(actor.role() == Role.COACH
                    ? "a COACH sells packs for themself only" : "only an ADMIN or the pack's coach manages products");
        }
    }

    /** The buyer and ADMINs see an order; to anyone else it does not exist. */
    public static boolean maySeeOrder(Actor actor, Order order) {
        return actor.isAdmin() || order.buyerId().equals(actor.accountId());
    }

    /** Refunds, credit adjustments and payment settings are an ADMIN's. */
    public static void requireAdmin(Actor actor, String action) {
        if (!actor.isAdmin()) {
            throw new PermissionDeniedException("only an ADMIN may " + action);
        }
    }
}
