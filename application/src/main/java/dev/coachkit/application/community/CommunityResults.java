package dev.coachkit.application.community;

import dev.coachkit.application.community.port.in.PostOverview;
import dev.coachkit.application.community.port.in.SpaceOverview;
import dev.coachkit.application.community.port.out.PostRepository.PostView;
import dev.coachkit.application.community.port.out.SpaceRepository.SpaceSummary;

/** Maps what the community's repositories read to what its use cases answer. */
final class CommunityResults {

    private CommunityResults() {
    }

    static SpaceOverview space(SpaceSummary summary) {
        return new SpaceOverview(summary.space(), summary.memberCount());
    }

    static PostOverview post(PostView view) {
        return new PostOverview(view.post(), view.commentCount());
    }
}
