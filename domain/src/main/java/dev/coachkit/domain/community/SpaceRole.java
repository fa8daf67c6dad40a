package dev.coachkit.domain.community;

/** A member's standing within one space. */
public enum SpaceRole {
    /** Edits the space and manages its members; the creator is one. */
    OWNER,
    /** Reads and posts. */
    MEMBER
}
