package io.kapture.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.AppConfigurationEntry.LoginModuleControlFlag;
import javax.security.auth.login.Configuration;

import org.apache.karaf.jaas.modules.properties.PropertiesLoginModule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Logins through JAAS with Karaf's own login module for {@code etc/users.properties}, as the {@code karaf} realm
 * has it: roles given directly and through a group come back, wrong passwords and unknown users are refused, a
 * realm nobody configured is unavailable.
 */
class JaasLoginsTest {

    @TempDir
    Path folder;

    @Test
    void rolesComeDirectlyAndThroughGroups() throws IOException {
        JaasLogins logins = logins();

        assertEquals(new Logins.Accepted(Set.of("kapture-viewer")), logins.login("karaf", "vera", "v3ra".toCharArray()));
        assertEquals(new Logins.Accepted(Set.of("kapture-viewer", "kapture-admin", "admin")),
                logins.login("karaf", "adam", "ad4m".toCharArray()));
        assertEquals(new Logins.Accepted(Set.of()), logins.login("karaf", "nora", "n0ra".toCharArray()));
    }

    @Test
    void wrongPasswordsAndUnknownUsersAreRefused() throws IOException {
        JaasLogins logins = logins();

        assertInstanceOf(Logins.Refused.class, logins.login("karaf", "vera", "wrong".toCharArray()));
        assertInstanceOf(Logins.Refused.class, logins.login("karaf", "mallory", "v3ra".toCharArray()));
        assertInstanceOf(Logins.Refused.class, logins.login("karaf", "_g_:operators", "group".toCharArray()));
    }

    @Test
    void aRealmNobodyConfiguredIsUnavailable() throws IOException {
        Logins.Result result = logins().login("cameras", "vera", "v3ra".toCharArray());

        Logins.Unavailable unavailable = assertInstanceOf(Logins.Unavailable.class, result);
        assertTrue(unavailable.problem().contains("cameras"), unavailable.problem());
    }

    private JaasLogins logins() throws IOException {
        Path users = folder.resolve("users.properties");
        Files.writeString(users, String.join("\n",
                "vera = v3ra,kapture-viewer",
                "adam = ad4m,_g_:operators,admin",
                "nora = n0ra",
                "_g_\\:operators = group,kapture-viewer,kapture-admin", ""));
        AppConfigurationEntry properties = new AppConfigurationEntry(PropertiesLoginModule.class.getName(),
                LoginModuleControlFlag.REQUIRED, Map.of("users", users.toString()));
        return new JaasLogins(new Configuration() {
            @Override
            public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
                return "karaf".equals(name) ? new AppConfigurationEntry[] { properties } : null;
            }
        });
    }
}
