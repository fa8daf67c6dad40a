package dev.coachkit.adapters.persistence.community;

import dev.coachkit.adapters.persistence.testing.TestPersistence;
import dev.coachkit.application.community.port.out.CommentRepository;
import dev.coachkit.application.community.port.out.CommunityStoresContract;
import dev.coachkit.application.community.port.out.PostRepository;
import dev.coachkit.application.community.port.out.SpaceMemberRepository;
import dev.coachkit.application.community.port.out.SpaceRepository;
import dev.coachkit.application.identity.port.out.AccountRepository;
import dev.coachkit.application.identity.port.out.MembershipRepository;
import dev.coachkit.application.identity.port.out.TenantRepository;
import dev.coachkit.application.shared.port.out.UnitOfWork;

/** The community stores contract against PostgreSQL under row-level security, as the runtime role. */
class PostgresCommunityStoresTest extends CommunityStoresContract {

    @Override
    protected UnitOfWork unitOfWork() {
        return TestPersistence.shared().unitOfWork();
    }

    @Override
    protected AccountRepository accounts() {
        return TestPersistence.shared().accounts();
    }

    @Override
    protected TenantRepository tenants() {
        return TestPersistence.shared().tenants();
    }

    @Override
    protected MembershipRepository memberships() {
        return TestPersistence.shared().memberships();
    }

    @Override
    protected SpaceRepository spaces() {
        return TestPersistence.shared().spaces();
    }

    @Override
    protected SpaceMemberRepository spaceMembers() {
        return TestPersistence.shared().spaceMembers();
    }

    @Override
    protected PostRepository posts() {
        return TestPersistence.shared().posts();
    }

    @Override
    protected CommentRepository comments() {
        return TestPersistence.shared().comments();
    }
}
