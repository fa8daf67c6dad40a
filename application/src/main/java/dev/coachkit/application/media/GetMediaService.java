package dev.coachkit.application.media;

import dev.coachkit.application.media.port.in.GetMediaUseCase;
import dev.coachkit.domain.media.MediaAsset;

/** A visible asset, with a presigned thumbnail URL once processing made one. */
public final class GetMediaService implements GetMediaUseCase {

    private final VisibleMedia visible;
    private final MediaThumbnails thumbnails;

    GetMediaService(VisibleMedia visible, MediaThumbnails thumbnails) {
        this.visible = visible;
        this.thumbnails = thumbnails;
    }

    @Override
    public MediaView media(Query query) {
        MediaAsset asset = visible.require(query.actor(), query.mediaId());
        return new MediaView(asset, thumbnails.urlOf(asset));
    }
}
