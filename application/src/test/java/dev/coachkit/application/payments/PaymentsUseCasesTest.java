package dev.coachkit.application.payments;

import static dev.coachkit.application.testing.PaymentBuilders.aPack;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.application.CoachKit;
import dev.coachkit.application.admin.port.in.EraseMemberUseCase;
import dev.coachkit.application.audit.port.in.SearchAuditTrailUseCase;
import dev.coachkit.application.events.envelope.EventEnvelope;
import dev.coachkit.application.identity.port.in.AcceptInvitationUseCase;
import dev.coachkit.application.identity.port.in.AuthResult;
import dev.coachkit.application.identity.port.in.InviteMemberUseCase;
import dev.coachkit.application.identity.port.in.RegisterAccountUseCase;
import dev.coachkit.application.memory.InMemoryAvailabilities;
import dev.coachkit.application.memory.InMemoryCalendarTokens;
import dev.coachkit.application.memory.InMemoryCreditLedger;
import dev.coachkit.application.memory.InMemoryEventOutbox;
import dev.coachkit.application.memory.InMemoryOrders;
import dev.coachkit.application.memory.InMemoryPaymentDirectory;
import dev.coachkit.application.memory.InMemoryPaymentHousekeeping;
import dev.coachkit.application.memory.InMemoryPaymentSettings;
import dev.coachkit.application.memory.InMemoryProcessedPaymentEvents;
import dev.coachkit.application.memory.InMemoryProducts;
import dev.coachkit.application.memory.InMemorySessions;
import dev.coachkit.application.memory.InMemoryUnitOfWork;
import dev.coachkit.application.notification.port.in.ListNotificationsUseCase;
import dev.coachkit.application.payments.port.in.AdjustCreditsUseCase;
import dev.coachkit.application.payments.port.in.CheckoutUseCase;
import dev.coachkit.application.payments.port.in.ListOrdersUseCase;
import dev.coachkit.application.payments.port.in.ListProductsUseCase;
import dev.coachkit.application.payments.port.in.PaymentEventNotApplicableException;
import dev.coachkit.application.payments.port.in.ReceivePaymentWebhookUseCase.Outcome;
import dev.coachkit.application.payments.port.in.RefundOrderUseCase;
import dev.coachkit.application.payments.port.in.UpdatePaymentSettingsUseCase;
import dev.coachkit.application.payments.port.in.UpdateProductUseCase;
import dev.coachkit.application.payments.port.out.PaymentNotification;
import dev.coachkit.application.scheduling.port.in.BookSessionUseCase;
import dev.coachkit.application.scheduling.port.in.BookSessionUseCase.Booking;
import dev.coachkit.application.scheduling.port.in.CancelSessionUseCase;
import dev.coachkit.application.scheduling.port.in.GetAvailabilityUseCase;
import dev.coachkit.application.scheduling.port.in.SetAvailabilityUseCase;
import dev.coachkit.application.shared.port.out.DependencyUnavailableException;
import dev.coachkit.application.testing.RecordingPaymentProvider;
import dev.coachkit.application.testing.TickingClock;
import dev.coachkit.domain.audit.AuditEntry;
import dev.coachkit.domain.notification.Notification;
import dev.coachkit.domain.payments.CreditBalance;
import dev.coachkit.domain.payments.CreditEntry;
import dev.coachkit.domain.payments.CreditLot;
import dev.coachkit.domain.payments.LedgerReason;
import dev.coachkit.domain.payments.Order;
import dev.coachkit.domain.payments.OrderStatus;
import dev.coachkit.domain.payments.Product;
import dev.coachkit.domain.scheduling.PaidWith;
import dev.coachkit.domain.scheduling.Session;
import dev.coachkit.domain.scheduling.SessionStatus;
import dev.coachkit.domain.scheduling.WeeklySlot;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.Actor;
import dev.coachkit.domain.shared.BusinessRuleException;
import dev.coachkit.domain.shared.ConflictException;
import dev.coachkit.domain.shared.NotFoundException;
import dev.coachkit.domain.shared.PageRequest;
import dev.coachkit.domain.shared.PaymentRequiredException;
import dev.coachkit.domain.shared.PermissionDeniedException;
import dev.coachkit.domain.shared.Role;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Session packs, paid bookings with a hold on the slot, provider callbacks and refunds, specified on the
 * in-memory adapters with a recording provider (Cal.com's reported failures — calcom/cal.diy #22126,
 * #21692, #2170: confirmed bookings nobody paid for, unpaid bookings blocking slots — have a test each).
 */
class PaymentsUseCasesTest {

    /** The ticking clock starts at 2026-11-25T10:00Z, a Wednesday. */
    private static final Instant NEXT_MONDAY_9 = Instant.parse("2026-11-30T09:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);

    private final TickingClock clock = new TickingClock();
    private final InMemoryUnitOfWork memory = new InMemoryUnitOfWork();
    private final InMemorySessions sessions = new InMemorySessions(memory);
    private final InMemoryCreditLedger ledger = new InMemoryCreditLedger(memory);
    private final InMemoryEventOutbox outbox = new InMemoryEventOutbox(memory, clock);
    private final RecordingPaymentProvider provider = new RecordingPaymentProvider("stripe");
    private final CoachKit core = core(provider);
    private final PaymentsModule payments = core.payments();

    private Actor admin;
    private Actor coach;
    private Actor athlete;
    private Actor otherAthlete;
    private Product pack;

    private CoachKit core(RecordingPaymentProvider paymentProvider) {
        InMemoryOrders orders = new InMemoryOrders(memory);
        InMemoryPaymentSettings settings = new InMemoryPaymentSettings(memory);
        return CoachKit.builder().clock(clock).unitOfWork(memory).eventOutbox(outbox)
                .schedulingStores(new InMemoryAvailabilities(memory), sessions, new InMemoryCalendarTokens(memory))
                .paymentStores(new InMemoryProducts(memory), orders, ledger, settings,
                        new InMemoryProcessedPaymentEvents(memory), new InMemoryPaymentDirectory(orders, settings))
                .paymentProvider(paymentProvider)
                .withInMemoryAdapters().build();
    }

    @BeforeEach
    void clubWhoseCoachSellsPacks() {
        AuthResult registered = core.identity().register().register(new RegisterAccountUseCase.Command(
                "ann@club.test", "correct horse battery", "Ann", "Admin", "Club", Optional.empty()));
        admin = core.identity().authenticate().authenticate(registered.accessToken()).actor();
        coach = join("cy@club.test", Role.COACH);
        athlete = join("bo@club.test", Role.ATHLETE);
        otherAthlete = join("di@club.test", Role.ATHLETE);
        availability(true);
        pack = payments.createProduct().create(aPack(coach).forCoach(coach.accountId()).credits(5).build());
    }

    private Actor join(String email, Role role) {
        String token = core.identity().invite().invite(new InviteMemberUseCase.Command(admin, admin.tenantId(), email,
                role, Optional.empty())).acceptToken();
        AuthResult joined = core.identity().acceptInvitation().accept(new AcceptInvitationUseCase.Command(token,
                Optional.empty(), Optional.of(new AcceptInvitationUseCase.NewAccount("another good password", "X",
                        "Y")), Optional.empty()));
        return core.identity().authenticate().authenticate(joined.accessToken()).actor();
    }

    private void availability(boolean requiresCredit) {
        core.scheduling().setAvailability().set(new SetAvailabilityUseCase.Command(coach, Optional.empty(), "UTC",
                Arrays.stream(DayOfWeek.values()).map(day -> new WeeklySlot(day, LocalTime.of(8, 0),
                        LocalTime.of(20, 0))).toList(), Optional.of(requiresCredit), Optional.empty()));
    }

    private Booking book(Actor booker, Instant start, Optional<UUID> productId) {
        Optional<AccountId> forAthlete = booker.role() == Role.ATHLETE ? Optional.empty()
                : Optional.of(athlete.accountId());
        return core.scheduling().book().book(new BookSessionUseCase.Command(booker, coach.accountId(), start,
                start.plus(HOUR), forAthlete, Optional.empty(), Optional.empty(), productId, Optional.empty()));
    }

    private Booking book(Instant start) {
        return book(athlete, start, Optional.empty());
    }

    private Booking hold(Instant start) {
        return book(athlete, start, Optional.of(pack.id()));
    }

    /** The athlete buys the pack and the provider reports the payment. */
    private Order buyPack(Actor buyer) {
        Order order = payments.checkout().checkout(new CheckoutUseCase.Command(buyer, pack.id()));
        assertThat(callback(PaymentNotification.Outcome.PAID, order.id())).isEqualTo(Outcome.APPLIED);
        return order(order.id());
    }

    private Outcome callback(PaymentNotification.Outcome outcome, UUID orderId) {
        return payments.webhook().receive(provider.callback(outcome, orderId), RecordingPaymentProvider.SIGNATURE);
    }

    private Order order(UUID id) {
        return payments.order().order(admin, id);
    }

    private Session session(UUID id) {
        return memory.inTenant(admin.tenantId(), () -> sessions.find(admin.tenantId(), id).orElseThrow());
    }

    private int credits(Actor member) {
        return payments.credits().balances(member).stream().mapToInt(CreditBalance::remaining).sum();
    }

    private List<CreditEntry> ledgerOf(Actor member) {
        return payments.ledger().entries(member, PageRequest.first(50)).items();
    }

    private void expireDueHolds() {
        payments.expiries(new InMemoryPaymentHousekeeping(sessions, ledger)).runOnce();
    }

    private List<String> openings() {
        return core.scheduling().availability().availability(new GetAvailabilityUseCase.Query(athlete,
                        coach.accountId(), Optional.of(NEXT_MONDAY_9.minus(HOUR)),
                        Optional.of(NEXT_MONDAY_9.plus(HOUR))))
                .openings().stream().map(range -> range.start() + "/" + range.end()).toList();
    }

    private List<EventEnvelope> deliverPendingEvents() {
        List<EventEnvelope> pending = outbox.unpublished(admin.tenantId());
        pending.forEach(core.handleEvent()::handle);
        pending.forEach(core.handleEvent()::handle); // a redelivery changes nothing
        return pending;
    }

    private List<Notification> notificationsOf(Actor member) {
        return core.listNotifications().notifications(new ListNotificationsUseCase.Query(member, false,
                PageRequest.first(50))).items();
    }

    private List<String> auditActions() {
        return core.admin().auditTrail().search(new SearchAuditTrailUseCase.Query(admin,
                new SearchAuditTrailUseCase.Filter(Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.empty()), PageRequest.first(100)))
                .items().stream().map(AuditEntry::action).toList();
    }

    private void cancel(Actor by, Session session) {
        core.scheduling().cancel().cancel(new CancelSessionUseCase.Command(by, session.id(), Optional.empty(),
                Optional.empty()));
    }

    // ---- paid bookings ----

    @Test
    void an_athletes_booking_spends_one_credit_with_the_session() {
        buyPack(athlete);

        Session session = book(NEXT_MONDAY_9).session();

        assertThat(session.status()).isEqualTo(SessionStatus.SCHEDULED);
        assertThat(session.payment().paidWith()).isEqualTo(PaidWith.CREDIT);
        assertThat(credits(athlete)).isEqualTo(4);
        assertThat(ledgerOf(athlete)).first().satisfies(entry -> {
            assertThat(entry.reason()).isEqualTo(LedgerReason.BOOKING);
            assertThat(entry.delta()).isEqualTo(-1);
            assertThat(entry.sessionId()).contains(session.id());
        });
    }

    @Test
    void without_a_credit_or_a_pack_to_buy_the_booking_needs_payment_and_nothing_is_booked() {
        assertThatThrownBy(() -> book(NEXT_MONDAY_9)).isInstanceOf(PaymentRequiredException.class);

        assertThat(openings()).containsExactly("2026-11-30T08:00:00Z/2026-11-30T10:00:00Z");
    }

    @Test
    void coaches_schedulers_and_admins_book_without_spending_anything() {
        Session byCoach = book(coach, NEXT_MONDAY_9, Optional.empty()).session();
        Session byAdmin = book(admin, NEXT_MONDAY_9.plus(HOUR), Optional.empty()).session();

        assertThat(List.of(byCoach, byAdmin)).allSatisfy(session -> {
            assertThat(session.status()).isEqualTo(SessionStatus.SCHEDULED);
            assertThat(session.payment().paidWith()).isEqualTo(PaidWith.NONE);
        });
    }

    @Test
    void a_coach_who_requires_no_credit_is_booked_for_free() {
        availability(false);

        assertThat(book(NEXT_MONDAY_9).session().payment()).isEqualTo(Session.Payment.NONE);
    }

    @Test
    void of_sixteen_bookings_racing_for_the_last_credit_exactly_one_gets_it() {
        grant(1);

        assertThat(race(16)).isEqualTo(1);
        assertThat(credits(athlete)).isZero();
    }

    @Test
    void concurrent_bookings_spend_a_pack_down_to_zero_and_not_one_credit_further() {
        grant(5);

        assertThat(race(8)).isEqualTo(5);
        assertThat(credits(athlete)).isZero();
        assertThat(ledgerOf(athlete)).filteredOn(entry -> entry.reason() == LedgerReason.BOOKING).hasSize(5);
    }

    private void grant(int credits) {
        memory.runInTenant(admin.tenantId(), () -> ledger.grant(new CreditLot(UUID.randomUUID(), admin.tenantId(),
                athlete.accountId(), pack.id(), Optional.empty(), Optional.empty(), credits, Optional.empty(),
                clock.now()), LedgerReason.ADJUSTMENT, UUID.randomUUID()));
    }

    /** Starts {@code bookings} bookings of the athlete at once, each on its own slot; answers how many got a credit. */
    private long race(int bookings) {
        ExecutorService threads = Executors.newFixedThreadPool(bookings); // all waiting at the start line at once
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Boolean>> racers = new ArrayList<>();
        for (int i = 0; i < bookings; i++) {
            Instant slot = NEXT_MONDAY_9.plus(HOUR.multipliedBy(24L * (i / 10) + i % 10));
            racers.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                    book(slot);
                    return true;
                } catch (PaymentRequiredException noCreditLeft) {
                    return false;
                } catch (InterruptedException interrupted) {
                    throw new IllegalStateException(interrupted);
                }
            }, threads));
        }
        start.countDown();
        try {
            return racers.stream().map(CompletableFuture::join).filter(won -> won).count();
        } finally {
            threads.shutdown();
        }
    }

    // ---- holds ----

    @Test
    void naming_a_pack_holds_the_slot_and_opens_its_checkout() {
        Instant before = clock.now();

        Booking booking = hold(NEXT_MONDAY_9);

        Session held = booking.session();
        assertThat(held.status()).isEqualTo(SessionStatus.PENDING_PAYMENT);
        assertThat(held.payment().holdExpiresAt()).hasValueSatisfying(expiry -> assertThat(expiry)
                .isBetween(before.plus(Duration.ofMinutes(15)), before.plus(Duration.ofMinutes(16))));
        BookSessionUseCase.HeldOrder heldOrder = booking.order().orElseThrow();
        assertThat(heldOrder.checkoutUrl()).isEqualTo("https://pay.test/c/" + heldOrder.id());
        assertThat(held.payment().orderId()).contains(heldOrder.id());
        Order order = order(heldOrder.id());
        assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(order.sessionId()).contains(held.id());
        assertThat(order.checkoutUrl()).contains(heldOrder.checkoutUrl());
        assertThat(provider.checkouts()).singleElement().satisfies(request -> {
            assertThat(request.buyerEmail()).contains("bo@club.test");
            assertThat(request.successUrl()).endsWith("/payments/orders/" + order.id() + "?checkout=success");
        });
        assertThat(deliverPendingEvents()).extracting(EventEnvelope::type).doesNotContain("session.scheduled");
    }

    @Test
    void the_payment_confirms_the_held_session_and_spends_one_of_the_credits_it_bought() {
        Booking booking = hold(NEXT_MONDAY_9);

        assertThat(callback(PaymentNotification.Outcome.PAID, booking.order().orElseThrow().id()))
                .isEqualTo(Outcome.APPLIED);

        Session confirmed = session(booking.session().id());
        assertThat(confirmed.status()).isEqualTo(SessionStatus.SCHEDULED);
        assertThat(confirmed.payment().paidWith()).isEqualTo(PaidWith.CREDIT);
        assertThat(order(booking.order().get().id()).status()).isEqualTo(OrderStatus.PAID);
        assertThat(credits(athlete)).isEqualTo(4);
        assertThat(deliverPendingEvents()).extracting(EventEnvelope::type)
                .contains("session.scheduled", "order.paid");
        assertThat(notificationsOf(coach)).extracting(Notification::type)
                .contains("session.scheduled", "order.paid");
        assertThat(notificationsOf(athlete)).extracting(Notification::title).contains("Payment received");
    }

    @Test
    void an_unpaid_hold_blocks_the_slot_until_it_expires_and_then_frees_it() {
        Session held = hold(NEXT_MONDAY_9).session();

        assertThatThrownBy(() -> book(admin, NEXT_MONDAY_9, Optional.empty())).isInstanceOf(ConflictException.class);
        assertThat(openings()).containsExactly("2026-11-30T08:00:00Z/2026-11-30T09:00:00Z");

        clock.advance(Duration.ofMinutes(16));
        expireDueHolds();

        assertThat(session(held.id()).status()).isEqualTo(SessionStatus.EXPIRED);
        assertThat(openings()).containsExactly("2026-11-30T08:00:00Z/2026-11-30T10:00:00Z");
        assertThat(book(admin, NEXT_MONDAY_9, Optional.empty()).session().isScheduled()).isTrue();
    }

    @Test
    void an_availability_edit_that_does_not_mention_credits_keeps_them_required() {
        core.scheduling().setAvailability().set(new SetAvailabilityUseCase.Command(coach, Optional.empty(), "UTC",
                List.of(new WeeklySlot(DayOfWeek.MONDAY, LocalTime.of(7, 0), LocalTime.of(21, 0))), Optional.empty(),
                Optional.empty()));

        assertThatThrownBy(() -> book(athlete, NEXT_MONDAY_9, Optional.empty()))
                .isInstanceOf(PaymentRequiredException.class);
    }

    @Test
    void a_hold_whose_time_ran_out_frees_its_slot_before_the_scheduler_runs() {
        Session held = hold(NEXT_MONDAY_9).session();
        clock.advance(Duration.ofMinutes(16));

        assertThat(openings()).containsExactly("2026-11-30T08:00:00Z/2026-11-30T10:00:00Z");
        assertThat(book(admin, NEXT_MONDAY_9, Optional.empty()).session().isScheduled()).isTrue();
        assertThat(session(held.id()).status()).isEqualTo(SessionStatus.EXPIRED);
    }

    @Test
    void a_hold_still_running_is_not_expired() {
        Session held = hold(NEXT_MONDAY_9).session();
        clock.advance(Duration.ofMinutes(14));

        expireDueHolds();

        assertThat(session(held.id()).status()).isEqualTo(SessionStatus.PENDING_PAYMENT);
    }

    @Test
    void a_payment_after_the_hold_expired_is_refunded_and_never_confirms_the_session() {
        Booking booking = hold(NEXT_MONDAY_9);
        UUID orderId = booking.order().orElseThrow().id();
        clock.advance(Duration.ofMinutes(16));
        expireDueHolds();

        assertThat(callback(PaymentNotification.Outcome.PAID, orderId)).isEqualTo(Outcome.APPLIED);
        deliverPendingEvents();

        assertThat(session(booking.session().id()).status()).isEqualTo(SessionStatus.EXPIRED);
        Order order = order(orderId);
        assertThat(order.status()).isEqualTo(OrderStatus.REFUNDED);
        assertThat(credits(athlete)).isZero();
        assertThat(ledgerOf(athlete)).extracting(CreditEntry::reason)
                .containsExactlyInAnyOrder(LedgerReason.PURCHASE, LedgerReason.REFUND);
        assertThat(provider.refunds()).singleElement().satisfies(refund -> {
            assertThat(refund.idempotencyKey()).isEqualTo("refund-" + orderId);
            assertThat(refund.paymentReference()).isEqualTo("pi_" + orderId);
        });
        assertThat(notificationsOf(athlete)).extracting(Notification::type).containsExactly("order.refunded");
    }

    @Test
    void a_payment_that_arrives_before_the_scheduler_expired_the_hold_is_still_too_late() {
        Booking booking = hold(NEXT_MONDAY_9);
        clock.advance(Duration.ofMinutes(16));

        callback(PaymentNotification.Outcome.PAID, booking.order().orElseThrow().id());

        assertThat(session(booking.session().id()).status()).isEqualTo(SessionStatus.PENDING_PAYMENT);
        assertThat(order(booking.order().get().id()).status()).isEqualTo(OrderStatus.REFUNDED);
        expireDueHolds();
        assertThat(session(booking.session().id()).status()).isEqualTo(SessionStatus.EXPIRED);
    }

    @Test
    void a_payment_for_a_hold_the_athlete_cancelled_is_refunded() {
        Booking booking = hold(NEXT_MONDAY_9);
        cancel(athlete, booking.session());

        callback(PaymentNotification.Outcome.PAID, booking.order().orElseThrow().id());

        assertThat(session(booking.session().id()).status()).isEqualTo(SessionStatus.CANCELLED);
        assertThat(order(booking.order().get().id()).status()).isEqualTo(OrderStatus.REFUNDED);
    }

    @Test
    void a_declined_payment_expires_the_hold_at_once() {
        Booking booking = hold(NEXT_MONDAY_9);

        callback(PaymentNotification.Outcome.FAILED, booking.order().orElseThrow().id());

        assertThat(session(booking.session().id()).status()).isEqualTo(SessionStatus.EXPIRED);
        assertThat(order(booking.order().get().id()).status()).isEqualTo(OrderStatus.FAILED);
        assertThat(book(admin, NEXT_MONDAY_9, Optional.empty()).session().isScheduled()).isTrue();
        deliverPendingEvents();
        assertThat(notificationsOf(athlete)).extracting(Notification::type)
                .filteredOn(type -> type.startsWith("order.")).containsExactly("order.failed");
    }

    @Test
    void money_for_an_order_given_up_on_after_a_provider_timeout_is_refunded_and_grants_nothing() {
        provider.unreachable(true);
        assertThatThrownBy(() -> hold(NEXT_MONDAY_9)).isInstanceOf(DependencyUnavailableException.class);
        UUID failed = payments.orders().orders(new ListOrdersUseCase.Query(athlete, Optional.empty(),
                PageRequest.first(10))).items().get(0).id();
        provider.unreachable(false);

        // the checkout had opened at the provider after all, and the athlete paid on it
        assertThat(callback(PaymentNotification.Outcome.PAID, failed)).isEqualTo(Outcome.APPLIED);
        deliverPendingEvents();

        Order order = order(failed);
        assertThat(order.status()).isEqualTo(OrderStatus.REFUNDED);
        assertThat(credits(athlete)).isZero();
        assertThat(provider.refunds()).singleElement()
                .satisfies(refund -> assertThat(refund.idempotencyKey()).isEqualTo("refund-" + failed));
    }

    @Test
    void when_the_provider_cannot_open_the_checkout_the_order_fails_and_the_slot_is_free_again() {
        provider.unreachable(true);

        assertThatThrownBy(() -> hold(NEXT_MONDAY_9)).isInstanceOf(DependencyUnavailableException.class);

        Order failed = payments.orders().orders(new ListOrdersUseCase.Query(athlete, Optional.empty(),
                PageRequest.first(10))).items().get(0);
        assertThat(failed.status()).isEqualTo(OrderStatus.FAILED);
        assertThat(session(failed.sessionId().orElseThrow()).status()).isEqualTo(SessionStatus.EXPIRED);
        assertThat(openings()).containsExactly("2026-11-30T08:00:00Z/2026-11-30T10:00:00Z");
    }

    @Test
    void a_pack_for_another_coach_cannot_pay_for_the_hold() {
        Actor otherCoach = join("eve@club.test", Role.COACH);
        Product theirs = payments.createProduct().create(aPack(otherCoach).forCoach(otherCoach.accountId()).build());

        assertThatThrownBy(() -> book(athlete, NEXT_MONDAY_9, Optional.of(theirs.id())))
                .isInstanceOf(BusinessRuleException.class);
        assertThatThrownBy(() -> book(athlete, NEXT_MONDAY_9, Optional.of(UUID.randomUUID())))
                .isInstanceOf(NotFoundException.class);
        assertThat(openings()).hasSize(1);
    }

    // ---- provider callbacks ----

    @Test
    void a_redelivered_callback_changes_nothing() {
        Order order = payments.checkout().checkout(new CheckoutUseCase.Command(athlete, pack.id()));
        byte[] paid = provider.callback(PaymentNotification.Outcome.PAID, order.id());

        assertThat(payments.webhook().receive(paid, RecordingPaymentProvider.SIGNATURE)).isEqualTo(Outcome.APPLIED);
        assertThat(payments.webhook().receive(paid, RecordingPaymentProvider.SIGNATURE))
                .isEqualTo(Outcome.ALREADY_APPLIED);

        assertThat(credits(athlete)).isEqualTo(5);
        assertThat(deliverPendingEvents()).extracting(EventEnvelope::type).containsOnlyOnce("order.paid");
    }

    @Test
    void a_second_payment_event_of_a_paid_order_grants_nothing_more() {
        Order order = buyPack(athlete);

        assertThat(callback(PaymentNotification.Outcome.PAID, order.id())).isEqualTo(Outcome.APPLIED);
        assertThat(callback(PaymentNotification.Outcome.EXPIRED, order.id())).as("late expiry")
                .isEqualTo(Outcome.APPLIED);

        assertThat(order(order.id()).status()).isEqualTo(OrderStatus.PAID);
        assertThat(credits(athlete)).isEqualTo(5);
    }

    @Test
    void a_refund_delivered_before_its_payment_waits_for_it() {
        Order order = payments.checkout().checkout(new CheckoutUseCase.Command(athlete, pack.id()));
        byte[] refunded = provider.callback(PaymentNotification.Outcome.REFUNDED, order.id());

        assertThatThrownBy(() -> payments.webhook().receive(refunded, RecordingPaymentProvider.SIGNATURE))
                .isInstanceOf(PaymentEventNotApplicableException.class);
        assertThat(order(order.id()).status()).isEqualTo(OrderStatus.PENDING);

        callback(PaymentNotification.Outcome.PAID, order.id());
        assertThat(payments.webhook().receive(refunded, RecordingPaymentProvider.SIGNATURE)).isEqualTo(Outcome.APPLIED);

        assertThat(order(order.id()).status()).isEqualTo(OrderStatus.REFUNDED);
        assertThat(credits(athlete)).isZero();
        deliverPendingEvents();
        assertThat(provider.refunds()).as("the provider refunded it itself").isEmpty();
    }

    @Test
    void a_refund_known_only_by_its_payment_reference_finds_its_order() {
        Order order = buyPack(athlete);

        Outcome outcome = payments.webhook().receive(provider.callback(new PaymentNotification("stripe", "evt_r",
                PaymentNotification.Outcome.REFUNDED, Optional.empty(), Optional.of("pi_" + order.id()),
                Optional.empty())), RecordingPaymentProvider.SIGNATURE);

        assertThat(outcome).isEqualTo(Outcome.APPLIED);
        assertThat(order(order.id()).status()).isEqualTo(OrderStatus.REFUNDED);
    }

    @Test
    void callbacks_for_unknown_orders_or_from_a_foreign_account_are_retried_not_acknowledged() {
        Order order = payments.checkout().checkout(new CheckoutUseCase.Command(athlete, pack.id()));
        payments.updateSettings().update(new UpdatePaymentSettingsUseCase.Command(admin, Optional.empty(),
                Optional.of("acct_club"), Optional.empty()));

        assertThatThrownBy(() -> callback(PaymentNotification.Outcome.PAID, UUID.randomUUID()))
                .isInstanceOf(PaymentEventNotApplicableException.class);
        assertThatThrownBy(() -> payments.webhook().receive(provider.callback(new PaymentNotification("stripe",
                "evt_x", PaymentNotification.Outcome.PAID, Optional.of(order.id()), Optional.empty(),
                Optional.of("acct_other"))), RecordingPaymentProvider.SIGNATURE))
                .isInstanceOf(PaymentEventNotApplicableException.class);
        assertThat(payments.webhook().receive(provider.callback(new PaymentNotification("stripe", "evt_y",
                PaymentNotification.Outcome.PAID, Optional.of(order.id()), Optional.empty(),
                Optional.of("acct_club"))), RecordingPaymentProvider.SIGNATURE)).isEqualTo(Outcome.APPLIED);
        assertThat(payments.webhook().receive(provider.callback(new PaymentNotification("stripe", "evt_z",
                PaymentNotification.Outcome.IGNORED, Optional.empty(), Optional.empty(), Optional.empty())),
                RecordingPaymentProvider.SIGNATURE)).isEqualTo(Outcome.IGNORED);
    }

    @Test
    void the_local_checkout_page_does_not_exist_beside_another_provider() {
        Order order = payments.checkout().checkout(new CheckoutUseCase.Command(athlete, pack.id()));

        assertThatThrownBy(() -> payments.localCheckout().page(order.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> payments.localCheckout().settle(order.id(), true))
                .isInstanceOf(NotFoundException.class);
    }

    // ---- cancellations ----

    @Test
    void an_athlete_cancelling_before_the_refund_window_gets_the_credit_back() {
        buyPack(athlete);
        Session session = book(NEXT_MONDAY_9).session();

        cancel(athlete, session);

        assertThat(credits(athlete)).isEqualTo(5);
        assertThat(ledgerOf(athlete)).first().satisfies(entry -> {
            assertThat(entry.reason()).isEqualTo(LedgerReason.CANCELLATION);
            assertThat(entry.sessionId()).contains(session.id());
        });
    }

    @Test
    void an_athlete_cancelling_inside_the_refund_window_forfeits_the_credit_and_the_coach_never_does() {
        buyPack(athlete);
        Session late = book(NEXT_MONDAY_9).session();
        Session byCoach = book(NEXT_MONDAY_9.plus(HOUR)).session();
        clock.advance(Duration.between(clock.now(), NEXT_MONDAY_9.minus(Duration.ofHours(2))));

        cancel(athlete, late);
        cancel(coach, byCoach);

        assertThat(credits(athlete)).isEqualTo(4);
    }

    @Test
    void the_refund_window_is_the_tenants_setting() {
        payments.updateSettings().update(new UpdatePaymentSettingsUseCase.Command(admin, Optional.of(1),
                Optional.empty(), Optional.empty()));
        buyPack(athlete);
        Session session = book(NEXT_MONDAY_9).session();
        clock.advance(Duration.between(clock.now(), NEXT_MONDAY_9.minus(Duration.ofHours(2))));

        cancel(athlete, session);

        assertThat(credits(athlete)).isEqualTo(5);
        assertThat(payments.settings().settings(admin).refundWindowHours()).isEqualTo(1);
    }

    // ---- refunds and adjustments ----

    @Test
    void an_admin_refund_withdraws_the_unused_credits_and_refunds_through_the_provider_once() {
        Order order = buyPack(athlete);
        book(NEXT_MONDAY_9);

        Order refunded = payments.refund().refund(new RefundOrderUseCase.Command(admin, order.id(),
                Optional.of("moved away"), Optional.empty()));
        deliverPendingEvents();

        assertThat(refunded.status()).isEqualTo(OrderStatus.REFUNDED);
        assertThat(credits(athlete)).isZero();
        assertThat(ledgerOf(athlete)).first().satisfies(entry -> {
            assertThat(entry.reason()).isEqualTo(LedgerReason.REFUND);
            assertThat(entry.delta()).isEqualTo(-4);
        });
        assertThat(provider.refunds()).singleElement().satisfies(refund -> {
            assertThat(refund.idempotencyKey()).isEqualTo("refund-" + order.id());
            assertThat(refund.amount().minorUnits()).isEqualTo(10_000);
        });
        assertThatThrownBy(() -> payments.refund().refund(new RefundOrderUseCase.Command(admin, order.id(),
                Optional.empty(), Optional.empty()))).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> payments.refund().refund(new RefundOrderUseCase.Command(coach, order.id(),
                Optional.empty(), Optional.empty()))).as("someone else's order is not there for a coach")
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> payments.refund().refund(new RefundOrderUseCase.Command(athlete, order.id(),
                Optional.empty(), Optional.empty()))).as("the buyer sees it but may not refund it")
                .isInstanceOf(PermissionDeniedException.class);
        assertThat(auditActions()).contains("order.refunded");
    }

    @Test
    void an_admin_gives_and_takes_back_credits_but_never_more_than_there_are() {
        List<CreditBalance> given = payments.adjustCredits().adjust(new AdjustCreditsUseCase.Command(admin,
                athlete.accountId(), pack.id(), 3, "goodwill", Optional.empty()));
        assertThat(given).extracting(CreditBalance::remaining).containsExactly(3);

        payments.adjustCredits().adjust(new AdjustCreditsUseCase.Command(admin, athlete.accountId(), pack.id(), -2,
                "entered twice", Optional.empty()));

        assertThat(credits(athlete)).isEqualTo(1);
        assertThatThrownBy(() -> payments.adjustCredits().adjust(new AdjustCreditsUseCase.Command(admin,
                athlete.accountId(), pack.id(), -2, "too many", Optional.empty())))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> payments.adjustCredits().adjust(new AdjustCreditsUseCase.Command(coach,
                athlete.accountId(), pack.id(), 1, "a present", Optional.empty())))
                .isInstanceOf(PermissionDeniedException.class);
        assertThat(ledgerOf(athlete)).extracting(CreditEntry::reason).containsOnly(LedgerReason.ADJUSTMENT);
        assertThat(auditActions()).filteredOn("credits.adjusted"::equals).hasSize(2);
    }

    @Test
    void erasing_a_buyer_keeps_their_orders_but_not_their_e_mail_and_lets_go_of_their_holds() {
        Session held = hold(NEXT_MONDAY_9).session();
        Order order = buyPack(athlete);
        assertThat(order.buyerEmail()).contains("bo@club.test");

        core.admin().eraseMember().erase(new EraseMemberUseCase.Command(admin, athlete.accountId(), Optional.empty()));

        Order kept = order(order.id());
        assertThat(kept.status()).isEqualTo(OrderStatus.PAID);
        assertThat(kept.amount().minorUnits()).isEqualTo(10_000);
        assertThat(kept.buyerEmail()).isEmpty();
        assertThat(session(held.id()).status()).isEqualTo(SessionStatus.CANCELLED);
    }

    @Test
    void credits_past_their_validity_expire() {
        Product monthly = payments.createProduct().create(aPack(admin).named("Monthly").validDays(30).build());
        payments.adjustCredits().adjust(new AdjustCreditsUseCase.Command(admin, athlete.accountId(), monthly.id(), 2,
                "trial", Optional.empty()));
        clock.advance(Duration.ofDays(31));

        expireDueHolds();

        assertThat(credits(athlete)).isZero();
        assertThat(ledgerOf(athlete)).first().satisfies(entry -> {
            assertThat(entry.reason()).isEqualTo(LedgerReason.EXPIRY);
            assertThat(entry.delta()).isEqualTo(-2);
        });
    }

    // ---- products and permissions ----

    private UpdateProductUseCase.Command reprice(long cents) {
        return new UpdateProductUseCase.Command(coach, pack.id(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(cents), Optional.empty(), Optional.empty());
    }

    @Test
    void a_pack_is_repriced_only_until_its_first_sale() {
        assertThat(payments.updateProduct().update(reprice(12_000)).price().minorUnits()).isEqualTo(12_000);
        buyPack(athlete);

        assertThatThrownBy(() -> payments.updateProduct().update(reprice(13_000)))
                .isInstanceOf(ConflictException.class);
        assertThat(order(payments.orders().orders(new ListOrdersUseCase.Query(athlete, Optional.empty(),
                PageRequest.first(1))).items().get(0).id()).amount().minorUnits()).as("what the buyer paid")
                .isEqualTo(12_000);
        Product retired = payments.updateProduct().update(new UpdateProductUseCase.Command(coach, pack.id(),
                Optional.of("Five lessons"), Optional.empty(), Optional.of(false), Optional.empty(), Optional.empty(),
                Optional.empty()));
        assertThat(retired.active()).isFalse();
        assertThatThrownBy(() -> payments.checkout().checkout(new CheckoutUseCase.Command(athlete, pack.id())))
                .isInstanceOf(BusinessRuleException.class);
    }

    @Test
    void who_may_sell_see_and_buy_what() {
        assertThatThrownBy(() -> payments.createProduct().create(aPack(coach).build()))
                .as("a coach sells for themself only").isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> payments.createProduct().create(aPack(athlete).forCoach(athlete.accountId()).build()))
                .isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> payments.createProduct().create(aPack(admin).forCoach(athlete.accountId()).build()))
                .as("an athlete has no calendar").isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> payments.updateProduct().update(new UpdateProductUseCase.Command(athlete, pack.id(),
                Optional.of("Mine"), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty()))).isInstanceOf(PermissionDeniedException.class);
        Order order = buyPack(athlete);

        assertThat(payments.order().order(athlete, order.id()).id()).isEqualTo(order.id());
        assertThatThrownBy(() -> payments.order().order(otherAthlete, order.id()))
                .isInstanceOf(NotFoundException.class);
        assertThat(payments.orders().orders(new ListOrdersUseCase.Query(otherAthlete, Optional.empty(),
                PageRequest.first(10))).items()).isEmpty();
        assertThat(payments.orders().orders(new ListOrdersUseCase.Query(admin, Optional.of(OrderStatus.PAID),
                PageRequest.first(10))).items()).extracting(Order::id).containsExactly(order.id());
        assertThatThrownBy(() -> payments.checkout().checkout(new CheckoutUseCase.Command(athlete, UUID.randomUUID())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> payments.settings().settings(coach)).isInstanceOf(PermissionDeniedException.class);
        assertThat(auditActions()).contains("product.created");
    }

    @Test
    void inactive_packs_are_listed_only_for_those_who_manage_them() {
        payments.updateProduct().update(new UpdateProductUseCase.Command(admin, pack.id(), Optional.empty(),
                Optional.empty(), Optional.of(false), Optional.empty(), Optional.empty(), Optional.empty()));

        assertThat(payments.products().products(new ListProductsUseCase.Query(athlete, Optional.empty(), true)))
                .isEmpty();
        assertThat(payments.products().products(new ListProductsUseCase.Query(coach, Optional.of(coach.accountId()),
                true))).extracting(Product::id).containsExactly(pack.id());
        assertThat(payments.products().products(new ListProductsUseCase.Query(admin, Optional.empty(), false)))
                .isEmpty();
    }
}
