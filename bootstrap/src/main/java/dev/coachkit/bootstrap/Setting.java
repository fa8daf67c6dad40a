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
    JWT_SECRET("COACHKIT_JWT_SECRET", null,
            "HS256 signing secret for access tokens, at least 32 bytes (base64 accepted)."
                    + " Unset in single-node mode: generated once into the data directory."),
    JWT_PRIVATE_KEY_FILE("COACHKIT_JWT_PRIVATE_KEY_FILE", null,
            "PEM file (PKCS#8) of an RSA or EC private key: signs access tokens with RS256 or ES256 instead."),
    JWT_PUBLIC_KEY_FILE("COACHKIT_JWT_PUBLIC_KEY_FILE", null,
            "PEM file of the matching public key, which other services can use to verify tokens."),
    JWT_ISSUER("COACHKIT_JWT_ISSUER", "coachkit", "The 'iss' of issued access tokens, checked on verification."),
    JWT_AUDIENCE("COACHKIT_JWT_AUDIENCE", "coachkit-api", "The 'aud' of issued access tokens, checked on verification."),
    ACCESS_TOKEN_MINUTES("COACHKIT_ACCESS_TOKEN_MINUTES", "15", "Lifetime of an access token (1-60)."),
    REFRESH_TOKEN_DAYS("COACHKIT_REFRESH_TOKEN_DAYS", "30", "Lifetime of a refresh token (1-365)."),
    INVITATION_DAYS("COACHKIT_INVITATION_DAYS", "7", "How long an invitation can be accepted (1-90)."),
    RATE_LIMIT_PER_IP("COACHKIT_RATE_LIMIT_PER_IP", "300", "Requests per minute from one client address."),
    RATE_LIMIT_AUTH_PER_IP("COACHKIT_RATE_LIMIT_AUTH_PER_IP", "20",
            "Requests per minute from one client address to /auth/* and /invitations/* (brute-force guard)."),
    RATE_LIMIT_PER_ACCOUNT("COACHKIT_RATE_LIMIT_PER_ACCOUNT", "600", "Requests per minute by one signed-in account."),
    RATE_LIMIT_PER_TENANT("COACHKIT_RATE_LIMIT_PER_TENANT", "3000",
            "Requests per minute by all members of one tenant together."),
    TRUSTED_PROXIES("COACHKIT_TRUSTED_PROXIES", null,
            "Comma-separated CIDRs of reverse proxies whose X-Forwarded-For names the client. Unset: none."),
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
