package dev.coachkit.application.community.port.in;

import dev.coachkit.domain.community.Post;
import java.util.Objects;

/** A post as the community use cases answer it: the post and how many comments it has. */
public record PostOverview(Post post, int commentCount) {

    public PostOverview {
        Objects.requireNonNull(post, "post");
    }
}
