package dev.coachkit.bootstrap;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/** The background workers a process can run. */
enum Worker {
    OUTBOX_RELAY("outbox-relay"), NOTIFICATIONS("notifications"), SCHEDULER("scheduler");

    private final String cliName;

    Worker(String cliName) {
        this.cliName = cliName;
    }

    String cliName() {
        return cliName;
    }

    /** {@code all}, {@code none}, or a comma list of worker names. */
    static Set<Worker> parse(String text) {
        String trimmed = text.strip();
        if (trimmed.equals("all")) {
            return EnumSet.allOf(Worker.class);
        }
        if (trimmed.equals("none")) {
            return EnumSet.noneOf(Worker.class);
        }
        Set<Worker> workers = EnumSet.noneOf(Worker.class);
        for (String name : trimmed.split(",")) {
            workers.add(Arrays.stream(values()).filter(w -> w.cliName.equals(name.strip())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(
                            "must be all, none or a comma list of outbox-relay, notifications, scheduler")));
        }
        return workers;
    }
}
