package dev.coachkit.application.identity.port.in;

import dev.coachkit.domain.shared.Actor;
import dev.coachkit.domain.shared.InvalidInputException;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Changes the caller's profile: any of first name, last name, IANA time zone and avatar; what the command
 * leaves empty stays as it is. The avatar must be a READY image the caller uploaded in the current tenant.
 *
 * @throws InvalidInputException naming each field that is refused ({@code firstName}, {@code lastName},
 *         {@code timeZone}, {@code avatarMediaId}), or {@code body} when the command changes nothing
 */
public interface UpdateProfileUseCase {

    AuthResult.User updateProfile(Command command);

    record Command(Actor actor, Optional<String> firstName, Optional<String> lastName, Optional<String> timeZone,
            Optional<AvatarChange> avatar) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(firstName, "firstName");
            Objects.requireNonNull(lastName, "lastName");
            Objects.requireNonNull(timeZone, "timeZone");
            Objects.requireNonNull(avatar, "avatar");
            if (firstName.isEmpty() && lastName.isEmpty() && timeZone.isEmpty() && avatar.isEmpty()) {
                throw new InvalidInputException("body", "must set at least one of firstName, lastName, timeZone"
                        + " and avatarMediaId");
            }
        }
    }

    /** A new avatar, or none: empty {@code mediaId} clears it. */
    record AvatarChange(Optional<UUID> mediaId) {
        public AvatarChange {
            Objects.requireNonNull(mediaId, "mediaId");
        }

        public static AvatarChange to(UUID mediaId) {
            return new AvatarChange(Optional.of(mediaId));
        }

        public static AvatarChange cleared() {
            return new AvatarChange(Optional.empty());
        }
    }
}
