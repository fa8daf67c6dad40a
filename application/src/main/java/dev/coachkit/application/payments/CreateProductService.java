package dev.coachkit.application.payments;

import dev.coachkit.application.audit.AuditTrail;
import dev.coachkit.application.identity.port.out.MembershipRepository;
import dev.coachkit.application.payments.port.in.CreateProductUseCase;
import dev.coachkit.application.payments.port.out.ProductRepository;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.IdGenerator;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.payments.Money;
import dev.coachkit.domain.payments.PaymentPolicy;
import dev.coachkit.domain.payments.Product;
import dev.coachkit.domain.scheduling.SchedulingPolicy;
import dev.coachkit.domain.shared.Actor;
import dev.coachkit.domain.shared.NotFoundException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Puts a pack on sale; a coach it names must own a calendar in the tenant (404 otherwise). */
public final class CreateProductService implements CreateProductUseCase {

    private final UnitOfWork unitOfWork;
    private final ProductRepository products;
    private final MembershipRepository memberships;
    private final AuditTrail audit;
    private final IdGenerator ids;
    private final Clock clock;

    CreateProductService(UnitOfWork unitOfWork, ProductRepository products, MembershipRepository memberships,
            AuditTrail audit, IdGenerator ids, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.products = products;
        this.memberships = memberships;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public Product create(Command command) {
        Actor actor = command.actor();
        PaymentPolicy.requireMayManageProduct(actor, command.coachId());
        Product product = Product.create(ids.newId(), actor.tenantId(), command.name(), command.description(),
                command.credits(), Money.of(command.priceCents(), command.currency()), command.coachId(),
                command.validDays(), clock.now());
        return unitOfWork.inTenant(actor.tenantId(), () -> {
            command.coachId().ifPresent(coach -> memberships.find(actor.tenantId(), coach)
                    .filter(member -> SchedulingPolicy.ownsCalendar(member.role()))
                    .orElseThrow(() -> new NotFoundException("coach", coach)));
            products.add(product);
            Map<String, Object> details = new HashMap<>(Map.of("name", product.name(), "credits", product.credits(),
                    "priceCents", product.price().minorUnits(), "currency", product.price().currencyCode()));
            product.coachId().ifPresent(coach -> details.put("coachId", coach.toString()));
            audit.record(actor.tenantId(), "product.created", Optional.of(actor.accountId()), "product", product.id(),
                    command.clientIp(), details);
            return product;
        });
    }
}
