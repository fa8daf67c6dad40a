package dev.coachkit.application.media;

import dev.coachkit.application.media.port.in.ListAnnotationsUseCase;
import dev.coachkit.application.media.port.out.AnnotationRepository;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.media.Annotation;
import dev.coachkit.domain.media.MediaAsset;
import dev.coachkit.domain.shared.Page;

/** The annotations of a media its reader may see: all of them, whoever wrote them. */
final class ListAnnotationsService implements ListAnnotationsUseCase {

    private final UnitOfWork unitOfWork;
    private final VisibleMedia visible;
    private final AnnotationRepository annotations;

    ListAnnotationsService(UnitOfWork unitOfWork, VisibleMedia visible, AnnotationRepository annotations) {
        this.unitOfWork = unitOfWork;
        this.visible = visible;
        this.annotations = annotations;
    }

    @Override
    public Page<Annotation> annotations(Query query) {
        return unitOfWork.inTenant(query.actor().tenantId(), () -> {
            MediaAsset media = visible.require(query.actor(), query.mediaId());
            return annotations.list(media.tenantId(), new AnnotationRepository.MediaAnnotations(media.id(),
                    query.fromMs(), query.toMs(), query.page()));
        });
    }
}
