package dev.coachkit.adapters.http.testing;

import dev.coachkit.application.identity.port.in.AuthenticateUseCase;
import dev.coachkit.application.identity.port.out.AccessTokenService;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.Actor;
import dev.coachkit.domain.shared.AuthenticationException;
import dev.coachkit.domain.shared.Role;
import dev.coachkit.domain.shared.TenantId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Accepts the tokens it was told about, each standing for a fixed caller; refuses everything else. */
public final class StubAuthentication implements AuthenticateUseCase {

    /** The token {@link TestServer} sends by default: an ADMIN of {@link #TENANT}. */
    public static final String TOKEN = "test-token";
    public static final TenantId TENANT = TenantId.of(UUID.fromString("a0000000-0000-4000-8000-000000000001"));
    public static final AccountId ACCOUNT = AccountId.of(UUID.fromString("b0000000-0000-4000-8000-000000000001"));

    private final Map<String, Caller> callers = new ConcurrentHashMap<>();

    public StubAuthentication() {
        accept(TOKEN, new Actor(TENANT, ACCOUNT, Role.ADMIN));
    }

    /** Makes {@code token} stand for {@code actor} from now on. */
    public StubAuthentication accept(String token, Actor actor) {
        UUID session = UUID.nameUUIDFromBytes(token.getBytes(StandardCharsets.UTF_8));
        callers.put(token, new Caller(actor, "jti-" + token, session, Instant.parse("2999-01-01T00:00:00Z")));
        return this;
    }

    @Override
    public Caller authenticate(String accessToken) {
        Caller caller = callers.get(accessToken);
        if (caller == null) {
            throw new AuthenticationException(AccessTokenService.INVALID_TOKEN);
        }
        return caller;
    }
}
