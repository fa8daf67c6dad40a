package dev.coachkit.bootstrap;

import java.util.Arrays;
import java.util.Optional;

/** Every environment variable CoachKit reads, with its default and meaning: the configuration reference. */
enum Setting {
    PORT("COACHKIT_PORT", "8080", "HTTP port (0-65535); 0 picks a free one."),
    METRICS_PORT("COACHKIT_METRICS_PORT", null,
            "Port (0-65535) of a listener of its own for GET /metrics; the API's port then answers 404 for it."
                    + " Unset: /metrics is served on COACHKIT_PORT, fine in single-node mode; on a shared"
                    + " deployment set it and keep the port off the public network."),
    DATA_DIR("COACHKIT_DATA_DIR", "./coachkit-data",
            "Directory for single-node state: the embedded PostgreSQL cluster, generated keys"
                    + " and the local store's blobs."),
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
            "Largest request body accepted, at least 1024; larger ones are answered 413."),
    HTTP_IDLE_TIMEOUT_SECONDS("COACHKIT_HTTP_IDLE_TIMEOUT_SECONDS", "30",
            "A connection that sends nothing for this long (no request, or a stalled one) is closed (1-3600)."
                    + " Keep it above the idle timeout of a load balancer in front."),
    JWT_SECRET("COACHKIT_JWT_SECRET", null,
            "HS256 signing secret for access tokens, at least 32 bytes (base64 accepted)."
                    + " Unset in single-node mode: generated once into the data directory."),
    JWT_PRIVATE_KEY_FILE("COACHKIT_JWT_PRIVATE_KEY_FILE", null,
            "PEM file (PKCS#8) of an RSA or EC private key: signs access tokens with RS256 or ES256 instead."),
    JWT_PUBLIC_KEY_FILE("COACHKIT_JWT_PUBLIC_KEY_FILE", null,
            "PEM file of the matching public key, published at /.well-known/jwks.json for other services"
                    + " to verify tokens (with an HS256 secret that set is empty)."),
    JWT_PREVIOUS_PUBLIC_KEY_FILE("COACHKIT_JWT_PREVIOUS_PUBLIC_KEY_FILE", null,
            "Key rotation: PEM file of the public key of the pair that signed before the current one (RSA or EC)."
                    + " Its tokens are still accepted, picked by their kid, and it is still published at"
                    + " /.well-known/jwks.json; unset it once they have expired (COACHKIT_ACCESS_TOKEN_MINUTES after"
                    + " the switch). Only with COACHKIT_JWT_PRIVATE_KEY_FILE and COACHKIT_JWT_PUBLIC_KEY_FILE."),
    JWT_ISSUER("COACHKIT_JWT_ISSUER", "coachkit", "The 'iss' of issued access tokens, checked on verification."),
    JWT_AUDIENCE("COACHKIT_JWT_AUDIENCE", "coachkit-api", "The 'aud' of issued access tokens, checked on verification."),
    ACCESS_TOKEN_MINUTES("COACHKIT_ACCESS_TOKEN_MINUTES", "15", "Lifetime of an access token (1-60)."),
    REFRESH_TOKEN_DAYS("COACHKIT_REFRESH_TOKEN_DAYS", "30", "Lifetime of a refresh token (1-365)."),
    INVITATION_DAYS("COACHKIT_INVITATION_DAYS", "7", "How long an invitation can be accepted (1-90)."),
    RATE_LIMIT_PER_IP("COACHKIT_RATE_LIMIT_PER_IP", "300", "Requests per minute from one client address (1-1000000)."),
    RATE_LIMIT_AUTH_PER_IP("COACHKIT_RATE_LIMIT_AUTH_PER_IP", "20",
            "Requests per minute from one client address to /auth/* and /invitations/* (brute-force guard; 1-1000000)."),
    RATE_LIMIT_PER_ACCOUNT("COACHKIT_RATE_LIMIT_PER_ACCOUNT", "600", "Requests per minute by one signed-in account (1-1000000)."),
    RATE_LIMIT_PER_TENANT("COACHKIT_RATE_LIMIT_PER_TENANT", "3000",
            "Requests per minute by all members of one tenant together (1-1000000)."),
    LOGIN_ATTEMPTS_PER_ACCOUNT("COACHKIT_LOGIN_ATTEMPTS_PER_ACCOUNT", "10",
            "Sign-in attempts and password changes per minute for one account's e-mail address, from any client"
                    + " address (1-1000)."),
    PASSWORD_RESETS_PER_ADDRESS("COACHKIT_PASSWORD_RESETS_PER_ADDRESS", "5",
            "Password reset requests per hour from one client address (1-10000)."),
    PASSWORD_RESETS_PER_EMAIL("COACHKIT_PASSWORD_RESETS_PER_EMAIL", "3",
            "Password reset requests per hour for one e-mail address, from any client address (1-1000)."),
    TRUSTED_PROXIES("COACHKIT_TRUSTED_PROXIES", null,
            "Comma-separated CIDRs of reverse proxies whose X-Forwarded-For names the client. Unset: none."),
    CORS_ALLOWED_ORIGINS("COACHKIT_CORS_ALLOWED_ORIGINS", null,
            "Comma list of exact origins (scheme://host[:port], no path, such as https://app.example.com) whose"
                    + " browser pages may call the API. Unset: no cross-origin access and no CORS headers."),
    WORKERS("COACHKIT_WORKERS", "all",
            "Workers 'serve' runs in-process: all, none, or a comma list of outbox-relay, notifications, scheduler."),
    WORKER_DATABASE_URL("COACHKIT_WORKER_DATABASE_URL", null,
            "JDBC URL of the worker role (outbox relay, maintenance). Unset: the runtime URL with user coachkit_worker."),
    PUBLIC_URL("COACHKIT_PUBLIC_URL", "http://localhost:8080", "Where clients reach the API; e-mailed links start with it."),
    APP_URL("COACHKIT_APP_URL", null,
            "Where people open the password-reset and e-mail verification links (the web app): <url>/reset-password"
                    + "?token=..., <url>/verify-email?token=.... Unset: COACHKIT_PUBLIC_URL."),
    SQS_QUEUE("COACHKIT_SQS_QUEUE", null,
            "Name of the SQS queue events are published to (created with a dead-letter queue if missing)."
                    + " Unset: events are dispatched in-process."),
    SQS_ENDPOINT("COACHKIT_SQS_ENDPOINT", null, "Endpoint of an SQS-compatible server; unset: AWS."),
    SQS_REGION("COACHKIT_SQS_REGION", "us-east-1", "AWS region of the queue."),
    SQS_MAX_RECEIVES("COACHKIT_SQS_MAX_RECEIVES", "5",
            "Deliveries of a message before the queue moves it to the dead-letter queue (1-1000)."),
    OUTBOX_POLL_MILLIS("COACHKIT_OUTBOX_POLL_MILLIS", "1000",
            "How often the relay looks for due events when no commit woke it (10-60000)."),
    OUTBOX_MAX_ATTEMPTS("COACHKIT_OUTBOX_MAX_ATTEMPTS", "10",
            "Failed publishing attempts before an event is parked as dead (1-100)."),
    SCHEDULER_INTERVAL_SECONDS("COACHKIT_SCHEDULER_INTERVAL_SECONDS", "300", "How often maintenance runs (1-86400)."),
    SMTP_HOST("COACHKIT_SMTP_HOST", null, "SMTP server for e-mail. Unset: e-mails are written to the log."),
    SMTP_PORT("COACHKIT_SMTP_PORT", "587", "SMTP port (1-65535)."),
    SMTP_USERNAME("COACHKIT_SMTP_USERNAME", null, "SMTP user, when the server requires authentication."),
    SMTP_PASSWORD("COACHKIT_SMTP_PASSWORD", null, "SMTP password (never logged)."),
    SMTP_FROM("COACHKIT_SMTP_FROM", "CoachKit <no-reply@coachkit.local>", "Sender address of e-mails."),
    SMTP_STARTTLS("COACHKIT_SMTP_STARTTLS", "true", "Require STARTTLS (true/false)."),
    SHUTDOWN_GRACE_SECONDS("COACHKIT_SHUTDOWN_GRACE_SECONDS", "20",
            "How long a stopping server lets in-flight requests finish (0-300)."),
    ERASURE_CONTENT("COACHKIT_ERASURE_CONTENT", "anonymize",
            "What erasing a member does to their posts and comments: 'anonymize' (they stay, by an unlinkable"
                    + " former member) or 'delete' (their posts, with every comment on them, and their comments go)."),
    BLOB_STORE("COACHKIT_BLOB_STORE", "local",
            "Where media bytes live: 'local' (files under the data directory's blobs/, served by this server"
                    + " under /blobs/...) or 's3' (a bucket on AWS or an S3-compatible server)."),
    BLOB_SIGNING_KEY("COACHKIT_BLOB_SIGNING_KEY", null,
            "HMAC key of the local store's /blobs/... URLs, at least 32 bytes (base64 accepted)."
                    + " Unset: generated once into the data directory."),
    S3_BUCKET("COACHKIT_S3_BUCKET", "coachkit-media", "Bucket of the s3 blob store (created if missing)."),
    S3_REGION("COACHKIT_S3_REGION", "us-east-1", "AWS region of the bucket."),
    S3_ENDPOINT("COACHKIT_S3_ENDPOINT", null,
            "Endpoint of an S3-compatible server (path-style addressing); unset: AWS."),
    S3_ACCESS_KEY("COACHKIT_S3_ACCESS_KEY", null,
            "Access key for S3; unset: the AWS default credentials chain. Set with COACHKIT_S3_SECRET_KEY."),
    S3_SECRET_KEY("COACHKIT_S3_SECRET_KEY", null, "Secret key for S3 (never logged)."),
    MEDIA_MAX_FILE_BYTES("COACHKIT_MEDIA_MAX_FILE_BYTES", "2147483648",
            "Largest file one upload may declare (up to 5 TiB); larger ones are answered 413."),
    MEDIA_TENANT_QUOTA_BYTES("COACHKIT_MEDIA_TENANT_QUOTA_BYTES", "10737418240",
            "Bytes one organization's media may hold, pending uploads included; beyond it uploads get 422."),
    MEDIA_PENDING_BYTES_PER_MEMBER("COACHKIT_MEDIA_PENDING_BYTES_PER_MEMBER", "4294967296",
            "Declared bytes of one member's unfinished uploads (announced, not finalized); an upload intent beyond"
                    + " it gets 422, so one member cannot block the organization's quota."),
    MEDIA_PART_SIZE_BYTES("COACHKIT_MEDIA_PART_SIZE_BYTES", "8388608",
            "Size of multipart upload parts (5 MiB-5 GiB); files up to it go up in one PUT."),
    MEDIA_UPLOAD_URL_MINUTES("COACHKIT_MEDIA_UPLOAD_URL_MINUTES", "60",
            "How long upload URLs work (1-1440); uploads not finalized by then are discarded by the scheduler."),
    MEDIA_PLAYBACK_URL_SECONDS("COACHKIT_MEDIA_PLAYBACK_URL_SECONDS", "300",
            "How long playback and thumbnail URLs work (10-86400)."),
    REMINDER_OFFSETS("COACHKIT_REMINDER_OFFSETS", "24h,1h",
            "When the scheduler reminds coach and athlete before a session: a comma list of durations"
                    + " such as 24h, 90m or 2d (each 1m-30d)."),
    REMINDER_INTERVAL_SECONDS("COACHKIT_REMINDER_INTERVAL_SECONDS", "60",
            "How often the scheduler looks for due session reminders, unpaid holds past their expiry and credits"
                    + " past their validity (1-3600)."),
    MEDIA_PROCESSING_TIMEOUT_MINUTES("COACHKIT_MEDIA_PROCESSING_TIMEOUT_MINUTES", "30",
            "How long media may stay PROCESSING (1-1440) before the scheduler marks it FAILED."),
    EXPORT_URL_MINUTES("COACHKIT_EXPORT_URL_MINUTES", "60",
            "How long a data export's download URL, and the media links inside its archive, work (1-10080)."),
    REALTIME_STREAMS_PER_ACCOUNT("COACHKIT_REALTIME_STREAMS_PER_ACCOUNT", "10",
            "Real-time streams (SSE and WebSocket) one account may hold open on one API process (1-1000)."),
    REALTIME_STREAMS_PER_PROCESS("COACHKIT_REALTIME_STREAMS_PER_PROCESS", "5000",
            "Real-time streams one API process holds at most (1-100000); beyond it new ones answer 429."),
    REALTIME_RECHECK_SECONDS("COACHKIT_REALTIME_RECHECK_SECONDS", "10",
            "How often each real-time stream's access token is checked again, so that a sign-out or leaving"
                    + " the organization ends it (1-300)."),
    PAYMENT_PROVIDER("COACHKIT_PAYMENT_PROVIDER", null,
            "Where payments are taken: local (a checkout page of this server with Pay and Decline buttons, for"
                    + " development and demos; no money moves and anyone with an order's id may pay it) or stripe"
                    + " (Stripe Checkout; needs the two Stripe secrets below). Unset: local in single-node mode;"
                    + " with COACHKIT_DATABASE_URL set, no provider, and checkouts answer 422."),
    PAYMENT_HOLD_MINUTES("COACHKIT_PAYMENT_HOLD_MINUTES", "15",
            "How long a booking that waits for its payment holds the slot (1-1440) before it expires and the"
                    + " slot is free again; a payment after that is refunded automatically."),
    STRIPE_SECRET_KEY("COACHKIT_STRIPE_SECRET_KEY", null,
            "Stripe secret API key (sk_live_… or sk_test_…), required with COACHKIT_PAYMENT_PROVIDER=stripe."),
    STRIPE_WEBHOOK_SECRET("COACHKIT_STRIPE_WEBHOOK_SECRET", null,
            "Signing secret (whsec_…) of the Stripe webhook endpoint <COACHKIT_PUBLIC_URL>/payments/webhooks/stripe,"
                    + " required with COACHKIT_PAYMENT_PROVIDER=stripe; several, comma-separated, when the platform's"
                    + " endpoint and a Connect endpoint both deliver there, or while a secret is rotated."),
    STRIPE_API_BASE("COACHKIT_STRIPE_API_BASE", null,
            "Base URL of the Stripe API; unset: Stripe's own. Tests point it at a Stripe test double.");

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
