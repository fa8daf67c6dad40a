package dev.coachkit.adapters.http.community;

import dev.coachkit.adapters.http.community.CommunityRequests.CreateCommentRequest;
import dev.coachkit.adapters.http.community.CommunityRequests.CreatePostRequest;
import dev.coachkit.adapters.http.community.CommunityRequests.CreateSpaceRequest;
import dev.coachkit.adapters.http.community.CommunityResponses.CommentResponse;
import dev.coachkit.adapters.http.community.CommunityResponses.PostPage;
import dev.coachkit.adapters.http.community.CommunityResponses.PostResponse;
import dev.coachkit.adapters.http.community.CommunityResponses.SpaceResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Example bodies of the space, post, comment and feed flows; the build checks them against their schemas. */
final class CommunityExamples {

    private static final UUID COACH = UUID.fromString("3f2a9c4e-8b1d-4e6f-9a7c-2d5e8f1b3c60");
    private static final UUID ATHLETE = UUID.fromString("a4d7e1f0-2c3b-4e5d-8f6a-9b0c1d2e3f40");
    private static final UUID SPACE = UUID.fromString("5b8e2f1a-9c4d-4b7e-a3f6-0d1c2b3a4e5f");
    private static final UUID POST_ID = UUID.fromString("c9e1a3b5-7d2f-4c6e-9a8b-1f0e2d3c4b5a");
    private static final UUID MEDIA = UUID.fromString("e2f4a6b8-0c1d-4e3f-8a5b-7c9d0e1f2a3b");
    private static final Instant CREATED = Instant.parse("2026-03-02T17:45:00Z");
    private static final String DESCRIPTION = "Tuesday and Thursday training group";
    private static final String DRILL = "Watch the toss: it should peak just in front of your hitting shoulder.";

    static final CreateSpaceRequest CREATE_SPACE = new CreateSpaceRequest("Junior squad", DESCRIPTION, true);
    static final SpaceResponse SPACE_CREATED = new SpaceResponse(SPACE, "Junior squad", DESCRIPTION, true, COACH, 1,
            CREATED, CREATED);
    static final CreatePostRequest CREATE_POST = new CreatePostRequest(SPACE, PostTypeName.MEDIA, "Serve drill", DRILL,
            List.of(MEDIA));
    static final PostResponse POST = new PostResponse(POST_ID, SPACE, COACH, PostTypeName.MEDIA, "Serve drill", DRILL,
            List.of(MEDIA), 0, CREATED.plusSeconds(600));
    static final CreateCommentRequest COMMENT = new CreateCommentRequest("Thanks, trying it tomorrow!");
    static final CommentResponse COMMENT_CREATED = new CommentResponse(
            UUID.fromString("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"), ATHLETE, COMMENT.content(), CREATED.plusSeconds(3600));
    static final PostPage FEED = new PostPage(List.of(POST), "eyJpZCI6ImM5ZTFhM2I1IiwiYXQiOiIyMDI2LTAzLTAyIn0");

    private CommunityExamples() {}
}
