package dev.coachkit.application.media;

import dev.coachkit.application.media.port.in.EditAnnotationUseCase;
import dev.coachkit.application.media.port.out.AnnotationRepository;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.media.Annotation;
import dev.coachkit.domain.media.MediaAsset;
import dev.coachkit.domain.shared.NotFoundException;
import dev.coachkit.domain.shared.PermissionDeniedException;
import dev.coachkit.domain.shared.TenantId;

/** Applies the author's changes, checked against the media again (its duration bounds the new moment). */
final class EditAnnotationService implements EditAnnotationUseCase {

    private final UnitOfWork unitOfWork;
    private final VisibleMedia visible;
    private final AnnotationRepository annotations;
    private final Clock clock;

    EditAnnotationService(UnitOfWork unitOfWork, VisibleMedia visible, AnnotationRepository annotations, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.visible = visible;
        this.annotations = annotations;
        this.clock = clock;
    }

    @Override
    public Annotation edit(Command command) {
        TenantId tenant = command.actor().tenantId();
        return unitOfWork.inTenant(tenant, () -> {
            Annotation annotation = annotations.find(tenant, command.annotationId())
                    .orElseThrow(() -> new NotFoundException("annotation", command.annotationId()));
            MediaAsset media = visible.require(command.actor(), annotation.mediaId());
            if (!annotation.mayEdit(command.actor())) {
                throw new PermissionDeniedException("only the author edits an annotation");
            }
            Annotation edited = annotation.edited(command.changes(), media, clock.now());
            annotations.update(edited);
            return edited;
        });
    }
}
