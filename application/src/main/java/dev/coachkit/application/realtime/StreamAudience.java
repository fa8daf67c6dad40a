package dev.coachkit.application.realtime;

import dev.coachkit.application.community.port.out.SpaceMemberRepository;
import dev.coachkit.application.community.port.out.SpaceRepository;
import dev.coachkit.application.media.port.out.MediaRepository;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.community.SpaceMember;
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
import java.util.UUID;

/**
 * Whether a subscriber may receive an event, as things stand at delivery: never across tenants; a
 * space's events for whoever may read the space now ({@link SpaceStanding}, the community's policy);
 * session and notification events for the accounts they name; media events for the uploader. Space
 * answers are kept for {@code freshness} per account and role, so a thousand streams of one account
 * cost one lookup, and a removal from a space takes effect within that time. Used by the one delivery
 * thread only.
 */
final class StreamAudience {

    private static final int MEDIA_OWNERS_KEPT = 10_000;

    private record SpaceKey(Actor actor, UUID spaceId) {}

    private record Answer(boolean mayRead, Instant at) {}

    private record MediaKey(TenantId tenant, UUID mediaId) {}

    private final UnitOfWork unitOfWork;
    private final SpaceRepository spaces;
    private final SpaceMemberRepository members;
    private final MediaRepository media;
    private final Clock clock;
    private final Duration freshness;
    private final Map<SpaceKey, Answer> spaceAnswers = new HashMap<>();
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
        SpaceKey key = new SpaceKey(actor, spaceId);
        Answer answer = spaceAnswers.get(key);
        if (answer == null || answer.at().isBefore(now.minus(freshness))) {
            answer = new Answer(unitOfWork.inTenant(actor.tenantId(), () -> spaces.find(spaceId)
                    .map(summary -> new SpaceStanding(actor, summary.space(),
                            members.find(spaceId, actor.accountId()).map(SpaceMember::role)).mayRead())
                    .orElse(false)), now);
            spaceAnswers.put(key, answer);
        }
        return answer.mayRead();
    }
}
