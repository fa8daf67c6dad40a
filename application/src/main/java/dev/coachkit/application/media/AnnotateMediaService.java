package dev.coachkit.application.media;

import dev.coachkit.application.events.EventRecorder;
import dev.coachkit.application.media.port.in.AnnotateMediaUseCase;
import dev.coachkit.application.media.port.out.AnnotationRepository;
import dev.coachkit.application.media.port.out.MediaAudience;
import dev.coachkit.application.media.port.out.MediaRepository;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.IdGenerator;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.media.Annotation;
import dev.coachkit.domain.media.MediaAsset;
import dev.coachkit.domain.shared.Actor;
import dev.coachkit.domain.shared.BusinessRuleException;
import dev.coachkit.domain.shared.TenantId;
import java.util.Optional;

/** Stores the annotation and records {@code annotation.created} for the people the media concerns, in one unit. */
final class AnnotateMediaService implements AnnotateMediaUseCase {

    private final UnitOfWork unitOfWork;
    private final VisibleMedia visible;
    private final MediaRepository media;
    private final AnnotationRepository annotations;
    private final MediaAudience audience;
    private final EventRecorder events;
    private final IdGenerator ids;
    private final Clock clock;

    AnnotateMediaService(UnitOfWork unitOfWork, VisibleMedia visible, MediaRepository media,
            AnnotationRepository annotations, MediaAudience audience, EventRecorder events, IdGenerator ids,
            Clock clock) {
        this.unitOfWork = unitOfWork;
        this.visible = visible;
        this.media = media;
        this.annotations = annotations;
        this.audience = audience;
        this.events = events;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public Annotation annotate(Command command) {
        Actor actor = command.actor();
        TenantId tenant = actor.tenantId();
        return unitOfWork.inTenant(tenant, () -> {
            MediaAsset annotated = visible.require(actor, command.mediaId());
            // a voice-over is the annotator's own recording: another member's audio is neither usable nor revealed
            Optional<MediaAsset> voiceOver = command.audioMediaId().map(id -> media.find(tenant, id)
                    .filter(audio -> audio.uploader().equals(actor.accountId()))
                    .orElseThrow(() -> new BusinessRuleException(
                            "audioMediaId must name a READY audio media the annotator uploaded")));
            Annotation annotation = Annotation.create(ids.newId(), actor.accountId(), annotated, command.atMs(),
                    command.endMs(), command.text(), command.drawing(), voiceOver, clock.now());
            MediaAudience.Circle circle = audience.circleOf(tenant, annotated.spaceId(), annotated.id());
            annotations.add(annotation);
            events.record(annotation.created(annotated, circle.postAuthors(), circle.postSpaces()));
            return annotation;
        });
    }
}
