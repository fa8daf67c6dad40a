package dev.coachkit.application.payments;

import dev.coachkit.application.audit.port.out.AuditLog;
import dev.coachkit.application.composition.Assembly;
import dev.coachkit.application.composition.BoundedContext;
import dev.coachkit.application.events.EventRuntime;
import dev.coachkit.application.events.EventType;
import dev.coachkit.application.events.RuntimeSettings;
import dev.coachkit.application.identity.port.out.AccountRepository;
import dev.coachkit.application.identity.port.out.MembershipRepository;
import dev.coachkit.application.payments.port.out.CreditLedger;
import dev.coachkit.application.payments.port.out.OrderRepository;
import dev.coachkit.application.payments.port.out.PaymentDirectory;
import dev.coachkit.application.payments.port.out.PaymentHousekeeping;
import dev.coachkit.application.payments.port.out.PaymentProvider;
import dev.coachkit.application.payments.port.out.PaymentSettingsRepository;
import dev.coachkit.application.payments.port.out.ProcessedPaymentEvents;
import dev.coachkit.application.payments.port.out.ProductRepository;
import dev.coachkit.application.scheduling.port.out.BookingPayments;
import dev.coachkit.application.scheduling.port.out.SessionRepository;
import dev.coachkit.application.shared.AppUrl;
import dev.coachkit.application.shared.PublicUrl;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.IdGenerator;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import java.util.List;
import java.util.Optional;

/**
 * Session packs, orders, the credit ledger and the provider's callbacks. Assembled before scheduling, to
 * which it provides {@link BookingPayments}. The {@link PaymentProvider} is the host's, else the
 * {@link LocalPaymentProvider}; the expiry job runs where the process runs the scheduler (given
 * {@link PaymentHousekeeping}).
 */
public final class PaymentsContext implements BoundedContext<PaymentsModule> {

    @Override
    public Class<PaymentsModule> moduleType() {
        return PaymentsModule.class;
    }

    @Override
    public List<Class<?>> ports() {
        return List.of(UnitOfWork.class, ProductRepository.class, OrderRepository.class, CreditLedger.class,
                PaymentSettingsRepository.class, ProcessedPaymentEvents.class, PaymentDirectory.class,
                SessionRepository.class, AccountRepository.class, MembershipRepository.class, AuditLog.class,
                IdGenerator.class, Clock.class);
    }

    @Override
    public List<EventType<?>> eventTypes() {
        return PaymentsEventTypes.all();
    }

    @Override
    public PaymentsModule assemble(Assembly a) {
        PublicUrl publicUrl = a.setting(PublicUrl.class, PublicUrl.defaults());
        PaymentProvider provider = a.optionalPort(PaymentProvider.class)
                .orElseGet(() -> new LocalPaymentProvider(publicUrl));
        PaymentsModule payments = new PaymentsModule(new PaymentsModule.Ports(a.port(UnitOfWork.class), a.events(),
                a.port(ProductRepository.class), a.port(OrderRepository.class), a.port(CreditLedger.class),
                a.port(PaymentSettingsRepository.class), a.port(ProcessedPaymentEvents.class),
                a.port(PaymentDirectory.class), provider, a.port(SessionRepository.class),
                a.port(AccountRepository.class), a.port(MembershipRepository.class), a.port(AuditLog.class),
                a.port(IdGenerator.class), a.port(Clock.class)),
                new PaymentsModule.Settings(a.setting(AppUrl.class, new AppUrl(publicUrl.value())),
                        a.setting(PaymentHoldSettings.class, PaymentHoldSettings.defaults())));
        a.provide(BookingPayments.class, payments.bookingPayments());
        a.consumer(payments.providerRefunds());
        a.optionalPort(PaymentHousekeeping.class).ifPresent(housekeeping -> {
            PaymentExpiries expiries = payments.expiries(housekeeping);
            a.job(new EventRuntime.Job("payment expiries",
                    a.setting(RuntimeSettings.class, RuntimeSettings.defaults()).reminderInterval(), () -> {
                        PaymentExpiries.Run run = expiries.runOnce();
                        return run.expiredHolds() + run.expiredLots() > 0
                                ? Optional.of("expired " + run.expiredHolds() + " unpaid hold(s) and "
                                        + run.expiredLots() + " credit lot(s)")
                                : Optional.empty();
                    }));
        });
        return payments;
    }
}
