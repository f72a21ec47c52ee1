package io.kapture.web.internal;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who may use Kapture's HTTP endpoints from other machines, checked. Loopback requests need nothing; others are
 * refused unless {@code allowRemote}, and then must log in to {@code realm} as a user holding {@code viewerRole}
 * (to read) or {@code adminRole} (to read and change). Invalid values are refused with a message naming the key.
 *
 * <p>Immutable; safe from any thread.
 *
 * @param allowRemote whether requests from other machines may log in at all
 * @param realm       the JAAS realm (login configuration entry) users log in to
 * @param viewerRole  the role that may read
 * @param adminRole   the role that may read and change
 */
record AccessSettings(boolean allowRemote, String realm, String viewerRole, String adminRole) {

    /** Role and realm names as Karaf's users.properties can hold them: no spaces, commas or colons. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    static AccessSettings from(Config config) {
        String realm = checked("jaas.realm", config.jaas_realm());
        String viewer = checked("viewer.role", config.viewer_role());
        String admin = checked("admin.role", config.admin_role());
        return new AccessSettings(config.allow_remote(), realm, viewer, admin);
    }

    /** Reading (GET, HEAD, OPTIONS) needs the viewer or the admin role; anything else the admin role. */
    String roleFor(String method) {
        return isReading(method) ? viewerRole : adminRole;
    }

    /** Whether a user with these roles may make a request with this method; admin includes viewer. */
    boolean permits(String method, Set<String> roles) {
        return roles.contains(adminRole) || isReading(method) && roles.contains(viewerRole);
    }

    private static boolean isReading(String method) {
        return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
    }

    private static String checked(String key, String value) {
        if (value == null || !NAME.matcher(value.trim()).matches()) {
            throw new IllegalArgumentException(PreviewSettings.PID + ": " + key + " must be 1 to 64 letters, digits"
                    + " or ._@- (a JAAS realm or role name), was '" + value + "'");
        }
        return value.trim();
    }
}
