package dev.coachkit.domain.media;

import dev.coachkit.domain.shared.Actor;

/**
 * Who may see a media asset (its uploader, an ADMIN, and whoever can read the space or a post it belongs
 * to) and who may delete it (its uploader and an ADMIN).
 */
public final class MediaPolicy {

    private MediaPolicy() {}

    /**
     * @param sharedWithActor whether the asset reached the actor another way: the actor can read its
     *                        space or a post that carries it (false when neither is known)
     */
    public static boolean mayView(Actor actor, MediaAsset asset, boolean sharedWithActor) {
        if (!actor.tenantId().equals(asset.tenantId())) {
            return false;
        }
        return actor.isAdmin() || actor.accountId().equals(asset.uploader()) || sharedWithActor;
    }

    /** The uploader and an ADMIN of the asset's tenant; anyone else who may see it is refused (403). */
    public static boolean mayDelete(Actor actor, MediaAsset asset) {
        return actor.tenantId().equals(asset.tenantId())
                && (actor.isAdmin() || actor.accountId().equals(asset.uploader()));
    }
}
