package dev.coachkit.domain.media;

import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.Actor;
import dev.coachkit.domain.shared.BusinessRuleException;
import dev.coachkit.domain.shared.InvalidInputException;
import dev.coachkit.domain.shared.TenantId;
import dev.coachkit.domain.shared.Text;
import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A reviewer's note on a moment (or a span) of a video or on an image: text, a drawing over the frame, a
 * voice-over, or any of them together. Always says something, and always lies within the media it annotates:
 * {@code atMs} within the video's duration (0 on an image), {@code endMs} after it.
 */
public final class Annotation {

    public static final int MAX_TEXT = 2_000;

    /** What a reviewer asks to change; an empty field stays as it is, a blank text removes the text. */
    public record Changes(Optional<Long> atMs, Optional<Long> endMs, Optional<String> text, Optional<Drawing> drawing) {

        public Changes {
            atMs = atMs == null ? Optional.empty() : atMs;
            endMs = endMs == null ? Optional.empty() : endMs;
            text = text == null ? Optional.empty() : text;
            drawing = drawing == null ? Optional.empty() : drawing;
        }
    }

    private final UUID id;
    private final TenantId tenantId;
    private final UUID mediaId;
    private final AccountId authorId;
    private final long atMs;
    private final Long endMs;
    private final String text;
    private final Drawing drawing;
    private final UUID audioMediaId;
    private final Instant createdAt;
    private final Instant updatedAt;

    private Annotation(UUID id, TenantId tenantId, UUID mediaId, AccountId authorId, long atMs, Optional<Long> endMs,
            Optional<String> text, Optional<Drawing> drawing, Optional<UUID> audioMediaId, Instant createdAt,
            Instant updatedAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
        this.mediaId = Objects.requireNonNull(mediaId, "mediaId");
        this.authorId = Objects.requireNonNull(authorId, "authorId");
        this.atMs = atMs;
        this.endMs = endMs.orElse(null);
        this.text = text.orElse(null);
        this.drawing = drawing.orElse(null);
        this.audioMediaId = audioMediaId.orElse(null);
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
        if (atMs < 0) {
            throw new InvalidInputException("atMs", "must not be negative");
        }
        if (this.endMs != null && this.endMs <= atMs) {
            throw new InvalidInputException("endMs", "must be after atMs");
        }
        if (this.text == null && this.drawing == null && this.audioMediaId == null) {
            throw new InvalidInputException("text", "an annotation needs at least one of text, drawing, audioMediaId");
        }
    }

    /**
     * A new annotation on {@code media} by {@code author}, with the voice-over {@code audio} when it has one.
     *
     * @throws BusinessRuleException when the media is not READY, the moment lies outside it, or the voice-over
     *                               is not a READY audio media of the tenant
     */
    public static Annotation create(UUID id, AccountId author, MediaAsset media, long atMs, Optional<Long> endMs,
            Optional<String> text, Optional<Drawing> drawing, Optional<MediaAsset> audio, Instant now) {
        requireAnnotatable(media);
        audio.ifPresent(voiceOver -> requireVoiceOver(media, voiceOver));
        Annotation annotation = new Annotation(id, media.tenantId(), media.id(), author, atMs, endMs,
                text.flatMap(t -> Text.optional(t, "text", MAX_TEXT)), drawing, audio.map(MediaAsset::id), now, now);
        annotation.requireWithin(media);
        return annotation;
    }

    public static Annotation reconstitute(UUID id, TenantId tenantId, UUID mediaId, AccountId authorId, long atMs,
            Optional<Long> endMs, Optional<String> text, Optional<Drawing> drawing, Optional<UUID> audioMediaId,
            Instant createdAt, Instant updatedAt) {
        return new Annotation(id, tenantId, mediaId, authorId, atMs, endMs, text, drawing, audioMediaId, createdAt,
                updatedAt);
    }

    /** This annotation with {@code changes} applied; {@code media} is the one it annotates. */
    public Annotation edited(Changes changes, MediaAsset media, Instant now) {
        if (!media.id().equals(mediaId)) {
            throw new IllegalArgumentException("annotation " + id + " is on media " + mediaId + ", not " + media.id());
        }
        Optional<String> newText = changes.text().isPresent()
                ? changes.text().flatMap(t -> Text.optional(t, "text", MAX_TEXT)) : text();
        Annotation edited = new Annotation(id, tenantId, mediaId, authorId, changes.atMs().orElse(atMs),
                changes.endMs().or(this::endMs), newText, changes.drawing().or(this::drawing), audioMediaId(),
                createdAt, now);
        edited.requireWithin(media);
        return edited;
    }

    /**
     * The event of creating this annotation on {@code media}, carried by posts of {@code postAuthors} in
     * {@code postSpaces}.
     */
    public AnnotationCreated created(MediaAsset media, Set<AccountId> postAuthors, Set<UUID> postSpaces) {
        Set<UUID> spaces = new HashSet<>(postSpaces);
        media.spaceId().ifPresent(spaces::add);
        return new AnnotationCreated(tenantId, id, mediaId, authorId, media.uploader(), postAuthors, spaces, atMs,
                createdAt);
    }

    /** Only the author edits what they wrote. */
    public boolean mayEdit(Actor actor) {
        return actor.tenantId().equals(tenantId) && actor.accountId().equals(authorId);
    }

    /**
     * The author, the uploader of the media, an owner of a space where the media is shared, and an ADMIN.
     *
     * @param spaceOwners the owners of the media's space and of the spaces of the posts that carry it
     */
    public boolean mayDelete(Actor actor, MediaAsset media, Set<AccountId> spaceOwners) {
        return actor.tenantId().equals(tenantId) && (actor.isAdmin() || actor.accountId().equals(authorId)
                || actor.accountId().equals(media.uploader()) || spaceOwners.contains(actor.accountId()));
    }

    private static void requireAnnotatable(MediaAsset media) {
        if (media.status() != MediaStatus.READY) {
            throw new BusinessRuleException("media can be annotated once it is READY; it is " + media.status());
        }
        if (!media.kind().pictured()) {
            // a drawing needs a frame, and a voice-over is what annotates: audio is not annotated itself
            throw new BusinessRuleException("only images and videos are annotated, not " + media.contentType());
        }
    }

    private static void requireVoiceOver(MediaAsset media, MediaAsset audio) {
        if (!audio.tenantId().equals(media.tenantId()) || audio.status() != MediaStatus.READY
                || audio.kind() != MediaKind.AUDIO) {
            throw new BusinessRuleException("audioMediaId must name a READY audio media");
        }
    }

    private void requireWithin(MediaAsset media) {
        long durationMs = media.metadata().durationMs().orElse(0L);
        if (atMs > durationMs) {
            throw new BusinessRuleException("atMs must be within the media, 0 to " + durationMs + " ms");
        }
        if (endMs != null && endMs > durationMs) {
            throw new BusinessRuleException("endMs must be within the media, at most " + durationMs + " ms");
        }
    }

    public UUID id() {
        return id;
    }

    public TenantId tenantId() {
        return tenantId;
    }

    public UUID mediaId() {
        return mediaId;
    }

    public AccountId authorId() {
        return authorId;
    }

    public long atMs() {
        return atMs;
    }

    public Optional<Long> endMs() {
        return Optional.ofNullable(endMs);
    }

    public Optional<String> text() {
        return Optional.ofNullable(text);
    }

    public Optional<Drawing> drawing() {
        return Optional.ofNullable(drawing);
    }

    public Optional<UUID> audioMediaId() {
        return Optional.ofNullable(audioMediaId);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
