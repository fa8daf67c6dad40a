package dev.coachkit.application.media;

import dev.coachkit.application.media.port.in.GetMediaUseCase.MediaView;
import dev.coachkit.application.media.port.in.ListMediaUseCase;
import dev.coachkit.application.media.port.out.MediaRepository;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.media.MediaAsset;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.Actor;
import dev.coachkit.domain.shared.Page;
import dev.coachkit.domain.shared.PermissionDeniedException;

/** One uploader's media, newest first: the caller's own, or anyone's for an ADMIN. */
public final class ListMediaService implements ListMediaUseCase {

    private final UnitOfWork unitOfWork;
    private final MediaRepository media;
    private final MediaThumbnails thumbnails;

    ListMediaService(UnitOfWork unitOfWork, MediaRepository media, MediaThumbnails thumbnails) {
        this.unitOfWork = unitOfWork;
        this.media = media;
        this.thumbnails = thumbnails;
    }

    @Override
    public Page<MediaView> media(Query query) {
        Actor actor = query.actor();
        AccountId uploader = query.uploader().orElse(actor.accountId());
        if (!uploader.equals(actor.accountId()) && !actor.isAdmin()) {
            throw new PermissionDeniedException("only an ADMIN lists the media of another member");
        }
        Page<MediaAsset> page = unitOfWork.inTenant(actor.tenantId(),
                () -> media.listByUploader(actor.tenantId(), uploader, query.status(), query.page()));
        // signed after the unit of work: signing needs no connection
        return page.map(asset -> new MediaView(asset, thumbnails.urlOf(asset)));
    }
}
