package dev.coachkit.adapters.http.community;

import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.UUID;

/**
 * The JSON request bodies of the Spaces and Posts endpoints. Text limits count characters
 * (code points) and are checked by the domain, which names the field; here only presence and shape.
 */
final class CommunityRequests {

    private CommunityRequests() {}

    /** {@code POST /spaces}. */
    record CreateSpaceRequest(@NotNull String name, String description, @NotNull Boolean isPrivate) {}

    /** {@code PATCH /spaces/{id}}: absent fields keep their value. */
    record UpdateSpaceRequest(String name, String description, Boolean isPrivate) {}

    /** {@code POST /spaces/{id}/members}. */
    record AddSpaceMemberRequest(@NotNull UUID userId, SpaceRoleName role) {}

    /** {@code POST /posts}. */
    record CreatePostRequest(@NotNull UUID spaceId, @NotNull PostTypeName type, String title, @NotNull String content,
            List<@NotNull UUID> mediaIds) {}

    /** {@code POST /posts/{id}/comments}. */
    record CreateCommentRequest(@NotNull String content) {}
}
