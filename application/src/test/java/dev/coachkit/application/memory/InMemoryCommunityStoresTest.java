package dev.coachkit.application.memory;

import dev.coachkit.application.community.port.out.CommentRepository;
import dev.coachkit.application.community.port.out.CommunityStoresContract;
import dev.coachkit.application.community.port.out.PostRepository;
import dev.coachkit.application.community.port.out.SpaceMemberRepository;
import dev.coachkit.application.community.port.out.SpaceRepository;
import dev.coachkit.application.identity.port.out.AccountRepository;
import dev.coachkit.application.identity.port.out.MembershipRepository;
import dev.coachkit.application.identity.port.out.TenantRepository;
import dev.coachkit.application.shared.port.out.UnitOfWork;

/** The community stores contract against the in-memory adapters, wired as {@code withInMemoryAdapters()} does. */
class InMemoryCommunityStoresTest extends CommunityStoresContract {

    private final InMemoryUnitOfWork unitOfWork = new InMemoryUnitOfWork();
    private final InMemoryAccounts accounts = new InMemoryAccounts(unitOfWork);
    private final InMemoryTenants tenants = new InMemoryTenants(unitOfWork);
    private final InMemoryMemberships memberships = new InMemoryMemberships(unitOfWork, accounts, tenants);
    private final InMemorySpaceMembers spaceMembers = new InMemorySpaceMembers(unitOfWork);
    private final InMemorySpaces spaces = new InMemorySpaces(unitOfWork, spaceMembers);
    private final InMemoryPosts posts = new InMemoryPosts(unitOfWork, spaces);
    private final InMemoryComments comments = new InMemoryComments(posts);

    @Override
    protected UnitOfWork unitOfWork() {
        return unitOfWork;
    }

    @Override
    protected AccountRepository accounts() {
        return accounts;
    }

    @Override
    protected TenantRepository tenants() {
        return tenants;
    }

    @Override
    protected MembershipRepository memberships() {
        return memberships;
    }

    @Override
    protected SpaceRepository spaces() {
        return spaces;
    }

    @Override
    protected SpaceMemberRepository spaceMembers() {
        return spaceMembers;
    }

    @Override
    protected PostRepository posts() {
        return posts;
    }

    @Override
    protected CommentRepository comments() {
        return comments;
    }
}
