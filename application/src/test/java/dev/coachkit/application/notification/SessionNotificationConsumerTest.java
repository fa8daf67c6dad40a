package dev.coachkit.application.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.application.events.EventRecorder;
import dev.coachkit.application.events.EventTypes;
import dev.coachkit.application.memory.InMemoryEventOutbox;
import dev.coachkit.application.memory.InMemoryNotifications;
import dev.coachkit.application.memory.InMemoryUnitOfWork;
import dev.coachkit.application.notification.port.out.RecipientTimeZones;
import dev.coachkit.application.shared.port.out.IdGenerator;
import dev.coachkit.application.testing.TestTenants;
import dev.coachkit.application.testing.TickingClock;
import dev.coachkit.domain.identity.EmailAddress;
import dev.coachkit.domain.identity.IanaTimeZone;
import dev.coachkit.domain.notification.Notification;
import dev.coachkit.domain.scheduling.SessionScheduled;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.PageRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The session notifications read their recipients' zones once per event, not once per recipient. */
class SessionNotificationConsumerTest {

    private static final AccountId COACH = AccountId.of(UUID.fromString("c0ac0000-0000-4000-8000-000000000001"));
    private static final AccountId ATHLETE = AccountId.of(UUID.fromString("a7e10000-0000-4000-8000-000000000002"));
    private static final Instant START = Instant.parse("2026-12-08T13:00:00Z");

    private final InMemoryUnitOfWork memory = new InMemoryUnitOfWork();
    private final InMemoryNotifications notifications = new InMemoryNotifications(memory);
    private final List<List<AccountId>> reads = new ArrayList<>();
    private final RecipientTimeZones zones = new RecipientTimeZones() {
        @Override
        public Map<AccountId, IanaTimeZone> zonesOf(Collection<AccountId> recipients) {
            reads.add(List.copyOf(recipients));
            return Map.of(COACH, IanaTimeZone.of("Europe/Berlin"), ATHLETE, IanaTimeZone.of("America/New_York"));
        }

        @Override
        public Optional<IanaTimeZone> zoneOf(EmailAddress email) {
            throw new AssertionError("session texts go to accounts, not to addresses");
        }
    };
    private final TickingClock clock = new TickingClock();
    private final Inbox inbox = new Inbox(notifications, new EventRecorder(new InMemoryEventOutbox(memory, clock),
            new EventTypes(NotificationEventTypes.all()), IdGenerator.random()));
    private final SessionNotificationConsumer consumer =
            new SessionNotificationConsumer(inbox, zones, IdGenerator.random(), clock);

    private String bodyFor(AccountId recipient) {
        return memory.inTenant(TestTenants.ACME, () -> notifications.listFor(TestTenants.ACME, recipient, false,
                PageRequest.first(10))).items().stream().map(Notification::body).findFirst().orElseThrow();
    }

    @Test
    void both_recipients_zones_come_from_one_read_and_each_text_uses_its_own() {
        memory.runInTenant(TestTenants.ACME, () -> consumer.consume(new SessionScheduled(TestTenants.ACME,
                UUID.randomUUID(), COACH, ATHLETE, START, START.plusSeconds(3600), ATHLETE, START.minusSeconds(86400))));

        assertThat(reads).containsExactly(List.of(COACH, ATHLETE));
        assertThat(bodyFor(COACH)).isEqualTo("A session was booked for Tue 8 Dec 2026, 14:00–15:00 (Europe/Berlin).");
        assertThat(bodyFor(ATHLETE))
                .isEqualTo("A session was booked for Tue 8 Dec 2026, 08:00–09:00 (America/New_York).");
    }
}
