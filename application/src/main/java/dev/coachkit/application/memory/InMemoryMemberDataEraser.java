package dev.coachkit.application.memory;

import dev.coachkit.application.admin.port.out.MemberDataEraser;
import dev.coachkit.domain.admin.ContentErasure;
import dev.coachkit.domain.identity.EmailAddress;
import dev.coachkit.domain.media.MediaAsset;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Erases a member from the in-memory stores of the running unit's tenant, as the PostgreSQL eraser does. */
public final class InMemoryMemberDataEraser implements MemberDataEraser {

    /** The in-memory stores that hold a member's data, of one unit of work. */
    public record Stores(InMemoryUnitOfWork unitOfWork, InMemoryAccounts accounts, InMemoryMemberships memberships,
            InMemoryInvitations invitations, InMemoryRefreshTokens refreshTokens, InMemorySpaceMembers spaceMembers,
            InMemoryPosts posts, InMemoryAvailabilities availabilities, InMemoryCalendarTokens calendarTokens,
            InMemoryNotifications notifications, InMemoryMedia media, InMemoryEventOutbox outbox,
            InMemoryIdempotencyKeys idempotencyKeys, InMemoryAccountTokens accountTokens, InMemoryOrders orders,
            InMemoryAnnotations annotations) {}

    private final Stores stores;

    public InMemoryMemberDataEraser(Stores stores) {
        this.stores = stores;
    }

    @Override
    public Erased erase(AccountId member, EmailAddress email, ContentErasure contentPolicy, AccountId formerMember,
            Instant now) {
        TenantId tenant = stores.unitOfWork().current().tenant();
        stores.spaceMembers().removeEverywhere(member);
        stores.memberships().remove(member);
        stores.refreshTokens().removeAllOf(member, tenant);
        stores.calendarTokens().remove(member);
        stores.availabilities().remove(member);
        stores.notifications().removeFor(member);
        stores.idempotencyKeys().removeFor(tenant, member);
        stores.invitations().deleteFor(email);
        stores.outbox().forgetEventsNaming(email, member);
        stores.orders().forgetBuyerEmail(member);
        stores.annotations().deleteByAuthor(member);
        if (contentPolicy == ContentErasure.DELETE) {
            stores.posts().deleteByAuthor(member);
        } else {
            stores.posts().reassignAuthor(member, formerMember);
        }
        List<MediaAsset> media = stores.media().removeUploadedBy(member);
        // an account kept for its other tenants shows no avatar that went with this tenant's media
        media.forEach(asset -> stores.accounts().clearAvatar(asset.id()));
        boolean accountErased = stores.memberships().ofAccount(member).stream()
                .noneMatch(other -> !other.tenantId().equals(tenant));
        if (accountErased) {
            stores.accounts().findById(member).ifPresent(account -> stores.accounts().update(account.erased()));
            stores.accounts().changeAvatar(member, Optional.empty());
            stores.accountTokens().deleteFor(member, email);
        }
        return new Erased(media.stream().map(MediaAsset::id).toList(), accountErased);
    }
}
