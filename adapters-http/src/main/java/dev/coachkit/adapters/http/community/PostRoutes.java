package dev.coachkit.adapters.http.community;

import dev.coachkit.adapters.http.community.CommunityRequests.CreateCommentRequest;
import dev.coachkit.adapters.http.community.CommunityRequests.CreatePostRequest;
import dev.coachkit.adapters.http.community.CommunityResponses.CommentPage;
import dev.coachkit.adapters.http.community.CommunityResponses.CommentResponse;
import dev.coachkit.adapters.http.community.CommunityResponses.PostDetailsResponse;
import dev.coachkit.adapters.http.community.CommunityResponses.PostPage;
import dev.coachkit.adapters.http.community.CommunityResponses.PostResponse;
import dev.coachkit.adapters.http.security.Authenticated;
import dev.coachkit.adapters.http.security.ClientIp;
import dev.coachkit.adapters.http.shared.ApiParameter;
import dev.coachkit.adapters.http.shared.ApiResponse;
import dev.coachkit.adapters.http.shared.ApiRoute;
import dev.coachkit.adapters.http.shared.Paging;
import dev.coachkit.adapters.http.shared.RequestBody;
import dev.coachkit.adapters.http.shared.RouteModule;
import dev.coachkit.application.community.CommunityModule;
import dev.coachkit.application.community.port.in.AddCommentUseCase;
import dev.coachkit.application.community.port.in.CreatePostUseCase;
import dev.coachkit.application.community.port.in.DeletePostUseCase;
import dev.coachkit.application.community.port.in.GetPostUseCase;
import dev.coachkit.application.community.port.in.ListCommentsUseCase;
import dev.coachkit.application.community.port.in.ListFeedUseCase;
import dev.coachkit.domain.shared.Ids;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The Posts endpoints: the feed, posts, comments, deletion (docs/community.md). */
public final class PostRoutes implements RouteModule {

    private static final String TAG = "Posts";
    private static final ApiParameter POST_ID = ApiParameter.path("id", UUID.class, "The post");

    private final CommunityModule community;

    public PostRoutes(CommunityModule community) {
        this.community = community;
    }

    @Override
    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.get("/posts").operationId("listFeed").tag(TAG)
                        .summary("The feed: posts of every space the caller may read (or of one), newest first")
                        .parameter(ApiParameter.query("spaceId", UUID.class, "Only this space's posts"))
                        .parameter(Paging.PARAMETERS.get(0)).parameter(Paging.PARAMETERS.get(1))
                        .json(200, "A page of posts", PostPage.class, CommunityExamples.FEED).errors(404)
                        .handle(this::feed),
                ApiRoute.post("/posts").operationId("createPost").tag(TAG)
                        .summary("Share a post in a space the caller is a member of")
                        .body(CreatePostRequest.class, CommunityExamples.CREATE_POST)
                        .json(201, "The new post", PostResponse.class, CommunityExamples.POST).errors(403, 404)
                        .responds(ApiResponse.problem(422, "A mediaId names media the author cannot see"))
                        .handle(this::create),
                ApiRoute.get("/posts/{id}").operationId("getPost").tag(TAG)
                        .summary("A post with its first 50 comments, oldest first")
                        .parameter(POST_ID)
                        .json(200, "The post and its comments", PostDetailsResponse.class).errors(404)
                        .handle(ctx -> ctx.json(PostDetailsResponse.from(community.post().post(
                                new GetPostUseCase.Query(Authenticated.actor(ctx), postId(ctx)))))),
                ApiRoute.get("/posts/{id}/comments").operationId("listComments").tag(TAG)
                        .summary("Comments of a post, oldest first")
                        .parameter(POST_ID).parameter(Paging.PARAMETERS.get(0)).parameter(Paging.PARAMETERS.get(1))
                        .json(200, "A page of comments", CommentPage.class).errors(404)
                        .handle(ctx -> ctx.json(CommentPage.from(community.comments().comments(
                                new ListCommentsUseCase.Query(Authenticated.actor(ctx), postId(ctx),
                                        Paging.from(ctx, 2)))))),
                ApiRoute.post("/posts/{id}/comments").operationId("createComment").tag(TAG)
                        .summary("Reply to a post in a space the caller is a member of")
                        .parameter(POST_ID).body(CreateCommentRequest.class, CommunityExamples.COMMENT)
                        .json(201, "The new comment", CommentResponse.class, CommunityExamples.COMMENT_CREATED).errors(403, 404)
                        .handle(this::comment),
                ApiRoute.delete("/posts/{id}").operationId("deletePost").tag(TAG)
                        .summary("Delete a post (author, space owners, ADMIN); its comments go with it")
                        .parameter(POST_ID)
                        .responds(ApiResponse.empty(204, "Deleted")).errors(403, 404)
                        .handle(this::delete));
    }

    private void feed(Context ctx) {
        Optional<UUID> spaceId = Optional.ofNullable(ctx.queryParam("spaceId")).filter(id -> !id.isBlank())
                .map(id -> Ids.parse(id, "spaceId"));
        ctx.json(PostPage.from(community.feed().feed(new ListFeedUseCase.Query(Authenticated.actor(ctx), spaceId,
                Paging.from(ctx, 2)))));
    }

    private void create(Context ctx) {
        CreatePostRequest request = RequestBody.parse(ctx, CreatePostRequest.class);
        ctx.status(201).json(PostResponse.from(community.createPost().create(new CreatePostUseCase.Command(
                Authenticated.actor(ctx), request.spaceId(), request.type().toDomain(), request.title(),
                request.content(), request.mediaIds() == null ? List.of() : request.mediaIds()))));
    }

    private void comment(Context ctx) {
        CreateCommentRequest request = RequestBody.parse(ctx, CreateCommentRequest.class);
        ctx.status(201).json(CommentResponse.from(community.addComment().add(new AddCommentUseCase.Command(
                Authenticated.actor(ctx), postId(ctx), request.content()))));
    }

    private void delete(Context ctx) {
        community.deletePost().delete(new DeletePostUseCase.Command(Authenticated.actor(ctx), postId(ctx),
                ClientIp.forAudit(ctx)));
        ctx.status(204);
    }

    private static UUID postId(Context ctx) {
        return Ids.parse(ctx.pathParam("id"), "id");
    }
}
