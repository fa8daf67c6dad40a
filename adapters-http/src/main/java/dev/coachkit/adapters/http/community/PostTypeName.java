package dev.coachkit.adapters.http.community;

import dev.coachkit.domain.community.PostType;

/** A post's type as the API spells it. */
enum PostTypeName {
    TEXT, MEDIA;

    static PostTypeName of(PostType type) {
        return valueOf(type.name());
    }

    PostType toDomain() {
        return PostType.valueOf(name());
    }
}
