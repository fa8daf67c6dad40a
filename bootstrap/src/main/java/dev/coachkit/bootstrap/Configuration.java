package dev.coachkit.bootstrap;

import dev.coachkit.adapters.http.security.CrossOrigin;
import dev.coachkit.adapters.http.security.IpRange;
import dev.coachkit.domain.admin.ContentErasure;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The server's configuration, read from {@code COACHKIT_*} environment variables. Unknown
 * variables and invalid values are all reported at once, before anything starts.
 */
record Configuration(
        int port, Optional<Integer> metricsPort, Path dataDir, Optional<String> databaseUrl, Optional<String> migrationDatabaseUrl,
        Optional<String> redisUrl, int databasePoolSize, long maxRequestBytes, int httpIdleTimeoutSeconds,
        int shutdownGraceSeconds, ContentErasure erasureContent, Security security, Events events, Media media,
        Realtime realtime, Payments payments) {

    /** Token keys and lifetimes, rate limits, trusted proxies and the origins allowed by CORS. */
    record Security(Optional<String> jwtSecret, Optional<Path> jwtPrivateKeyFile, Optional<Path> jwtPublicKeyFile,
            Optional<Path> jwtPreviousPublicKeyFile, String jwtIssuer, String jwtAudience, int accessTokenMinutes, int refreshTokenDays, int invitationDays,
            int rateLimitPerIp, int rateLimitAuthPerIp, int rateLimitPerAccount, int rateLimitPerTenant,
            int loginAttemptsPerAccount, int passwordResetsPerAddress, int passwordResetsPerEmail,
            List<String> trustedProxies, List<String> corsAllowedOrigins) {}

    /** The event backbone: which workers run, the queue, e-mail, relay pacing. */
    record Events(Set<Worker> workers, Optional<String> workerDatabaseUrl, String publicUrl, Optional<String> appUrl,
            Optional<String> sqsQueue,
            Optional<String> sqsEndpoint, String sqsRegion, int sqsMaxReceives, int outboxPollMillis,
            int outboxMaxAttempts, int schedulerIntervalSeconds, Optional<String> smtpHost, int smtpPort,
            Optional<String> smtpUsername, Optional<String> smtpPassword, String smtpFrom, boolean smtpStartTls,
            List<Duration> reminderOffsets, int reminderIntervalSeconds) {}

    /** Real-time streams: how many, and how often each one's access token is checked again. */
    record Realtime(int streamsPerAccount, int streamsPerProcess, int recheckSeconds) {}

    /** Payments: the provider, how long an unpaid booking holds its slot, and Stripe's keys. */
    record Payments(Optional<String> provider, int holdMinutes, Optional<String> stripeSecretKey,
            Optional<String> stripeWebhookSecret, Optional<String> stripeApiBase) {

        static final String LOCAL = "local";
        static final String STRIPE = "stripe";

        boolean stripe() {
            return provider.filter(STRIPE::equals).isPresent();
        }

        /** Never prints the secrets. */
        @Override
        public String toString() {
            return "Payments[provider=" + provider + ", holdMinutes=" + holdMinutes + ", stripeApiBase="
                    + stripeApiBase + "]";
        }
    }

    /** Media: where the bytes live, limits and URL lifetimes (of media and of data exports). */
    record Media(String blobStore, Optional<String> blobSigningKey, String s3Bucket, String s3Region,
            Optional<String> s3Endpoint, Optional<String> s3AccessKey, Optional<String> s3SecretKey, long maxFileBytes,
            long tenantQuotaBytes, long pendingBytesPerMember, long partSizeBytes, int uploadUrlMinutes, int playbackUrlSeconds,
            int processingTimeoutMinutes, int exportUrlMinutes) {

        /** Never prints the secrets. */
        @Override
        public String toString() {
            return "Media[blobStore=" + blobStore + ", s3Bucket=" + s3Bucket + ", s3Endpoint=" + s3Endpoint + "]";
        }
    }

    /** Single-node mode: no database configured, so an embedded one runs in the data directory. */
    boolean singleNode() {
        return databaseUrl.isEmpty();
    }

    static Configuration from(Map<String, String> environment) {
        Reader reader = new Reader(environment);
        Configuration configuration = new Configuration(
                reader.integer(Setting.PORT, 0, 65_535),
                reader.optionalValue(Setting.METRICS_PORT, Configuration::portNumber),
                reader.value(Setting.DATA_DIR, Path::of),
                reader.optional(Setting.DATABASE_URL),
                reader.optional(Setting.MIGRATION_DATABASE_URL),
                reader.optional(Setting.REDIS_URL),
                reader.integer(Setting.DATABASE_POOL_SIZE, 1, 200),
                reader.integer(Setting.MAX_REQUEST_BYTES, 1_024, Integer.MAX_VALUE),
                reader.integer(Setting.HTTP_IDLE_TIMEOUT_SECONDS, 1, 3_600),
                reader.integer(Setting.SHUTDOWN_GRACE_SECONDS, 0, 300),
                reader.value(Setting.ERASURE_CONTENT, Configuration::contentErasure),
                security(reader),
                events(reader),
                media(reader),
                new Realtime(reader.integer(Setting.REALTIME_STREAMS_PER_ACCOUNT, 1, 1_000),
                        reader.integer(Setting.REALTIME_STREAMS_PER_PROCESS, 1, 100_000),
                        reader.integer(Setting.REALTIME_RECHECK_SECONDS, 1, 300)),
                payments(reader));
        reader.rejectUnknown();
        if (configuration.databaseUrl.isEmpty() && configuration.migrationDatabaseUrl.isPresent()) {
            reader.problems.add(Setting.MIGRATION_DATABASE_URL.variable() + " is set but "
                    + Setting.DATABASE_URL.variable() + " is not: set both, or neither for the embedded database");
        }
        Security security = configuration.security;
        if (security.jwtPrivateKeyFile.isPresent() != security.jwtPublicKeyFile.isPresent()) {
            reader.problems.add(Setting.JWT_PRIVATE_KEY_FILE.variable() + " and "
                    + Setting.JWT_PUBLIC_KEY_FILE.variable() + " go together");
        }
        if (security.jwtSecret.isPresent() && security.jwtPrivateKeyFile.isPresent()) {
            reader.problems.add("set " + Setting.JWT_SECRET.variable() + " or a key pair, not both");
        }
        if (security.jwtPreviousPublicKeyFile.isPresent() && security.jwtPrivateKeyFile.isEmpty()) {
            reader.problems.add(Setting.JWT_PREVIOUS_PUBLIC_KEY_FILE.variable() + " needs the key pair "
                    + Setting.JWT_PRIVATE_KEY_FILE.variable() + "/" + Setting.JWT_PUBLIC_KEY_FILE.variable()
                    + ": tokens signed with a secret publish no key");
        }
        if (configuration.media.s3AccessKey.isPresent() != configuration.media.s3SecretKey.isPresent()) {
            reader.problems.add(Setting.S3_ACCESS_KEY.variable() + " and " + Setting.S3_SECRET_KEY.variable()
                    + " go together");
        }
        Payments payments = configuration.payments;
        if (payments.stripe() && (payments.stripeSecretKey().isEmpty() || payments.stripeWebhookSecret().isEmpty())) {
            reader.problems.add(Setting.PAYMENT_PROVIDER.variable() + "=stripe needs "
                    + Setting.STRIPE_SECRET_KEY.variable() + " and " + Setting.STRIPE_WEBHOOK_SECRET.variable());
        }
        if (!reader.problems.isEmpty()) {
            throw new ConfigurationException(reader.problems);
        }
        return configuration;
    }

    private static Security security(Reader reader) {
        return new Security(
                reader.optional(Setting.JWT_SECRET),
                reader.optional(Setting.JWT_PRIVATE_KEY_FILE).map(Path::of),
                reader.optional(Setting.JWT_PUBLIC_KEY_FILE).map(Path::of),
                reader.optional(Setting.JWT_PREVIOUS_PUBLIC_KEY_FILE).map(Path::of),
                reader.optional(Setting.JWT_ISSUER).orElseThrow(),
                reader.optional(Setting.JWT_AUDIENCE).orElseThrow(),
                reader.integer(Setting.ACCESS_TOKEN_MINUTES, 1, 60),
                reader.integer(Setting.REFRESH_TOKEN_DAYS, 1, 365),
                reader.integer(Setting.INVITATION_DAYS, 1, 90),
                reader.integer(Setting.RATE_LIMIT_PER_IP, 1, 1_000_000),
                reader.integer(Setting.RATE_LIMIT_AUTH_PER_IP, 1, 1_000_000),
                reader.integer(Setting.RATE_LIMIT_PER_ACCOUNT, 1, 1_000_000),
                reader.integer(Setting.RATE_LIMIT_PER_TENANT, 1, 1_000_000),
                reader.integer(Setting.LOGIN_ATTEMPTS_PER_ACCOUNT, 1, 1_000),
                reader.integer(Setting.PASSWORD_RESETS_PER_ADDRESS, 1, 10_000),
                reader.integer(Setting.PASSWORD_RESETS_PER_EMAIL, 1, 1_000),
                reader.optionalValue(Setting.TRUSTED_PROXIES, Configuration::cidrs).orElse(List.of()),
                reader.optionalValue(Setting.CORS_ALLOWED_ORIGINS, Configuration::origins).orElse(List.of()));
    }

    private static Events events(Reader reader) {
        return new Events(
                reader.value(Setting.WORKERS, Worker::parse),
                reader.optional(Setting.WORKER_DATABASE_URL),
                reader.value(Setting.PUBLIC_URL, Configuration::httpUrl),
                reader.optionalValue(Setting.APP_URL, Configuration::httpUrl),
                reader.optional(Setting.SQS_QUEUE),
                reader.optionalValue(Setting.SQS_ENDPOINT, Configuration::httpUrl),
                reader.optional(Setting.SQS_REGION).orElseThrow(),
                reader.integer(Setting.SQS_MAX_RECEIVES, 1, 1_000),
                reader.integer(Setting.OUTBOX_POLL_MILLIS, 10, 60_000),
                reader.integer(Setting.OUTBOX_MAX_ATTEMPTS, 1, 100),
                reader.integer(Setting.SCHEDULER_INTERVAL_SECONDS, 1, 86_400),
                reader.optional(Setting.SMTP_HOST),
                reader.integer(Setting.SMTP_PORT, 1, 65_535),
                reader.optional(Setting.SMTP_USERNAME),
                reader.optional(Setting.SMTP_PASSWORD),
                reader.optional(Setting.SMTP_FROM).orElseThrow(),
                reader.value(Setting.SMTP_STARTTLS, Configuration::bool),
                reader.value(Setting.REMINDER_OFFSETS, Configuration::durations),
                reader.integer(Setting.REMINDER_INTERVAL_SECONDS, 1, 3_600));
    }

    private static final Duration LONGEST_REMINDER = Duration.ofDays(30);

    /** A comma list like {@code 24h,1h}: distinct durations in minutes (m), hours (h) or days (d), 1m-30d. */
    static List<Duration> durations(String text) {
        List<Duration> durations = Arrays.stream(text.split(",")).map(String::strip).map(item -> {
            long amount;
            try {
                amount = Long.parseLong(item.substring(0, Math.max(0, item.length() - 1)));
            } catch (NumberFormatException notADuration) {
                throw new IllegalArgumentException("not a comma list of durations such as 24h, 90m or 2d");
            }
            Duration duration = switch (item.charAt(item.length() - 1)) {
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                case 'd' -> Duration.ofDays(amount);
                default -> throw new IllegalArgumentException("a duration's unit must be m, h or d");
            };
            if (duration.toMinutes() < 1 || duration.compareTo(LONGEST_REMINDER) > 0) {
                throw new IllegalArgumentException("each duration must be between 1m and 30d");
            }
            return duration;
        }).toList();
        if (durations.isEmpty() || durations.stream().distinct().count() != durations.size()) {
            throw new IllegalArgumentException("no durations, or a repeated one");
        }
        return durations;
    }

    private static Payments payments(Reader reader) {
        return new Payments(
                reader.optionalValue(Setting.PAYMENT_PROVIDER, Configuration::paymentProvider),
                reader.integer(Setting.PAYMENT_HOLD_MINUTES, 1, 1_440),
                reader.optional(Setting.STRIPE_SECRET_KEY),
                reader.optional(Setting.STRIPE_WEBHOOK_SECRET),
                reader.optionalValue(Setting.STRIPE_API_BASE, Configuration::httpUrl));
    }

    private static String paymentProvider(String text) {
        if (!text.equals(Payments.LOCAL) && !text.equals(Payments.STRIPE)) {
            throw new IllegalArgumentException("must be local or stripe");
        }
        return text;
    }

    private static Media media(Reader reader) {
        return new Media(
                reader.value(Setting.BLOB_STORE, Configuration::blobStore),
                reader.optional(Setting.BLOB_SIGNING_KEY),
                reader.optional(Setting.S3_BUCKET).orElseThrow(),
                reader.optional(Setting.S3_REGION).orElseThrow(),
                reader.optionalValue(Setting.S3_ENDPOINT, Configuration::httpUrl),
                reader.optional(Setting.S3_ACCESS_KEY),
                reader.optional(Setting.S3_SECRET_KEY),
                reader.longInteger(Setting.MEDIA_MAX_FILE_BYTES, 1, 5L << 40),
                reader.longInteger(Setting.MEDIA_TENANT_QUOTA_BYTES, 1, Long.MAX_VALUE / 2),
                reader.longInteger(Setting.MEDIA_PENDING_BYTES_PER_MEMBER, 1, Long.MAX_VALUE / 2),
                reader.longInteger(Setting.MEDIA_PART_SIZE_BYTES, 5L << 20, 5L << 30),
                reader.integer(Setting.MEDIA_UPLOAD_URL_MINUTES, 1, 1_440),
                reader.integer(Setting.MEDIA_PLAYBACK_URL_SECONDS, 10, 86_400),
                reader.integer(Setting.MEDIA_PROCESSING_TIMEOUT_MINUTES, 1, 1_440),
                reader.integer(Setting.EXPORT_URL_MINUTES, 1, 10_080));
    }

    private static ContentErasure contentErasure(String text) {
        return switch (text.strip()) {
            case "anonymize" -> ContentErasure.ANONYMIZE;
            case "delete" -> ContentErasure.DELETE;
            default -> throw new IllegalArgumentException("must be anonymize or delete");
        };
    }

    private static String blobStore(String text) {
        if (!text.equals("local") && !text.equals("s3")) {
            throw new IllegalArgumentException("must be local or s3");
        }
        return text;
    }

    static int portNumber(String text) {
        try {
            int port = Integer.parseInt(text.strip());
            if (port >= 0 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException notANumber) {
            // reported below like an out-of-range number
        }
        throw new IllegalArgumentException("must be a port number, 0-65535");
    }

    /** An absolute http(s) URL with a host, such as a public address or a compatible server's endpoint. */
    static String httpUrl(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException notAUri) {
            throw new IllegalArgumentException("must be an http:// or https:// URL");
        }
        if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
            throw new IllegalArgumentException("must be an http:// or https:// URL");
        }
        return text;
    }

    /** A comma list of CIDR blocks such as {@code 10.0.0.0/8,::1/128}. */
    static List<String> cidrs(String text) {
        List<String> blocks = Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        for (String block : blocks) {
            try {
                IpRange.parse(block);
            } catch (RuntimeException notACidr) {
                throw new IllegalArgumentException("must be a comma list of CIDR blocks such as 10.0.0.0/8");
            }
        }
        return blocks;
    }

    /** A comma list of exact origins such as {@code https://app.example.com,http://localhost:5173}. */
    static List<String> origins(String text) {
        return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(CrossOrigin::origin).toList();
    }

    private static boolean bool(String text) {
        return switch (text.strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("must be true or false");
        };
    }

    /** Collects every problem instead of stopping at the first. */
    private static final class Reader {
        private final Map<String, String> environment;
        private final List<String> problems = new ArrayList<>();

        private Reader(Map<String, String> environment) {
            this.environment = environment;
        }

        Optional<String> optional(Setting setting) {
            return Optional.ofNullable(environment.get(setting.variable()))
                    .filter(value -> !value.isBlank())
                    .or(setting::defaultValue);
        }

        /** The parsed value when the setting is set (or has a default); a problem when it does not parse. */
        <T> Optional<T> optionalValue(Setting setting, Function<String, T> parser) {
            Optional<String> text = optional(setting);
            if (text.isEmpty()) {
                return Optional.empty();
            }
            try {
                return Optional.of(parser.apply(text.get().trim()));
            } catch (RuntimeException invalid) {
                problems.add(setting.variable() + " is invalid: " + invalid.getMessage());
                return Optional.empty();
            }
        }

        <T> T value(Setting setting, Function<String, T> parser) {
            String text = optional(setting).orElseThrow();
            try {
                return parser.apply(text.trim());
            } catch (NumberFormatException notANumber) {
                problems.add(setting.variable() + " must be a whole number");
            } catch (RuntimeException invalid) {
                // the parsers' messages say what was expected; the value itself is not repeated
                problems.add(setting.variable() + " is invalid: " + invalid.getMessage());
            }
            return parser.apply(setting.defaultValue().orElseThrow());
        }

        int integer(Setting setting, int min, int max) {
            int value = value(setting, Integer::parseInt);
            if (value < min || value > max) {
                problems.add(setting.variable() + " must be between " + min + " and " + max + ", not " + value);
            }
            return value;
        }

        long longInteger(Setting setting, long min, long max) {
            long value = value(setting, Long::parseLong);
            if (value < min || value > max) {
                problems.add(setting.variable() + " must be between " + min + " and " + max + ", not " + value);
            }
            return value;
        }

        void rejectUnknown() {
            environment.keySet().stream()
                    .filter(name -> name.startsWith("COACHKIT_") && !name.startsWith(Setting.TEST_PREFIX))
                    .filter(name -> !Setting.isKnown(name))
                    .sorted()
                    .forEach(name -> problems.add(name + " is not a CoachKit setting (see 'help')"));
        }
    }
}
