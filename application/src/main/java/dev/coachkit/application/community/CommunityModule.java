package dev.coachkit.application.community;

import dev.coachkit.application.audit.AuditTrail;
import dev.coachkit.application.audit.port.out.AuditLog;
import dev.coachkit.application.community.port.in.AddCommentUseCase;
import dev.coachkit.application.community.port.in.AddSpaceMemberUseCase;
import dev.coachkit.application.community.port.in.CreatePostUseCase;
import dev.coachkit.application.community.port.in.CreateSpaceUseCase;
import dev.coachkit.application.community.port.in.DeletePostUseCase;
import dev.coachkit.application.community.port.in.GetPostUseCase;
import dev.coachkit.application.community.port.in.GetSpaceUseCase;
import dev.coachkit.application.community.port.in.ListCommentsUseCase;
import dev.coachkit.application.community.port.in.ListFeedUseCase;
import dev.coachkit.application.community.port.in.ListSpaceMembersUseCase;
import dev.coachkit.application.community.port.in.ListSpacesUseCase;
import dev.coachkit.application.community.port.in.RemoveSpaceMemberUseCase;
import dev.coachkit.application.community.port.in.UpdateSpaceUseCase;
import dev.coachkit.application.community.port.out.CommentRepository;
import dev.coachkit.application.community.port.out.PostRepository;
import dev.coachkit.application.community.port.out.SpaceMemberRepository;
import dev.coachkit.application.community.port.out.SpaceRepository;
import dev.coachkit.application.events.EventRecorder;
import dev.coachkit.application.identity.port.out.MembershipRepository;
import dev.coachkit.application.media.port.out.MediaAudience;
import dev.coachkit.application.media.port.out.MediaRepository;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.IdGenerator;
import dev.coachkit.application.shared.port.out.UnitOfWork;

/** The community use cases — spaces, their members, posts, comments and the feed — assembled once. */
public final class CommunityModule {

    /** The out ports the community needs, as given to the {@code CoachKit} builder. */
    public record Ports(UnitOfWork unitOfWork, EventRecorder events, SpaceRepository spaces,
            SpaceMemberRepository spaceMembers, PostRepository posts, CommentRepository comments,
            MembershipRepository memberships, MediaRepository media, AuditLog auditLog, IdGenerator ids,
            Clock clock) {}

    private final CreateSpaceUseCase createSpace;
    private final UpdateSpaceUseCase updateSpace;
    private final GetSpaceUseCase space;
    private final ListSpacesUseCase spaces;
    private final AddSpaceMemberUseCase addMember;
    private final RemoveSpaceMemberUseCase removeMember;
    private final ListSpaceMembersUseCase members;
    private final CreatePostUseCase createPost;
    private final GetPostUseCase post;
    private final ListFeedUseCase feed;
    private final DeletePostUseCase deletePost;
    private final AddCommentUseCase addComment;
    private final ListCommentsUseCase comments;
    private final MediaAudience mediaAudience;

    public CommunityModule(Ports ports) {
        UnitOfWork uow = ports.unitOfWork();
        SpaceAccess access = new SpaceAccess(ports.spaces(), ports.spaceMembers(), ports.posts());
        EventRecorder events = ports.events();
        AuditTrail audit = new AuditTrail(ports.auditLog(), ports.ids(), ports.clock());
        this.createSpace = new CreateSpaceService(uow, ports.spaces(), ports.spaceMembers(), audit, ports.ids(),
                ports.clock());
        this.updateSpace = new UpdateSpaceService(uow, access, ports.spaces(), audit, ports.clock());
        this.space = new GetSpaceService(uow, access, ports.spaceMembers());
        this.spaces = new ListSpacesService(uow, ports.spaces());
        this.addMember = new AddSpaceMemberService(uow, access, ports.spaceMembers(), ports.memberships(), events,
                audit, ports.clock());
        this.removeMember = new RemoveSpaceMemberService(uow, access, ports.spaceMembers(), events, audit,
                ports.clock());
        this.members = new ListSpaceMembersService(uow, access, ports.spaceMembers());
        this.createPost = new CreatePostService(uow, access, ports.posts(), ports.media(), events, ports.ids(),
                ports.clock());
        this.post = new GetPostService(uow, access, ports.comments());
        this.feed = new ListFeedService(uow, access, ports.posts());
        this.deletePost = new DeletePostService(uow, access, ports.posts(), events, audit, ports.clock());
        this.addComment = new AddCommentService(uow, access, ports.comments(), events, ports.ids(), ports.clock());
        this.comments = new ListCommentsService(uow, access, ports.comments());
        this.mediaAudience = new CommunityMediaAudience(uow, access, ports.posts(), ports.spaces());
    }

    public CreateSpaceUseCase createSpace() {
        return createSpace;
    }

    public UpdateSpaceUseCase updateSpace() {
        return updateSpace;
    }

    public GetSpaceUseCase space() {
        return space;
    }

    public ListSpacesUseCase spaces() {
        return spaces;
    }

    public AddSpaceMemberUseCase addMember() {
        return addMember;
    }

    public RemoveSpaceMemberUseCase removeMember() {
        return removeMember;
    }

    public ListSpaceMembersUseCase members() {
        return members;
    }

    public CreatePostUseCase createPost() {
        return createPost;
    }

    public GetPostUseCase post() {
        return post;
    }

    public ListFeedUseCase feed() {
        return feed;
    }

    public DeletePostUseCase deletePost() {
        return deletePost;
    }

    public AddCommentUseCase addComment() {
        return addComment;
    }

    public ListCommentsUseCase comments() {
        return comments;
    }

    /** Who may see media shared in spaces and posts, as the media context asks. */
    public MediaAudience mediaAudience() {
        return mediaAudience;
    }
}
