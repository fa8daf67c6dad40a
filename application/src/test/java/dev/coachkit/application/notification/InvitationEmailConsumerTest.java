package dev.coachkit.application.notification;

import static dev.coachkit.application.testing.IdentityBuilders.anAccount;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.application.memory.InMemoryAccounts;
import dev.coachkit.application.memory.InMemoryMailer;
import dev.coachkit.application.memory.InMemoryRecipientTimeZones;
import dev.coachkit.application.memory.InMemoryUnitOfWork;
import dev.coachkit.application.shared.AppUrl;
import dev.coachkit.application.testing.TestTenants;
import dev.coachkit.domain.identity.EmailAddress;
import dev.coachkit.domain.identity.MemberInvited;
import dev.coachkit.domain.shared.Role;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The invitation e-mail says until when its link works, on the invitee's clock when the invitee has an account,
 * and carries the link that verifies the address.
 */
class InvitationEmailConsumerTest {

    private static final Instant EXPIRES = Instant.parse("2026-12-15T12:00:00Z");

    private final InMemoryUnitOfWork memory = new InMemoryUnitOfWork();
    private final InMemoryAccounts accounts = new InMemoryAccounts(memory);
    private final InMemoryMailer mailer = new InMemoryMailer();
    private final InvitationEmailConsumer consumer = new InvitationEmailConsumer(mailer,
            new InMemoryRecipientTimeZones(accounts), "https://api.example.test/", new AppUrl("https://app.example.test"));

    private void invite(EmailAddress email) {
        memory.runInTenant(TestTenants.ACME, () -> consumer.consume(new MemberInvited(TestTenants.ACME,
                UUID.randomUUID(), email, Role.ATHLETE, TestTenants.ALICE, EXPIRES, "accept-token", Optional.of("verify-token"), EXPIRES)));
    }

    @Test
    void an_invitee_with_an_account_reads_the_expiry_in_their_zone() {
        var invitee = anAccount().inTimeZone("Europe/Berlin").build();
        memory.runInTenant(TestTenants.ACME, () -> accounts.add(invitee));

        invite(invitee.email());

        assertThat(mailer.sent()).singleElement().satisfies(email -> assertThat(email.body())
                .contains("(valid until Tue 15 Dec 2026, 13:00 (Europe/Berlin)):\n"
                        + "https://api.example.test/invitations/accept-token/accept"));
    }

    @Test
    void an_invitee_without_an_account_reads_it_in_utc() {
        invite(new EmailAddress("newcomer@club.test"));

        assertThat(mailer.sent()).singleElement()
                .satisfies(email -> assertThat(email.body()).contains("valid until Tue 15 Dec 2026, 12:00 (UTC)")
                        .contains("https://app.example.test/verify-email?token=verify-token"));
    }
}
