package dev.coachkit.application.media;

import dev.coachkit.application.audit.port.out.AuditLog;
import dev.coachkit.application.community.CommunityModule;
import dev.coachkit.application.composition.Assembly;
import dev.coachkit.application.composition.BoundedContext;
import dev.coachkit.application.events.EventRuntime;
import dev.coachkit.application.events.EventType;
import dev.coachkit.application.events.RuntimeSettings;
import dev.coachkit.application.identity.IdentityModule;
import dev.coachkit.application.media.port.in.CleanUpExpiredUploadsUseCase;
import dev.coachkit.application.media.port.out.AnnotationRepository;
import dev.coachkit.application.media.port.out.BlobStore;
import dev.coachkit.application.media.port.out.MediaAudience;
import dev.coachkit.application.media.port.out.MediaProbe;
import dev.coachkit.application.media.port.out.MediaReferences;
import dev.coachkit.application.media.port.out.MediaRepository;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.IdGenerator;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import java.util.List;
import java.util.Optional;

/**
 * Uploads, processing, playback and the cleanup of abandoned uploads. Who may see shared media is the
 * community's answer unless the host gives a {@link MediaAudience} of its own; what lets go of deleted
 * media (avatars) is identity's unless the host gives {@link MediaReferences}.
 */
public final class MediaContext implements BoundedContext<MediaModule> {

    @Override
    public Class<MediaModule> moduleType() {
        return MediaModule.class;
    }

    @Override
    public List<Class<?>> ports() {
        return List.of(UnitOfWork.class, MediaRepository.class, AnnotationRepository.class, BlobStore.class, MediaProbe.class, AuditLog.class,
                IdGenerator.class, Clock.class);
    }

    @Override
    public List<EventType<?>> eventTypes() {
        return MediaEventTypes.all();
    }

    @Override
    public MediaModule assemble(Assembly a) {
        MediaAudience audience = a.optionalPort(MediaAudience.class)
                .orElseGet(() -> a.module(CommunityModule.class).mediaAudience());
        MediaReferences references = a.optionalPort(MediaReferences.class)
                .orElseGet(() -> a.module(IdentityModule.class).mediaReferences());
        MediaModule media = new MediaModule(new MediaModule.Ports(a.port(UnitOfWork.class), a.events(),
                a.port(MediaRepository.class), a.port(AnnotationRepository.class), a.port(BlobStore.class), a.port(MediaProbe.class), audience,
                references, a.port(AuditLog.class), a.port(IdGenerator.class), a.port(Clock.class)),
                a.setting(MediaSettings.class, MediaSettings.defaults()));
        a.consumer(media.processor());
        CleanUpExpiredUploadsUseCase uploads = media.cleanUpExpiredUploads();
        a.job(new EventRuntime.Job("expired upload cleanup",
                a.setting(RuntimeSettings.class, RuntimeSettings.defaults()).maintenanceInterval(), () -> {
                    CleanUpExpiredUploadsUseCase.Sweep sweep = uploads.cleanUpExpiredUploads();
                    return sweep.discardedUploads() > 0 || sweep.failedProcessing() > 0
                            ? Optional.of("discarded " + sweep.discardedUploads() + " expired media uploads, failed "
                                    + sweep.failedProcessing() + " stalled in processing")
                            : Optional.empty();
                }));
        return media;
    }
}
