package dev.coachkit.adapters.http.media;

import dev.coachkit.adapters.http.media.MediaMessages.FinalizeRequest;
import dev.coachkit.adapters.http.media.MediaMessages.MediaResponse;
import dev.coachkit.adapters.http.media.MediaMessages.PartRequest;
import dev.coachkit.adapters.http.media.MediaMessages.PartUrlResponse;
import dev.coachkit.adapters.http.media.MediaMessages.UploadIntentRequest;
import dev.coachkit.adapters.http.media.MediaMessages.UploadIntentResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Example bodies of the direct-to-storage upload flow; the build checks them against their schemas. */
final class MediaExamples {

    private static final UUID MEDIA = UUID.fromString("e2f4a6b8-0c1d-4e3f-8a5b-7c9d0e1f2a3b");
    private static final UUID SPACE = UUID.fromString("5b8e2f1a-9c4d-4b7e-a3f6-0d1c2b3a4e5f");
    private static final long SIZE = 20_971_520;
    private static final long PART_SIZE = 10_485_760;
    private static final Instant REQUESTED = Instant.parse("2026-03-02T17:30:00Z");
    private static final String PART_URL = "https://media.example.com/7c1e5a2b/e2f4a6b8/original?partNumber=";

    static final UploadIntentRequest UPLOAD_INTENT = new UploadIntentRequest("serve.mp4", "video/mp4", SIZE, SPACE);
    static final UploadIntentResponse UPLOAD_GRANTED = new UploadIntentResponse(MEDIA, PART_SIZE, List.of(
            new PartUrlResponse(1, PART_URL + "1&X-Amz-Signature=3b1f"),
            new PartUrlResponse(2, PART_URL + "2&X-Amz-Signature=9c4e")), REQUESTED.plusSeconds(3600));
    static final FinalizeRequest FINALIZE = new FinalizeRequest(List.of(
            new PartRequest(1, "\"6f1ed002ab5595859014ebf0951522d9\""),
            new PartRequest(2, "\"c1a4e5b3d2f0a9b8c7d6e5f4a3b2c1d0\"")));
    static final MediaResponse PROCESSING = new MediaResponse(MEDIA, "PROCESSING", "serve.mp4", "video/mp4", SIZE,
            null, null, null, null, null, REQUESTED);

    private MediaExamples() {}
}
