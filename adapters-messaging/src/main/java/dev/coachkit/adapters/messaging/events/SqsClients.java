package dev.coachkit.adapters.messaging.events;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

/** Builds the {@link SqsClient} for AWS (default credentials chain) or for an SQS-compatible server (endpoint override). */
public final class SqsClients {

    /** Longer than the longest long poll (20 s), so a quiet poll never times out the socket. */
    static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(30);
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private SqsClients() {}

    /**
     * A client for {@code region}. With an endpoint override (a local or compatible server) it signs
     * with static dummy credentials; without one it uses AWS's default credentials chain
     * (environment, profile, container or instance role). The caller closes it.
     */
    public static SqsClient create(Optional<URI> endpointOverride, String region) {
        Objects.requireNonNull(endpointOverride, "endpointOverride");
        Objects.requireNonNull(region, "region");
        if (region.isBlank()) {
            throw new IllegalArgumentException("region must not be blank");
        }
        SqsClientBuilder builder = SqsClient.builder()
                .region(Region.of(region))
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(CONNECT_TIMEOUT)
                        .socketTimeout(SOCKET_TIMEOUT));
        AwsCredentialsProvider credentials = endpointOverride.isPresent()
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create("coachkit", "coachkit"))
                : DefaultCredentialsProvider.builder().build();
        endpointOverride.ifPresent(builder::endpointOverride);
        return builder.credentialsProvider(credentials).build();
    }
}
