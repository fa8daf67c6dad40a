package dev.coachkit.application.identity.port.in;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Where the caller's account is signed in: its live sessions (refresh-token families), one per device. */
public interface ListSignedInDevicesUseCase {

    /** The account's sessions that are neither revoked nor expired, most recently used first. */
    List<SignedInDevice> devices(AuthenticateUseCase.Caller caller);

    /**
     * One session: started at {@code createdAt} (a sign-in, registration or invitation acceptance), last
     * used at {@code lastUsedAt} (its newest refresh) from {@code ip} with {@code userAgent}; {@code current}
     * when it is the session of the caller's access token.
     */
    record SignedInDevice(UUID id, Instant createdAt, Instant lastUsedAt, Optional<String> ip,
            Optional<String> userAgent, boolean current) {
        public SignedInDevice {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(createdAt, "createdAt");
            Objects.requireNonNull(lastUsedAt, "lastUsedAt");
            Objects.requireNonNull(ip, "ip");
            Objects.requireNonNull(userAgent, "userAgent");
        }
    }
}
