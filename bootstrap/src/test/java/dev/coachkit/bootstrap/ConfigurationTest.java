package dev.coachkit.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigurationTest {

    @Test
    void nothing_set_means_single_node_mode_with_documented_defaults() {
        Configuration configuration = Configuration.from(Map.of());

        assertThat(configuration.singleNode()).isTrue();
        assertThat(configuration.port()).isEqualTo(8080);
        assertThat(configuration.dataDir()).isEqualTo(Path.of("./coachkit-data"));
        assertThat(configuration.databasePoolSize()).isEqualTo(8);
        assertThat(configuration.maxRequestBytes()).isEqualTo(1_048_576);
    }

    @Test
    void a_database_url_selects_the_external_database() {
        Configuration configuration = Configuration.from(Map.of(
                "COACHKIT_DATABASE_URL", "jdbc:postgresql://db:5432/coachkit?user=coachkit_app",
                "COACHKIT_MIGRATION_DATABASE_URL", "jdbc:postgresql://db:5432/coachkit?user=coachkit_owner",
                "COACHKIT_JWT_SECRET", "a-shared-secret-of-at-least-thirty-two-bytes"));

        assertThat(configuration.singleNode()).isFalse();
        assertThat(configuration.migrationDatabaseUrl()).isPresent();
    }

    @Test
    void metrics_move_to_a_port_of_their_own_only_when_one_is_set() {
        assertThat(Configuration.from(Map.of()).metricsPort()).isEmpty();
        assertThat(Configuration.from(Map.of("COACHKIT_METRICS_PORT", "9464")).metricsPort()).contains(9464);
        assertThatThrownBy(() -> Configuration.from(Map.of("COACHKIT_METRICS_PORT", "70000")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("COACHKIT_METRICS_PORT is invalid: must be a port number, 0-65535");
    }

    @Test
    void a_private_key_without_its_public_key_is_refused() {
        assertThatThrownBy(() -> Configuration.from(Map.of("COACHKIT_JWT_PRIVATE_KEY_FILE", "/keys/private.pem")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("go together");
    }

    @Test
    void a_previous_public_key_without_a_key_pair_is_refused() {
        assertThatThrownBy(() -> Configuration.from(Map.of("COACHKIT_JWT_SECRET", ExternalServers.JWT_SECRET,
                "COACHKIT_JWT_PREVIOUS_PUBLIC_KEY_FILE", "/keys/previous.pem")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("COACHKIT_JWT_PREVIOUS_PUBLIC_KEY_FILE needs the key pair")
                .hasMessageNotContaining(ExternalServers.JWT_SECRET);
    }

    @Test
    void every_problem_is_reported_at_once() {
        assertThatThrownBy(() -> Configuration.from(Map.of(
                "COACHKIT_PORT", "eighty",
                "COACHKIT_DATABASE_POOL_SIZE", "0",
                "COACHKIT_PROT", "8080")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("COACHKIT_PORT must be a whole number")
                .hasMessageContaining("COACHKIT_DATABASE_POOL_SIZE must be between 1 and 200")
                .hasMessageContaining("COACHKIT_PROT is not a CoachKit setting");
    }

    @Test
    void an_invalid_value_is_named_with_what_was_expected_but_not_repeated() {
        assertThatThrownBy(() -> Configuration.from(Map.of(
                "COACHKIT_SMTP_STARTTLS", "yes-secretly",
                "COACHKIT_BLOB_STORE", "ftp",
                "COACHKIT_WORKERS", "relay",
                "COACHKIT_REMINDER_OFFSETS", "soon")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("COACHKIT_SMTP_STARTTLS is invalid: must be true or false")
                .hasMessageContaining("COACHKIT_BLOB_STORE is invalid: must be local or s3")
                .hasMessageContaining("COACHKIT_WORKERS is invalid: must be all, none or a comma list of")
                .hasMessageContaining("COACHKIT_REMINDER_OFFSETS is invalid: not a comma list of durations")
                .hasMessageNotContaining("yes-secretly");
    }

    @Test
    void urls_and_proxy_blocks_are_checked_at_start() {
        assertThatThrownBy(() -> Configuration.from(Map.of(
                "COACHKIT_PUBLIC_URL", "coachkit.example.com",
                "COACHKIT_SQS_ENDPOINT", "ftp://queue:9324",
                "COACHKIT_S3_ENDPOINT", "http://",
                "COACHKIT_TRUSTED_PROXIES", "10.0.0.0/8, 10.1.2.3/33")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("COACHKIT_PUBLIC_URL is invalid: must be an http:// or https:// URL")
                .hasMessageContaining("COACHKIT_SQS_ENDPOINT is invalid")
                .hasMessageContaining("COACHKIT_S3_ENDPOINT is invalid")
                .hasMessageContaining("COACHKIT_TRUSTED_PROXIES is invalid: must be a comma list of CIDR blocks");

        Configuration accepted = Configuration.from(Map.of("COACHKIT_SQS_ENDPOINT", "http://sqs:9324",
                "COACHKIT_TRUSTED_PROXIES", "10.0.0.0/8, ::1/128"));
        assertThat(accepted.events().sqsEndpoint()).contains("http://sqs:9324");
        assertThat(accepted.security().trustedProxies()).containsExactly("10.0.0.0/8", "::1/128");
    }

    @Test
    void cors_allows_no_origin_unless_exact_origins_are_configured() {
        assertThat(Configuration.from(Map.of()).security().corsAllowedOrigins()).isEmpty();
        assertThat(Configuration.from(Map.of("COACHKIT_CORS_ALLOWED_ORIGINS", "https://app.example.com, http://localhost:5173"))
                .security().corsAllowedOrigins()).containsExactly("https://app.example.com", "http://localhost:5173");

        assertThatThrownBy(() -> Configuration.from(Map.of(
                "COACHKIT_CORS_ALLOWED_ORIGINS", "https://app.example.com,https://admin.example.com/console")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("COACHKIT_CORS_ALLOWED_ORIGINS is invalid: each origin must be scheme://host[:port]")
                .hasMessageNotContaining("/console");
        assertThatThrownBy(() -> Configuration.from(Map.of("COACHKIT_CORS_ALLOWED_ORIGINS", "*")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("COACHKIT_CORS_ALLOWED_ORIGINS is invalid");
    }

    @Test
    void reminders_go_out_a_day_and_an_hour_before_unless_configured_otherwise() {
        assertThat(Configuration.from(Map.of()).events().reminderOffsets())
                .containsExactly(Duration.ofHours(24), Duration.ofHours(1));
        assertThat(Configuration.from(Map.of("COACHKIT_REMINDER_OFFSETS", "2d, 90m")).events().reminderOffsets())
                .containsExactly(Duration.ofDays(2), Duration.ofMinutes(90));
        for (String invalid : new String[] {",", "1h,1h", "0m", "31d", "2w", "h"}) {
            assertThatThrownBy(() -> Configuration.from(Map.of("COACHKIT_REMINDER_OFFSETS", invalid)))
                    .as(invalid).isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("COACHKIT_REMINDER_OFFSETS");
        }
    }

    @Test
    void test_suite_variables_are_not_server_settings() {
        Configuration configuration = Configuration.from(Map.of("COACHKIT_TEST_DATABASE_URL", "jdbc:postgresql://x/y"));

        assertThat(configuration.singleNode()).isTrue();
    }

    @Test
    void a_migration_url_alone_is_refused() {
        assertThatThrownBy(() -> Configuration.from(Map.of(
                "COACHKIT_MIGRATION_DATABASE_URL", "jdbc:postgresql://db:5432/coachkit?user=owner")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("COACHKIT_DATABASE_URL is not");
    }

    @Test
    void help_lists_every_setting_with_its_default() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();

        Main.help(new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));

        String text = out.toString(java.nio.charset.StandardCharsets.UTF_8);
        for (Setting setting : Setting.values()) {
            assertThat(text).contains(setting.variable());
        }
        assertThat(text).contains("serve", "migrate", "default: 8080");
    }
}
