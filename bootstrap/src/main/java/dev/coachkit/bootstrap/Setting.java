package dev.coachkit.bootstrap;

import java.util.Arrays;
import java.util.Optional;

/** Every environment variable CoachKit reads, with its default and meaning: the configuration reference. */
enum Setting {
    PORT("COACHKIT_PORT", "8080", "HTTP port; 0 picks a free one."),
    DATA_DIR("COACHKIT_DATA_DIR", "./coachkit-data",
            "Directory for single-node state: the embedded PostgreSQL cluster (and later keys and blobs)."),
    DATABASE_URL("COACHKIT_DATABASE_URL", null,
            "JDBC URL of the runtime role (jdbc:postgresql://host:port/db?user=coachkit_app&password=...)."
                    + " Unset: an embedded PostgreSQL in the data directory."),
    MIGRATION_DATABASE_URL("COACHKIT_MIGRATION_DATABASE_URL", null,
            "JDBC URL of the owner role that runs the migrations at start and in 'migrate'."
                    + " Unset with COACHKIT_DATABASE_URL set: the schema is expected to be migrated already."),
    REDIS_URL("COACHKIT_REDIS_URL", null,
            "redis:// URL of the shared Redis; when set, /ready checks it. Unset: in-process state only."),
    DATABASE_POOL_SIZE("COACHKIT_DATABASE_POOL_SIZE", "8", "Connections in the runtime role's pool (1-200)."),
    MAX_REQUEST_BYTES("COACHKIT_MAX_REQUEST_BYTES", "1048576",
            "Largest request body accepted; larger ones are answered 413."),
    SHUTDOWN_GRACE_SECONDS("COACHKIT_SHUTDOWN_GRACE_SECONDS", "20",
            "How long a stopping server lets in-flight requests finish (0-300).");

    /** Variables with this prefix belong to the test suite, not to the server. */
    static final String TEST_PREFIX = "COACHKIT_TEST_";

    private final String variable;
    private final String defaultValue;
    private final String meaning;

    Setting(String variable, String defaultValue, String meaning) {
        this.variable = variable;
        this.defaultValue = defaultValue;
        this.meaning = meaning;
    }

    String variable() {
        return variable;
    }

    Optional<String> defaultValue() {
        return Optional.ofNullable(defaultValue);
    }

    String meaning() {
        return meaning;
    }

    static boolean isKnown(String variable) {
        return Arrays.stream(values()).anyMatch(setting -> setting.variable.equals(variable));
    }
}
