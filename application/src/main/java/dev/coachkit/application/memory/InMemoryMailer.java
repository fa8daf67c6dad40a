package dev.coachkit.application.memory;

import dev.coachkit.application.notification.port.out.Mailer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps sent e-mails in memory, for tests and hosts that show them themselves. */
public final class InMemoryMailer implements Mailer {

    private final List<Email> sent = new CopyOnWriteArrayList<>();

    @Override
    public void send(Email email) {
        sent.add(email);
    }

    public List<Email> sent() {
        return List.copyOf(sent);
    }
}
