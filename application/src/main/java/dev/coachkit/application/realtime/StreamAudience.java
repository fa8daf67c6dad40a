package dev.coachkit.application.realtime;

import dev.coachkit.application.community.port.out.SpaceMemberRepository;
import dev.coachkit.application.community.port.out.SpaceRepository;
import dev.coachkit.application.community.port.out.SpaceRepository.SpaceSummary;
import dev.coachkit.application.media.port.out.MediaRepository;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.community.Space;
import dev.coachkit.domain.community.SpaceRole;
import dev.coachkit.domain.community.SpaceStanding;
import dev.coachkit.domain.media.MediaAsset;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.Actor;
import dev.coachkit.domain.shared.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Whether a subscriber may receive an event, as things stand at delivery: never across tenants; a
 * space's events for whoever may read the space now ({@link SpaceStanding}, the community's policy);
 * session, order and notification events for the accounts they name; media events for the uploader; annotations
 * for the readers of the media (its uploader, ADMIN, the readers of the spaces it is shared in). A
 * space and its member list are kept for {@code freshness}, one lookup per space however many streams
 * read it, so a removal from a space takes effect within that time. Used by the one delivery thread only.
 */
final class StreamAudience {

    private static final int MEDIA_OWNERS_KEPT = 10_000;

    /** A space as last read, with who belongs to it; no space: it is gone. */
    private record SpaceAnswer(Optional<Space> space, Set<AccountId> members, Instant at) {}

    private record SpaceKey(TenantId tenant, UUID spaceId) {}

    private record MediaKey(TenantId tenant, UUID mediaId) {}

    private final UnitOfWork unitOfWork;
    private final SpaceRepository spaces;
    private final SpaceMemberRepository members;
    private final MediaRepository media;
    private final Clock clock;
    private final Duration freshness;
    private final Map<SpaceKey, SpaceAnswer> spaceAnswers = new HashMap<>();
    private final Map<MediaKey, Optional<AccountId>> mediaOwners = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<MediaKey, Optional<AccountId>> eldest) {
            return size() > MEDIA_OWNERS_KEPT; // an uploader never changes; only memory bounds the cache
        }
    };

    StreamAudience(UnitOfWork unitOfWork, SpaceRepository spaces, SpaceMemberRepository members, MediaRepository media,
            Clock clock, Duration freshness) {
        this.unitOfWork = unitOfWork;
        this.spaces = spaces;
        this.members = members;
        this.media = media;
        this.clock = clock;
        this.freshness = freshness;
    }

    boolean mayReceive(Actor actor, StreamEvent event) {
        if (!event.tenant().equals(actor.tenantId())) {
            return false;
        }
        Audience audience = event.audience();
        if (audience instanceof Audience.Space space) {
            return mayReadSpace(actor, space.spaceId());
        }
        if (audience instanceof Audience.Accounts accounts) {
            return accounts.accounts().contains(actor.accountId());
        }
        if (audience instanceof Audience.MediaReaders readers) {
            return actor.isAdmin() || readers.uploader().equals(actor.accountId())
                    || readers.spaces().stream().anyMatch(space -> mayReadSpace(actor, space));
        }
        UUID mediaId = ((Audience.MediaOwner) audience).mediaId();
        return mediaOwners.computeIfAbsent(new MediaKey(actor.tenantId(), mediaId),
                        key -> unitOfWork.inTenant(key.tenant(),
                                () -> media.find(key.tenant(), key.mediaId()).map(MediaAsset::uploader)))
                .filter(actor.accountId()::equals).isPresent();
    }

    /** Forgets space answers older than the freshness allows, so the cache holds only what is in use. */
    void forgetStale() {
        Instant oldest = clock.now().minus(freshness);
        spaceAnswers.values().removeIf(answer -> answer.at().isBefore(oldest));
    }

    private boolean mayReadSpace(Actor actor, UUID spaceId) {
        Instant now = clock.now();
        SpaceKey key = new SpaceKey(actor.tenantId(), spaceId);
        SpaceAnswer answer = spaceAnswers.get(key);
        if (answer == null || answer.at().isBefore(now.minus(freshness))) {
            answer = unitOfWork.inTenant(actor.tenantId(), () -> {
                Optional<Space> space = spaces.find(spaceId).map(SpaceSummary::space);
                return new SpaceAnswer(space, space.isPresent() ? Set.copyOf(members.accountsOf(spaceId)) : Set.of(),
                        now);
            });
            spaceAnswers.put(key, answer);
        }
        boolean member = answer.members().contains(actor.accountId());
        // reading asks only whether the actor has a role in the space, not which one
        return answer.space().map(space -> new SpaceStanding(actor, space,
                member ? Optional.of(SpaceRole.MEMBER) : Optional.empty()).mayRead()).orElse(false);
    }
}
