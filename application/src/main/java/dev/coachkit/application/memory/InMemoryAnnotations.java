package dev.coachkit.application.memory;

import dev.coachkit.application.media.port.out.AnnotationRepository;
import dev.coachkit.domain.media.Annotation;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.Cursor;
import dev.coachkit.domain.shared.Page;
import dev.coachkit.domain.shared.TenantId;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Annotations per tenant in an {@link InMemoryTable}, listed in PostgreSQL's order. Those of a media that is
 * gone are never read, as PostgreSQL deletes them with it (on delete cascade).
 */
public final class InMemoryAnnotations implements AnnotationRepository {

    /** Where an annotation sits in a media's list; ids compare as text, as PostgreSQL orders uuid (unsigned). */
    private record Position(long atMs, Instant createdAt, String id) implements Comparable<Position> {

        private static final Comparator<Position> ORDER = Comparator.comparingLong(Position::atMs)
                .thenComparing(Position::createdAt).thenComparing(Position::id);

        static Position of(Annotation annotation) {
            return new Position(annotation.atMs(), annotation.createdAt(), annotation.id().toString());
        }

        static Position of(Cursor cursor) {
            return new Position(cursor.longKey(0), cursor.instantKey(1), cursor.uuidKey(2).toString());
        }

        Cursor toCursor() {
            return Cursor.of(Long.toString(atMs), createdAt.toString(), id);
        }

        @Override
        public int compareTo(Position other) {
            return ORDER.compare(this, other);
        }
    }

    private final InMemoryTable<UUID, Annotation> annotations;
    private final InMemoryMedia media;

    public InMemoryAnnotations(InMemoryUnitOfWork unitOfWork, InMemoryMedia media) {
        this.annotations = InMemoryTable.perTenant(unitOfWork, Annotation::tenantId);
        this.media = media;
    }

    @Override
    public void add(Annotation annotation) {
        if (annotations.get(annotation.id()).isPresent()) {
            throw new IllegalStateException("annotation " + annotation.id() + " exists already");
        }
        annotations.put(annotation.id(), annotation);
    }

    @Override
    public Optional<Annotation> find(TenantId tenant, UUID id) {
        return annotations.get(id).filter(this::onExistingMedia);
    }

    @Override
    public void update(Annotation annotation) {
        if (find(annotation.tenantId(), annotation.id()).isEmpty()) {
            throw new IllegalStateException("annotation " + annotation.id() + " does not exist");
        }
        annotations.put(annotation.id(), annotation);
    }

    @Override
    public boolean delete(TenantId tenant, UUID id) {
        return find(tenant, id).isPresent() && annotations.remove(id);
    }

    @Override
    public Page<Annotation> list(TenantId tenant, MediaAnnotations query) {
        Optional<Position> after = query.page().after().map(Position::of);
        List<Annotation> fetched = annotations.select(annotation -> annotation.mediaId().equals(query.mediaId())
                        && onExistingMedia(annotation)
                        && query.fromMs().map(from -> annotation.atMs() >= from).orElse(true)
                        && query.toMs().map(to -> annotation.atMs() <= to).orElse(true)
                        && after.map(cursor -> Position.of(annotation).compareTo(cursor) > 0).orElse(true))
                .stream().sorted(Comparator.comparing(Position::of)).limit(query.page().limit() + 1L).toList();
        return Page.fromLookahead(fetched, query.page().limit(), annotation -> Position.of(annotation).toCursor());
    }

    private boolean onExistingMedia(Annotation annotation) {
        return media.find(annotation.tenantId(), annotation.mediaId()).isPresent();
    }

    /** The annotations this unit sees, in its tenant: what an export reads. */
    List<Annotation> rows() {
        return annotations.select(this::onExistingMedia);
    }

    /** Deletes what {@code author} wrote, in the unit's tenant: their erasure. */
    void deleteByAuthor(AccountId author) {
        annotations.select(annotation -> annotation.authorId().equals(author))
                .forEach(annotation -> annotations.remove(annotation.id()));
    }
}
