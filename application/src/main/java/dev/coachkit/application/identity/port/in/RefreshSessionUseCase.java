package dev.coachkit.application.identity.port.in;

import java.util.Optional;

/** Exchanges a refresh token for a new token pair; a token used twice revokes its whole family. */
public interface RefreshSessionUseCase {

    AuthResult refresh(Command command);

    record Command(String refreshToken, Optional<String> clientIp) {
        /** Never prints the token. */
        @Override
        public String toString() {
            return "Refresh[refreshToken=<redacted>]";
        }
    }
}
