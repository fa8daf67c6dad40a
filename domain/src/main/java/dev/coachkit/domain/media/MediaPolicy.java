package dev.coachkit.domain.media;

import dev.coachkit.domain.shared.Actor;

/** Who may see a media asset: its uploader, an ADMIN, and whoever can read the space it belongs to. */
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
}
