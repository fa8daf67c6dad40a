package dev.coachkit.domain.admin;

/** What erasing a member does to the posts and comments they wrote in the organization. */
public enum ContentErasure {
    /** Posts and comments stay for the conversation's sake; their author becomes an unlinkable former member. */
    ANONYMIZE,
    /** Their posts (with every comment on them) and their comments are deleted. */
    DELETE
}
