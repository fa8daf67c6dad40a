package dev.coachkit.application;

import dev.coachkit.application.memory.InMemoryAccounts;
import dev.coachkit.application.memory.InMemoryAuditLog;
import dev.coachkit.application.memory.InMemoryAvailabilities;
import dev.coachkit.application.memory.InMemoryCalendarTokens;
import dev.coachkit.application.memory.InMemoryComments;
import dev.coachkit.application.memory.InMemoryDataExports;
import dev.coachkit.application.memory.InMemoryEventOutbox;
import dev.coachkit.application.memory.InMemoryIdempotencyKeys;
import dev.coachkit.application.memory.InMemoryInvitations;
import dev.coachkit.application.memory.InMemoryMedia;
import dev.coachkit.application.memory.InMemoryMemberDataEraser;
import dev.coachkit.application.memory.InMemoryMemberships;
import dev.coachkit.application.memory.InMemoryNotifications;
import dev.coachkit.application.memory.InMemoryPosts;
import dev.coachkit.application.memory.InMemoryProcessedEvents;
import dev.coachkit.application.memory.InMemoryRefreshTokens;
import dev.coachkit.application.memory.InMemorySessions;
import dev.coachkit.application.memory.InMemorySpaceMembers;
import dev.coachkit.application.memory.InMemorySpaces;
import dev.coachkit.application.memory.InMemoryTenantData;
import dev.coachkit.application.memory.InMemoryTenantMetrics;
import dev.coachkit.application.memory.InMemoryTenants;
import dev.coachkit.application.memory.InMemoryUnitOfWork;

/**
 * Gives a builder the in-memory store families it lacks, on its in-memory unit of work. Every store
 * on such a unit is an in-memory one (stores share their unit's transactions), so the cross-store
 * readers — metrics, export, erasure — are built over the stores the builder holds, given or added.
 */
final class InMemoryStores {

    private InMemoryStores() {}

    static void addMissing(CoachKitBuilder b, InMemoryUnitOfWork memory) {
        if (b.accounts == null) {
            InMemoryAccounts accounts = new InMemoryAccounts(memory);
            InMemoryTenants tenants = new InMemoryTenants(memory);
            b.identityStores(accounts, tenants, new InMemoryMemberships(memory, accounts, tenants),
                    new InMemoryInvitations(memory), new InMemoryRefreshTokens(), new InMemoryAuditLog(memory));
        }
        if (b.processedEvents == null) {
            b.eventStores(new InMemoryProcessedEvents(memory, b.clock), new InMemoryNotifications(memory));
        }
        if (b.spaces == null) {
            InMemorySpaceMembers spaceMembers = new InMemorySpaceMembers(memory);
            InMemorySpaces spaces = new InMemorySpaces(memory, spaceMembers);
            InMemoryPosts posts = new InMemoryPosts(memory, spaces);
            b.communityStores(spaces, spaceMembers, posts, new InMemoryComments(posts));
        }
        if (b.mediaRepository == null) {
            b.mediaStores(new InMemoryMedia(memory));
        }
        if (b.sessions == null) {
            b.schedulingStores(new InMemoryAvailabilities(memory), new InMemorySessions(memory),
                    new InMemoryCalendarTokens(memory));
        }
        if (b.idempotencyStore == null) {
            b.idempotencyStore(new InMemoryIdempotencyKeys(memory));
        }
        addCrossStoreReaders(b, memory);
    }

    private static void addCrossStoreReaders(CoachKitBuilder b, InMemoryUnitOfWork memory) {
        InMemoryMemberships memberships = (InMemoryMemberships) b.memberships;
        InMemorySpaces spaces = (InMemorySpaces) b.spaces;
        InMemorySpaceMembers spaceMembers = (InMemorySpaceMembers) b.spaceMembers;
        InMemoryPosts posts = (InMemoryPosts) b.posts;
        InMemorySessions sessions = (InMemorySessions) b.sessions;
        InMemoryAvailabilities availabilities = (InMemoryAvailabilities) b.availabilities;
        InMemoryNotifications notifications = (InMemoryNotifications) b.notifications;
        InMemoryMedia media = (InMemoryMedia) b.mediaRepository;
        InMemoryEventOutbox outbox = (InMemoryEventOutbox) b.eventOutbox;
        if (b.tenantMetrics == null) {
            b.tenantMetrics(new InMemoryTenantMetrics(memberships, spaces, posts, sessions, media, outbox));
        }
        if (b.dataExports == null) {
            b.exportStores(new InMemoryDataExports(memory), new InMemoryTenantData(new InMemoryTenantData.Stores(
                    (InMemoryAccounts) b.accounts, memberships, spaces, spaceMembers, posts, sessions, availabilities,
                    notifications, media)));
        }
        if (b.memberDataEraser == null) {
            b.memberDataEraser(new InMemoryMemberDataEraser(new InMemoryMemberDataEraser.Stores(memory,
                    (InMemoryAccounts) b.accounts, memberships, (InMemoryInvitations) b.invitations,
                    (InMemoryRefreshTokens) b.refreshTokens, spaceMembers, posts, availabilities,
                    (InMemoryCalendarTokens) b.calendarTokens, notifications, media, outbox,
                    (InMemoryIdempotencyKeys) b.idempotencyStore)));
        }
    }
}
