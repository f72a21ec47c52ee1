package io.kapture.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.api.Test;

import io.kapture.testing.ComponentConfig;

/** Defaults, which role each method needs, and names refused with the key that holds them. */
class AccessSettingsTest {

    private static final ComponentConfig<Config> DEFAULTS = ComponentConfig.of(Config.class);

    @Test
    void defaultsToLoopbackOnlyWithTheKarafRealmAndKaptureRoles() {
        assertEquals(new AccessSettings(false, "karaf", "kapture-viewer", "kapture-admin"),
                DEFAULTS.as(AccessSettings::from));
    }

    @Test
    void readingNeedsViewerOrAdminChangingNeedsAdmin() {
        AccessSettings settings = DEFAULTS.as(AccessSettings::from);
        for (String method : new String[] { "GET", "HEAD", "OPTIONS" }) {
            assertTrue(settings.permits(method, Set.of("kapture-viewer")), method);
            assertTrue(settings.permits(method, Set.of("kapture-admin")), method);
            assertFalse(settings.permits(method, Set.of("admin", "viewer")), method);
            assertEquals("kapture-viewer", settings.roleFor(method));
        }
        for (String method : new String[] { "POST", "PUT", "DELETE", "PATCH", "get" }) {
            assertFalse(settings.permits(method, Set.of("kapture-viewer")), method);
            assertTrue(settings.permits(method, Set.of("kapture-admin")), method);
            assertEquals("kapture-admin", settings.roleFor(method));
        }
    }

    @Test
    void refusesNamesAJaasRealmCannotHoldNamingTheKey() {
        for (String bad : new String[] { "", " ", "two words", "a,b", "_g_:viewers", "x".repeat(65) }) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> DEFAULTS.with("viewer.role", bad).as(AccessSettings::from), bad);
            assertTrue(e.getMessage().startsWith("io.kapture.web: viewer.role must be"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> DEFAULTS.with("admin.role", "").as(AccessSettings::from));
        assertThrows(IllegalArgumentException.class, () -> DEFAULTS.with("jaas.realm", "a b").as(AccessSettings::from));
        assertEquals("ops", DEFAULTS.with("admin.role", " ops ").as(AccessSettings::from).adminRole());
    }
}
