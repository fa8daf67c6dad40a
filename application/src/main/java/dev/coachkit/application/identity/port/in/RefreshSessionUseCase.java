package dev.coachkit.application.identity.port.in;

import dev.coachkit.domain.identity.ClientDevice;
import java.util.Optional;

/** Exchanges a refresh token for a new token pair; a token used twice revokes its whole family. */
public interface RefreshSessionUseCase {

    AuthResult refresh(Command command);

    record Command(String refreshToken, Optional<String> clientIp, Optional<String> userAgent) {

        /** A refresh whose user agent is unknown. */
        public Command(String refreshToken, Optional<String> clientIp) {
            this(refreshToken, clientIp, Optional.empty());
        }

        /** Where the session is used from now: its device's last address and user agent. */
        public ClientDevice device() {
            return ClientDevice.of(clientIp, userAgent);
        }

        /** Never prints the token. */
        @Override
        public String toString() {
            return "Refresh[refreshToken=<redacted>]";
        }
    }
}
