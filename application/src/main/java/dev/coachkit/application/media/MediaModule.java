package dev.coachkit.application.media;

import dev.coachkit.application.audit.AuditTrail;
import dev.coachkit.application.audit.port.out.AuditLog;
import dev.coachkit.application.events.EventConsumer;
import dev.coachkit.application.events.EventRecorder;
import dev.coachkit.application.media.port.in.AnnotateMediaUseCase;
import dev.coachkit.application.media.port.in.CleanUpExpiredUploadsUseCase;
import dev.coachkit.application.media.port.in.DeleteAnnotationUseCase;
import dev.coachkit.application.media.port.in.EditAnnotationUseCase;
import dev.coachkit.application.media.port.in.ListAnnotationsUseCase;
import dev.coachkit.application.media.port.in.DeleteMediaUseCase;
import dev.coachkit.application.media.port.in.FinalizeUploadUseCase;
import dev.coachkit.application.media.port.in.GetMediaUseCase;
import dev.coachkit.application.media.port.in.GetPlaybackUrlUseCase;
import dev.coachkit.application.media.port.in.ListMediaUseCase;
import dev.coachkit.application.media.port.in.RequestUploadUseCase;
import dev.coachkit.application.media.port.out.AnnotationRepository;
import dev.coachkit.application.media.port.out.BlobStore;
import dev.coachkit.application.media.port.out.MediaAudience;
import dev.coachkit.application.media.port.out.MediaProbe;
import dev.coachkit.application.media.port.out.MediaReferences;
import dev.coachkit.application.media.port.out.MediaRepository;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.IdGenerator;
import dev.coachkit.application.shared.port.out.UnitOfWork;

/** The media use cases and the media worker, assembled once from the ports they share. */
public final class MediaModule {

    /** The out ports media needs, as given to the {@code CoachKit} builder. */
    public record Ports(UnitOfWork unitOfWork, EventRecorder events, MediaRepository media,
            AnnotationRepository annotations, BlobStore blobs, MediaProbe probe, MediaAudience audience, MediaReferences references, AuditLog auditLog, IdGenerator ids,
            Clock clock) {}

    private final RequestUploadUseCase requestUpload;
    private final FinalizeUploadUseCase finalizeUpload;
    private final GetMediaUseCase media;
    private final ListMediaUseCase list;
    private final GetPlaybackUrlUseCase playbackUrl;
    private final DeleteMediaUseCase delete;
    private final CleanUpExpiredUploadsUseCase cleanUpExpiredUploads;
    private final AnnotateMediaUseCase annotate;
    private final ListAnnotationsUseCase annotations;
    private final EditAnnotationUseCase editAnnotation;
    private final DeleteAnnotationUseCase deleteAnnotation;
    private final EventConsumer<?> processor;

    public MediaModule(Ports ports, MediaSettings settings) {
        VisibleMedia visible = new VisibleMedia(ports.unitOfWork(), ports.media(), ports.audience());
        this.requestUpload = new RequestUploadService(ports.unitOfWork(), ports.media(), ports.blobs(), ports.audience(),
                ports.ids(), ports.clock(), settings);
        this.finalizeUpload = new FinalizeUploadService(ports.unitOfWork(), ports.media(), ports.blobs(),
                ports.events(), ports.clock(), settings);
        MediaThumbnails thumbnails = new MediaThumbnails(ports.blobs(), ports.clock(), settings);
        this.media = new GetMediaService(visible, thumbnails);
        this.list = new ListMediaService(ports.unitOfWork(), ports.media(), thumbnails);
        this.playbackUrl = new GetPlaybackUrlService(visible, ports.blobs(), ports.clock(), settings);
        AuditTrail audit = new AuditTrail(ports.auditLog(), ports.ids(), ports.clock());
        this.delete = new DeleteMediaService(ports.unitOfWork(), ports.media(), ports.references(), visible,
                ports.blobs(), ports.events(), audit, ports.clock());
        this.annotate = new AnnotateMediaService(ports.unitOfWork(), visible, ports.media(), ports.annotations(),
                ports.audience(), ports.events(), ports.ids(), ports.clock());
        this.annotations = new ListAnnotationsService(ports.unitOfWork(), visible, ports.annotations());
        this.editAnnotation = new EditAnnotationService(ports.unitOfWork(), visible, ports.annotations(),
                ports.clock());
        this.deleteAnnotation = new DeleteAnnotationService(ports.unitOfWork(), visible, ports.annotations(),
                ports.audience(), audit);
        ProcessingOutcomes outcomes = new ProcessingOutcomes(ports.media(), ports.events(), ports.clock());
        this.cleanUpExpiredUploads = new CleanUpExpiredUploadsService(ports.unitOfWork(), ports.media(), ports.blobs(),
                outcomes, ports.clock(), settings);
        this.processor = new MediaProcessingConsumer(ports.media(), ports.blobs(), ports.probe(), outcomes);
    }

    public RequestUploadUseCase requestUpload() {
        return requestUpload;
    }

    public FinalizeUploadUseCase finalizeUpload() {
        return finalizeUpload;
    }

    public GetMediaUseCase media() {
        return media;
    }

    /** One uploader's media, newest first: the caller's own, anyone's for an ADMIN. */
    public ListMediaUseCase list() {
        return list;
    }

    public GetPlaybackUrlUseCase playbackUrl() {
        return playbackUrl;
    }

    /** Deletes media for its uploader or an ADMIN, cancelling a pending upload and deleting the bytes. */
    public DeleteMediaUseCase delete() {
        return delete;
    }

    /** Annotates a moment of a media the actor may read (video review). */
    public AnnotateMediaUseCase annotate() {
        return annotate;
    }

    public ListAnnotationsUseCase annotations() {
        return annotations;
    }

    public EditAnnotationUseCase editAnnotation() {
        return editAnnotation;
    }

    public DeleteAnnotationUseCase deleteAnnotation() {
        return deleteAnnotation;
    }

    /** The scheduler's job for uploads never finalized and processing never finished. */
    public CleanUpExpiredUploadsUseCase cleanUpExpiredUploads() {
        return cleanUpExpiredUploads;
    }

    /** The media worker: the consumer of {@code media.uploaded}, registered with the event dispatcher. */
    EventConsumer<?> processor() {
        return processor;
    }
}
