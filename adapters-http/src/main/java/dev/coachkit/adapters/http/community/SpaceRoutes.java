package dev.coachkit.adapters.http.community;

import dev.coachkit.adapters.http.community.CommunityRequests.AddSpaceMemberRequest;
import dev.coachkit.adapters.http.community.CommunityRequests.CreateSpaceRequest;
import dev.coachkit.adapters.http.community.CommunityRequests.UpdateSpaceRequest;
import dev.coachkit.adapters.http.community.CommunityResponses.SpaceDetailsResponse;
import dev.coachkit.adapters.http.community.CommunityResponses.SpaceMemberPage;
import dev.coachkit.adapters.http.community.CommunityResponses.SpaceMemberResponse;
import dev.coachkit.adapters.http.community.CommunityResponses.SpacePage;
import dev.coachkit.adapters.http.community.CommunityResponses.SpaceResponse;
import dev.coachkit.adapters.http.security.Authenticated;
import dev.coachkit.adapters.http.security.ClientIp;
import dev.coachkit.adapters.http.shared.ApiParameter;
import dev.coachkit.adapters.http.shared.ApiResponse;
import dev.coachkit.adapters.http.shared.ApiRoute;
import dev.coachkit.adapters.http.shared.Paging;
import dev.coachkit.adapters.http.shared.RequestBody;
import dev.coachkit.adapters.http.shared.RouteModule;
import dev.coachkit.application.community.CommunityModule;
import dev.coachkit.application.community.port.in.AddSpaceMemberUseCase;
import dev.coachkit.application.community.port.in.CreateSpaceUseCase;
import dev.coachkit.application.community.port.in.GetSpaceUseCase;
import dev.coachkit.application.community.port.in.ListSpaceMembersUseCase;
import dev.coachkit.application.community.port.in.ListSpacesUseCase;
import dev.coachkit.application.community.port.in.RemoveSpaceMemberUseCase;
import dev.coachkit.application.community.port.in.UpdateSpaceUseCase;
import dev.coachkit.domain.community.Space;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.Ids;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The Spaces endpoints, paging through a space's members included (docs/community.md). */
public final class SpaceRoutes implements RouteModule {

    private static final String TAG = "Spaces";
    private static final ApiParameter SPACE_ID = ApiParameter.path("id", UUID.class, "The space");

    private final CommunityModule community;

    public SpaceRoutes(CommunityModule community) {
        this.community = community;
    }

    @Override
    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.get("/spaces").operationId("listSpaces").tag(TAG)
                        .summary("Spaces the caller belongs to (ADMIN: every space), newest first")
                        .parameter(Paging.PARAMETERS.get(0)).parameter(Paging.PARAMETERS.get(1))
                        .json(200, "A page of spaces", SpacePage.class)
                        .handle(ctx -> ctx.json(SpacePage.from(community.spaces().spaces(
                                new ListSpacesUseCase.Query(Authenticated.actor(ctx), Paging.from(ctx, 2)))))),
                ApiRoute.post("/spaces").operationId("createSpace").tag(TAG)
                        .summary("Open a space (ADMIN, COACH); the creator becomes its owner")
                        .body(CreateSpaceRequest.class, CommunityExamples.CREATE_SPACE)
                        .json(201, "The new space", SpaceResponse.class, CommunityExamples.SPACE_CREATED).errors(403)
                        .handle(this::create),
                ApiRoute.get("/spaces/{id}").operationId("getSpace").tag(TAG)
                        .summary("A space with its first 100 members (private spaces: members and ADMIN only)")
                        .parameter(SPACE_ID)
                        .json(200, "The space and its members", SpaceDetailsResponse.class).errors(404)
                        .handle(ctx -> ctx.json(SpaceDetailsResponse.from(community.space().space(
                                new GetSpaceUseCase.Query(Authenticated.actor(ctx), spaceId(ctx)))))),
                ApiRoute.patch("/spaces/{id}").operationId("updateSpace").tag(TAG)
                        .summary("Rename, redescribe or change the privacy of a space (owners, ADMIN)")
                        .parameter(SPACE_ID).body(UpdateSpaceRequest.class)
                        .json(200, "The edited space", SpaceResponse.class).errors(403, 404)
                        .handle(this::update),
                ApiRoute.get("/spaces/{id}/members").operationId("listSpaceMembers").tag(TAG)
                        .summary("Members of a readable space, first added first")
                        .parameter(SPACE_ID).parameter(Paging.PARAMETERS.get(0)).parameter(Paging.PARAMETERS.get(1))
                        .json(200, "A page of members", SpaceMemberPage.class).errors(404)
                        .handle(ctx -> ctx.json(SpaceMemberPage.from(community.members().members(
                                new ListSpaceMembersUseCase.Query(Authenticated.actor(ctx), spaceId(ctx),
                                        Paging.from(ctx, 2)))))),
                ApiRoute.post("/spaces/{id}/members").operationId("addSpaceMember").tag(TAG)
                        .summary("Add a member of the organization to the space (owners, ADMIN); role MEMBER by default")
                        .parameter(SPACE_ID).body(AddSpaceMemberRequest.class)
                        .json(201, "The new space member", SpaceMemberResponse.class)
                        .responds(ApiResponse.problem(422, "The user is not a member of the organization"))
                        .errors(403, 404, 409)
                        .handle(this::addMember),
                ApiRoute.delete("/spaces/{id}/members/{userId}").operationId("removeSpaceMember").tag(TAG)
                        .summary("Remove someone from the space (owners, ADMIN); the creator stays")
                        .parameter(SPACE_ID).parameter(ApiParameter.path("userId", UUID.class, "The member"))
                        .responds(ApiResponse.empty(204, "Removed"))
                        .responds(ApiResponse.problem(422, "The space's creator cannot be removed"))
                        .errors(403, 404)
                        .handle(this::removeMember));
    }

    private void create(Context ctx) {
        CreateSpaceRequest request = RequestBody.parse(ctx, CreateSpaceRequest.class);
        ctx.status(201).json(SpaceResponse.from(community.createSpace().create(new CreateSpaceUseCase.Command(
                Authenticated.actor(ctx), request.name(), request.description(), request.isPrivate(),
                ClientIp.forAudit(ctx)))));
    }

    private void update(Context ctx) {
        UpdateSpaceRequest request = RequestBody.parse(ctx, UpdateSpaceRequest.class);
        Space.Changes changes = new Space.Changes(Optional.ofNullable(request.name()),
                Optional.ofNullable(request.description()), Optional.ofNullable(request.isPrivate()));
        ctx.json(SpaceResponse.from(community.updateSpace().update(new UpdateSpaceUseCase.Command(
                Authenticated.actor(ctx), spaceId(ctx), changes, ClientIp.forAudit(ctx)))));
    }

    private void addMember(Context ctx) {
        AddSpaceMemberRequest request = RequestBody.parse(ctx, AddSpaceMemberRequest.class);
        ctx.status(201).json(SpaceMemberResponse.from(community.addMember().add(new AddSpaceMemberUseCase.Command(
                Authenticated.actor(ctx), spaceId(ctx), AccountId.of(request.userId()),
                Optional.ofNullable(request.role()).map(SpaceRoleName::toDomain), ClientIp.forAudit(ctx)))));
    }

    private void removeMember(Context ctx) {
        community.removeMember().remove(new RemoveSpaceMemberUseCase.Command(Authenticated.actor(ctx), spaceId(ctx),
                AccountId.parse(ctx.pathParam("userId"), "userId"), ClientIp.forAudit(ctx)));
        ctx.status(204);
    }

    private static UUID spaceId(Context ctx) {
        return Ids.parse(ctx.pathParam("id"), "id");
    }
}
