package dev.coachkit.application.identity;

import dev.coachkit.application.identity.port.in.AuthResult;
import dev.coachkit.application.identity.port.in.UpdateProfileUseCase;
import dev.coachkit.application.identity.port.out.AccountRepository;
import dev.coachkit.application.media.port.out.MediaRepository;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.identity.Account;
import dev.coachkit.domain.identity.IanaTimeZone;
import dev.coachkit.domain.identity.PersonName;
import dev.coachkit.domain.media.MediaAsset;
import dev.coachkit.domain.media.MediaStatus;
import dev.coachkit.domain.shared.Actor;
import dev.coachkit.domain.shared.InvalidInputException;
import dev.coachkit.domain.shared.InvalidInputException.FieldError;
import dev.coachkit.domain.shared.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Changes the caller's name, time zone and avatar in one unit of work in the caller's tenant, where the
 * avatar is looked up: media of another tenant is not found, and is refused in the same words as media of
 * another member. Every refused field is reported at once.
 */
final class UpdateProfileService implements UpdateProfileUseCase {

    private final UnitOfWork unitOfWork;
    private final AccountRepository accounts;
    private final MediaRepository media;

    UpdateProfileService(UnitOfWork unitOfWork, AccountRepository accounts, MediaRepository media) {
        this.unitOfWork = unitOfWork;
        this.accounts = accounts;
        this.media = media;
    }

    @Override
    public AuthResult.User updateProfile(Command command) {
        Actor actor = command.actor();
        return unitOfWork.inTenant(actor.tenantId(), () -> {
            Account account = accounts.findById(actor.accountId())
                    .orElseThrow(() -> new NotFoundException("account", actor.accountId()));
            List<FieldError> refused = new ArrayList<>();
            PersonName current = account.name();
            // each part checked beside the other's current value, so that both can be reported at once
            Optional<String> first = command.firstName()
                    .flatMap(given -> checked(refused, () -> new PersonName(given, current.lastName()).firstName()));
            Optional<String> last = command.lastName()
                    .flatMap(given -> checked(refused, () -> new PersonName(current.firstName(), given).lastName()));
            Optional<IanaTimeZone> zone = command.timeZone().flatMap(id -> checked(refused, () -> IanaTimeZone.of(id)));
            Optional<Account> withAvatar = command.avatar().flatMap(change -> checked(refused, () -> change.mediaId()
                    .map(id -> account.withAvatar(avatar(actor, id))).orElseGet(account::withoutAvatar)));
            if (!refused.isEmpty()) {
                throw new InvalidInputException(refused);
            }
            Account changed = withAvatar.orElse(account);
            if (first.isPresent() || last.isPresent()) {
                changed = changed.withName(new PersonName(first.orElse(current.firstName()),
                        last.orElse(current.lastName())));
            }
            changed = zone.map(changed::withTimeZone).orElse(changed);
            accounts.update(changed);
            if (command.avatar().isPresent()) {
                accounts.changeAvatar(changed.id(), changed.avatarMediaId());
            }
            return AuthResult.User.of(changed);
        });
    }

    /**
     * The caller's image {@code id} in the current tenant, locked until the unit of work ends: rewriting it
     * unchanged takes its row lock, so a deletion racing this change waits and then clears the avatar set
     * here, or wins and leaves nothing to point at (then the id is refused as unknown).
     */
    private MediaAsset avatar(Actor actor, UUID id) {
        MediaAsset image = media.find(actor.tenantId(), id)
                .orElseThrow(() -> new InvalidInputException("avatarMediaId", Account.NOT_YOUR_MEDIA));
        if (image.status() == MediaStatus.READY && image.uploader().equals(actor.accountId())
                && !media.transition(image, MediaStatus.READY)) {
            throw new InvalidInputException("avatarMediaId", Account.NOT_YOUR_MEDIA);
        }
        return image;
    }

    /** The value {@code check} makes, or empty with its field errors added to {@code refused}. */
    private static <T> Optional<T> checked(List<FieldError> refused, Supplier<T> check) {
        try {
            return Optional.of(check.get());
        } catch (InvalidInputException invalid) {
            refused.addAll(invalid.errors());
            return Optional.empty();
        }
    }
}
