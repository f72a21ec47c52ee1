package io.kapture.shell.internal;

import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Optional;

import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

import io.kapture.api.CameraConfiguration;

/**
 * Reads and changes cameras' factory configurations ({@value CameraConfiguration#FACTORY_PID}) through
 * Configuration Admin, so that a change made in the shell is the same as an edit of the camera's {@code .cfg}
 * file: it persists and the engine applies it as it applies any configuration update.
 *
 * <p>Threading contract: stateless apart from the thread-safe Configuration Admin service; safe from any thread.
 * Two shells changing one camera at once follow Configuration Admin's last-update-wins.
 */
public final class CameraConfigurations {

    private final ConfigurationAdmin configurationAdmin;

    public CameraConfigurations(ConfigurationAdmin configurationAdmin) {
        if (configurationAdmin == null) {
            throw new IllegalStateException("Configuration Admin is not available, so camera configurations cannot "
                    + "be changed; install the 'config' feature.");
        }
        this.configurationAdmin = configurationAdmin;
    }

    /**
     * The configuration of the camera: the one with the camera service's PID when that is known, otherwise the
     * camera factory configuration whose {@value CameraConfiguration#NAME} is the camera's or, without a name,
     * whose PID ends in {@code ~camera}.
     *
     * @throws IllegalStateException if there is none
     */
    public Configuration find(String camera, Optional<String> servicePid) throws IOException {
        if (servicePid.isPresent()) {
            Configuration[] byPid = list("(" + Constants.SERVICE_PID + "=" + escape(servicePid.get()) + ")");
            if (byPid.length > 0) {
                return byPid[0];
            }
        }
        String factoryPid = CameraConfiguration.FACTORY_PID;
        return Arrays.stream(list("(" + ConfigurationAdmin.SERVICE_FACTORYPID + "=" + factoryPid + ")"))
                .filter(configuration -> isOf(configuration, camera)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No configuration found for camera '" + camera
                        + "' (factory PID " + factoryPid + "); it may have been deleted meanwhile."));
    }

    /** One property of the configuration, if set. */
    public static Optional<Object> get(Configuration configuration, String key) {
        Dictionary<String, Object> properties = configuration.getProperties();
        return Optional.ofNullable(properties == null ? null : properties.get(key));
    }

    /** Sets one property of the configuration, keeping all others, and returns the value it replaced. */
    public Optional<Object> set(Configuration configuration, String key, Object value) throws IOException {
        Dictionary<String, Object> properties = configuration.getProperties();
        Dictionary<String, Object> updated = new Hashtable<>();
        if (properties != null) {
            for (String name : Collections.list(properties.keys())) {
                updated.put(name, properties.get(name));
            }
        }
        Object previous = updated.put(key, value);
        configuration.update(updated);
        return Optional.ofNullable(previous);
    }

    private Configuration[] list(String filter) throws IOException {
        try {
            Configuration[] found = configurationAdmin.listConfigurations(filter);
            return found == null ? new Configuration[0] : found;
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("Cannot search configurations with " + filter + ": " + e.getMessage(),
                    e);
        }
    }

    private static boolean isOf(Configuration configuration, String camera) {
        Dictionary<String, Object> properties = configuration.getProperties();
        Object name = properties == null ? null : properties.get(CameraConfiguration.NAME);
        if (name != null) {
            return camera.equals(String.valueOf(name));
        }
        return configuration.getPid().endsWith("~" + camera);
    }

    /** Escapes the characters that are special in an LDAP filter value. */
    static String escape(String value) {
        StringBuilder escaped = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            if (c == '\\' || c == '*' || c == '(' || c == ')') {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}
