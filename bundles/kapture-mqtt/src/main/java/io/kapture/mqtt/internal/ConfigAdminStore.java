package io.kapture.mqtt.internal;

import java.io.IOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

import io.kapture.api.CameraConfiguration;
import io.kapture.api.CaptureSession;

/**
 * {@link CameraStore} through Configuration Admin: a camera is the factory configuration
 * {@code io.kapture.camera~<camera>} (what Karaf makes of {@code etc/io.kapture.camera-<camera>.cfg}), or any camera
 * configuration whose {@code name} is the camera. New ones are created as named factory configurations, so applying
 * the same desired configuration twice, or after a reboot, never makes a second camera. The engine's verdict is
 * read from the camera's {@link CaptureSession} service, whose properties follow its configuration once applied.
 *
 * <p>Threading contract: stateless apart from thread-safe services; safe from any thread.
 */
final class ConfigAdminStore implements CameraStore {

    private static final long POLL_MILLIS = 50;

    private final ConfigurationAdmin configurationAdmin;
    private final BundleContext context;

    ConfigAdminStore(ConfigurationAdmin configurationAdmin, BundleContext context) {
        this.configurationAdmin = configurationAdmin;
        this.context = context;
    }

    @Override
    public Optional<Map<String, Object>> read(String camera) throws IOException {
        return find(camera).map(configuration -> properties(configuration.getProperties()));
    }

    @Override
    public void write(String camera, Map<String, Object> properties) throws IOException {
        Configuration configuration = find(camera).orElse(null);
        if (configuration == null) {
            configuration = configurationAdmin.getFactoryConfiguration(CameraConfiguration.FACTORY_PID, camera, "?");
        }
        Hashtable<String, Object> next = new Hashtable<>();
        Dictionary<String, Object> old = configuration.getProperties();
        if (old != null && old.get("felix.fileinstall.filename") != null) {
            next.put("felix.fileinstall.filename", old.get("felix.fileinstall.filename"));
        }
        properties.forEach((key, value) -> {
            if (value != null) {
                next.put(key, value);
            }
        });
        configuration.update(next);
    }

    @Override
    public void delete(String camera) throws IOException {
        Optional<Configuration> configuration = find(camera);
        if (configuration.isPresent()) {
            configuration.get().delete();
        }
    }

    @Override
    public java.util.Set<String> managed() throws IOException {
        java.util.Set<String> cameras = new java.util.TreeSet<>();
        try {
            Configuration[] found = configurationAdmin.listConfigurations("(&(" + ConfigurationAdmin.SERVICE_FACTORYPID
                    + "=" + CameraConfiguration.FACTORY_PID + ")(" + CameraKeys.MANAGED + "=*))");
            for (Configuration configuration : found == null ? new Configuration[0] : found) {
                Object name = configuration.getProperties().get(CameraConfiguration.NAME);
                String pid = configuration.getPid();
                cameras.add(name != null ? String.valueOf(name) : pid.substring(pid.indexOf('~') + 1));
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        return cameras;
    }

    @Override
    public Optional<String> lastError(String camera) {
        return session(camera).flatMap(reference -> {
            CaptureSession session = context.getService(reference);
            try {
                return session == null ? Optional.empty() : session.lastError();
            } finally {
                context.ungetService(reference);
            }
        });
    }

    @Override
    public Optional<String> verdict(String camera, Map<String, Object> written, Optional<String> before,
            long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        while (System.nanoTime() < deadline) {
            Optional<ServiceReference<CaptureSession>> reference = session(camera);
            if (reference.isPresent() && applied(reference.get(), written)) {
                Optional<String> error = lastError(camera);
                return error.isPresent() && !error.equals(before) ? error : Optional.empty();
            }
            Thread.sleep(POLL_MILLIS);
        }
        return Optional.of("the engine did not apply the configuration of camera " + camera + " within "
                + timeoutMillis / 1000 + " s; is kapture-core running? (kapture:cameras)");
    }

    private static boolean applied(ServiceReference<CaptureSession> reference, Map<String, Object> written) {
        for (Map.Entry<String, Object> entry : written.entrySet()) {
            if (!Objects.equals(text(reference.getProperty(entry.getKey())), text(entry.getValue()))) {
                return false;
            }
        }
        return true;
    }

    private static String text(Object value) {
        if (value instanceof Object[] array) {
            return Arrays.toString(array);
        }
        if (value instanceof Collection<?> collection) {
            return Arrays.toString(collection.toArray());
        }
        return value == null ? null : String.valueOf(value);
    }

    private Optional<ServiceReference<CaptureSession>> session(String camera) {
        try {
            return context.getServiceReferences(CaptureSession.class,
                    "(" + CaptureSession.CAMERA + "=" + escape(camera) + ")").stream().findFirst();
        } catch (InvalidSyntaxException e) {
            return Optional.empty();
        }
    }

    private Optional<Configuration> find(String camera) throws IOException {
        try {
            Configuration[] byName = configurationAdmin.listConfigurations("(&("
                    + ConfigurationAdmin.SERVICE_FACTORYPID + "=" + CameraConfiguration.FACTORY_PID + ")(|("
                    + Constants.SERVICE_PID + "=" + CameraConfiguration.FACTORY_PID + "~" + escape(camera) + ")("
                    + CameraConfiguration.NAME + "=" + escape(camera) + ")))");
            return byName == null ? Optional.empty() : Arrays.stream(byName).findFirst();
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("camera name '" + CameraKeys.printable(camera)
                    + "' cannot be searched for", e);
        }
    }

    /** The configuration's own keys: without service.*, felix.* and the factory/pid bookkeeping. */
    static Map<String, Object> properties(Dictionary<String, Object> dictionary) {
        Map<String, Object> properties = new LinkedHashMap<>();
        if (dictionary != null) {
            for (String key : Collections.list(dictionary.keys())) {
                if (!key.startsWith("service.") && !key.startsWith("felix.") && !key.startsWith(".")) {
                    properties.put(key, dictionary.get(key));
                }
            }
        }
        return properties;
    }

    /** Escapes the characters special in an OSGi filter value (a backslash before each). */
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
