package dev.coachkit.domain.media;

import dev.coachkit.domain.shared.Actor;

/** Who may see a media asset: its uploader, an ADMIN, and whoever can read the space it belongs to. */
public final class MediaPolicy {

    private MediaPolicy() {}

    /**
     * @param spaceReadable whether the actor can read the asset's space (false when it has none)
     */
    public static boolean mayView(Actor actor, MediaAsset asset, boolean sharedWithActor) {
        if (!actor.tenantId().equals(asset.tenantId())) {
            return false;
        }
        return actor.isAdmin() || actor.accountId().equals(asset.uploader()) || sharedWithActor;
    }
}
