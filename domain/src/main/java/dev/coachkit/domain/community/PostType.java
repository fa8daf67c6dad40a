package dev.coachkit.domain.community;

/** What a post mainly carries. */
public enum PostType {
    TEXT,
    /** Training videos or pictures: at least one media id. */
    MEDIA
}
