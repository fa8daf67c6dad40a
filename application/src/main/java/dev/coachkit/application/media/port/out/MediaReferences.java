package dev.coachkit.application.media.port.out;

import java.util.UUID;

/**
 * What outside the media context points at an asset and must let go of it when the asset is deleted, in
 * the deleting unit of work: the profiles showing it as avatar. The identity context answers.
 */
public interface MediaReferences {

    /** Forgets every reference to the asset {@code mediaId}, which the running unit of work deletes. */
    void assetDeleted(UUID mediaId);
}
