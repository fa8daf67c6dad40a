package dev.coachkit.adapters.storage.s3;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** A client and a presigner that agree on region, credentials and addressing. */
public record S3Clients(S3Client client, S3Presigner presigner) {

    /**
     * With an endpoint (an S3-compatible server) both use path-style addressing, which such servers
     * need; without one they talk to AWS in the usual virtual-host style.
     */
    public static S3Clients create(S3Settings settings) {
        AwsCredentialsProvider credentials = settings.accessKey()
                .<AwsCredentialsProvider>map(key -> StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(key, settings.secretKey().orElseThrow())))
                .orElseGet(() -> DefaultCredentialsProvider.builder().build());
        boolean pathStyle = settings.endpoint().isPresent();
        var client = S3Client.builder().httpClient(UrlConnectionHttpClient.create())
                .region(Region.of(settings.region())).credentialsProvider(credentials).forcePathStyle(pathStyle);
        var presigner = S3Presigner.builder().region(Region.of(settings.region())).credentialsProvider(credentials)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(pathStyle).build());
        settings.endpoint().ifPresent(endpoint -> {
            client.endpointOverride(endpoint);
            presigner.endpointOverride(endpoint);
        });
        return new S3Clients(client.build(), presigner.build());
    }
}
