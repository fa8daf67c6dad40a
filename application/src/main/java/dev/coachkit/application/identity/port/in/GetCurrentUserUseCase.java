package dev.coachkit.application.identity.port.in;

import dev.coachkit.domain.shared.Actor;
import dev.coachkit.domain.shared.Role;
import java.util.List;

/** The caller's account, current tenant and role, and every tenant it belongs to. */
public interface GetCurrentUserUseCase {

    CurrentUser currentUser(Actor actor);

    record CurrentUser(AuthResult.User user, AuthResult.TenantRef tenant, Role role, List<TenantRole> tenants) {}

    record TenantRole(AuthResult.TenantRef tenant, Role role) {}
}
