package dev.coachkit.application.payments;

import dev.coachkit.application.audit.AuditTrail;
import dev.coachkit.application.identity.port.out.MembershipRepository;
import dev.coachkit.application.payments.port.in.AdjustCreditsUseCase;
import dev.coachkit.application.payments.port.out.CreditLedger;
import dev.coachkit.application.payments.port.out.ProductRepository;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.IdGenerator;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.payments.CreditBalance;
import dev.coachkit.domain.payments.CreditLot;
import dev.coachkit.domain.payments.LedgerReason;
import dev.coachkit.domain.payments.PaymentPolicy;
import dev.coachkit.domain.payments.Product;
import dev.coachkit.domain.shared.Actor;
import dev.coachkit.domain.shared.ConflictException;
import dev.coachkit.domain.shared.InvalidInputException;
import dev.coachkit.domain.shared.Text;
import dev.coachkit.domain.shared.NotFoundException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An ADMIN gives or takes back a member's credits of a pack, as audited ADJUSTMENT entries. */
public final class AdjustCreditsService implements AdjustCreditsUseCase {

    static final int MAX_REASON = 500;

    private final UnitOfWork unitOfWork;
    private final ProductRepository products;
    private final CreditLedger ledger;
    private final MembershipRepository memberships;
    private final AuditTrail audit;
    private final IdGenerator ids;
    private final Clock clock;

    AdjustCreditsService(UnitOfWork unitOfWork, ProductRepository products, CreditLedger ledger,
            MembershipRepository memberships, AuditTrail audit, IdGenerator ids, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.products = products;
        this.ledger = ledger;
        this.memberships = memberships;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public List<CreditBalance> adjust(Command command) {
        Actor actor = command.actor();
        PaymentPolicy.requireAdmin(actor, "adjust credits");
        if (command.delta() == 0 || Math.abs(command.delta()) > Product.MAX_CREDITS) {
            throw new InvalidInputException("delta", "must be between -" + Product.MAX_CREDITS + " and "
                    + Product.MAX_CREDITS + ", and not 0");
        }
        String reason = Text.required(command.reason(), "reason", MAX_REASON);
        return unitOfWork.inTenant(actor.tenantId(), () -> {
            Instant now = clock.now();
            memberships.find(actor.tenantId(), command.accountId())
                    .orElseThrow(() -> new NotFoundException("member", command.accountId()));
            Product product = products.find(actor.tenantId(), command.productId())
                    .orElseThrow(() -> new NotFoundException("product", command.productId()));
            if (command.delta() > 0) {
                ledger.grant(new CreditLot(ids.newId(), actor.tenantId(), command.accountId(), product.id(),
                        product.coachId(), Optional.empty(), command.delta(),
                        product.validDays().map(days -> now.plus(Duration.ofDays(days))), now),
                        LedgerReason.ADJUSTMENT, ids.newId());
            } else if (!ledger.withdraw(actor.tenantId(), command.accountId(), product.id(), -command.delta(),
                    ids.newId(), now)) {
                throw new ConflictException("the member has fewer than " + -command.delta() + " credits of this pack");
            }
            audit.record(actor.tenantId(), "credits.adjusted", Optional.of(actor.accountId()), "account",
                    command.accountId(), command.clientIp(), Map.of("productId", product.id().toString(),
                            "delta", command.delta(), "reason", reason));
            return ledger.balances(actor.tenantId(), command.accountId(), now);
        });
    }
}
