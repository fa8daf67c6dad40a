package dev.coachkit.bootstrap;

import java.util.List;

/** The configuration cannot be used; the message lists every problem found. */
final class ConfigurationException extends RuntimeException {

    ConfigurationException(List<String> problems) {
        super("invalid configuration:\n  - " + String.join("\n  - ", problems));
    }
}
