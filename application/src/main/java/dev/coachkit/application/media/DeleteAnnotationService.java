package dev.coachkit.application.media;

import dev.coachkit.application.audit.AuditTrail;
import dev.coachkit.application.media.port.in.DeleteAnnotationUseCase;
import dev.coachkit.application.media.port.out.AnnotationRepository;
import dev.coachkit.application.media.port.out.MediaAudience;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.media.Annotation;
import dev.coachkit.domain.media.MediaAsset;
import dev.coachkit.domain.shared.Actor;
import dev.coachkit.domain.shared.NotFoundException;
import dev.coachkit.domain.shared.PermissionDeniedException;
import dev.coachkit.domain.shared.TenantId;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Deletes the annotation and audits who did, in one unit of work. */
final class DeleteAnnotationService implements DeleteAnnotationUseCase {

    private final UnitOfWork unitOfWork;
    private final VisibleMedia visible;
    private final AnnotationRepository annotations;
    private final MediaAudience audience;
    private final AuditTrail audit;

    DeleteAnnotationService(UnitOfWork unitOfWork, VisibleMedia visible, AnnotationRepository annotations,
            MediaAudience audience, AuditTrail audit) {
        this.unitOfWork = unitOfWork;
        this.visible = visible;
        this.annotations = annotations;
        this.audience = audience;
        this.audit = audit;
    }

    @Override
    public void delete(Command command) {
        Actor actor = command.actor();
        TenantId tenant = actor.tenantId();
        unitOfWork.runInTenant(tenant, () -> {
            Annotation annotation = annotations.find(tenant, command.annotationId())
                    .orElseThrow(() -> new NotFoundException("annotation", command.annotationId()));
            MediaAsset media = visible.require(actor, annotation.mediaId());
            // the space owners are read only for whom neither authorship, the upload nor ADMIN already entitles
            boolean permitted = annotation.mayDelete(actor, media, Set.of()) || annotation.mayDelete(actor, media,
                    audience.circleOf(tenant, media.spaceId(), media.id()).spaceOwners());
            if (!permitted) {
                throw new PermissionDeniedException(
                        "only the author, the media's uploader, an owner of its space or an ADMIN deletes an annotation");
            }
            if (!annotations.delete(tenant, annotation.id())) {
                throw new NotFoundException("annotation", annotation.id()); // deleted concurrently
            }
            // no author in the append-only trail: erasing the author must not leave them linked to the annotation
            audit.record(tenant, "annotation.deleted", Optional.of(actor.accountId()), "annotation", annotation.id(),
                    command.clientIp(), Map.of("mediaId", annotation.mediaId().toString()));
        });
    }
}
