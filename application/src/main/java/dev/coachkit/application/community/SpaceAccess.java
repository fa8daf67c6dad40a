package dev.coachkit.application.community;

import dev.coachkit.application.community.port.out.PostRepository;
import dev.coachkit.application.community.port.out.PostRepository.PostView;
import dev.coachkit.application.community.port.out.SpaceMemberRepository;
import dev.coachkit.application.community.port.out.SpaceRepository;
import dev.coachkit.application.community.port.out.SpaceRepository.SpaceSummary;
import dev.coachkit.domain.community.SpaceMember;
import dev.coachkit.domain.community.SpaceStanding;
import dev.coachkit.domain.shared.Actor;
import dev.coachkit.domain.shared.NotFoundException;
import java.util.UUID;

/** Loads a space or post together with the caller's standing in its space, inside a running unit of work. */
final class SpaceAccess {

    /** A space and what the caller may do in it. */
    record InSpace(SpaceSummary summary, SpaceStanding standing) {}

    /** A post and what the caller may do in its space. */
    record OnPost(PostView view, SpaceStanding standing) {}

    private final SpaceRepository spaces;
    private final SpaceMemberRepository members;
    private final PostRepository posts;

    SpaceAccess(SpaceRepository spaces, SpaceMemberRepository members, PostRepository posts) {
        this.spaces = spaces;
        this.members = members;
        this.posts = posts;
    }

    /** The space with the caller's standing; 404 when it does not exist or is private to others. */
    InSpace space(Actor actor, UUID spaceId) {
        SpaceSummary summary = spaces.find(spaceId).orElseThrow(() -> new NotFoundException("space", spaceId));
        SpaceStanding standing = new SpaceStanding(actor, summary.space(),
                members.find(spaceId, actor.accountId()).map(SpaceMember::role));
        return new InSpace(summary, standing.requireReadable());
    }

    /** The post with the caller's standing in its space; 404 when it is gone or its space is hidden from them. */
    OnPost post(Actor actor, UUID postId) {
        PostView view = posts.find(postId).orElseThrow(() -> new NotFoundException("post", postId));
        SpaceSummary summary = spaces.find(view.post().spaceId()).orElseThrow(() -> new NotFoundException("post", postId));
        SpaceStanding standing = new SpaceStanding(actor, summary.space(),
                members.find(summary.space().id(), actor.accountId()).map(SpaceMember::role));
        if (!standing.mayRead()) {
            throw new NotFoundException("post", postId);
        }
        return new OnPost(view, standing);
    }
}
