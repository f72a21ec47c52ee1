package io.kapture.web.internal;

import java.security.Principal;
import java.util.Set;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletRequestWrapper;

/**
 * A request whose user logged in through the {@link AccessGate}: the servlets behind it see the user as
 * {@link #getRemoteUser()} and can ask {@link #isUserInRole} (the admin role includes the viewer role).
 *
 * <p>Immutable apart from the wrapped request; used by the request's thread.
 */
final class UserRequest extends HttpServletRequestWrapper {

    private final String user;
    private final Set<String> roles;
    private final AccessSettings settings;

    UserRequest(HttpServletRequest request, String user, Set<String> roles, AccessSettings settings) {
        super(request);
        this.user = user;
        this.roles = Set.copyOf(roles);
        this.settings = settings;
    }

    @Override
    public String getRemoteUser() {
        return user;
    }

    @Override
    public Principal getUserPrincipal() {
        return () -> user;
    }

    @Override
    public String getAuthType() {
        return HttpServletRequest.BASIC_AUTH;
    }

    @Override
    public boolean isUserInRole(String role) {
        return roles.contains(role) || role.equals(settings.viewerRole()) && roles.contains(settings.adminRole());
    }
}
