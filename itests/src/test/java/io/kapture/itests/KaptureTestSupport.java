package io.kapture.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.vmOptions;
import static org.ops4j.pax.exam.CoreOptions.when;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.inject.Inject;

import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.cm.ConfigurationAdmin;

import io.kapture.api.CaptureSession;
import io.kapture.api.ListenerStats;
import io.kapture.api.SessionState;

/**
 * Boots the Kapture distribution this build assembled (karaf-dist's tar.gz, with its synthetic camera) in a Pax
 * Exam Karaf container and gives the integration tests what they share: camera configurations through
 * ConfigurationAdmin and look-ups of capture sessions. Each test class gets one container (two boots in all), which
 * its tests share: tests that change something put it back.
 *
 * <p>{@link #config()} runs outside the container and reads what the build passes in as system properties
 * ({@code kapture.dist}, {@code kapture.localRepository}, helper bundle versions). Everything else runs inside
 * the container. Threading contract: Pax Exam runs test methods one at a time on one thread; the helpers are for
 * that thread.
 */
public abstract class KaptureTestSupport {

    /** Factory PID of camera configurations. */
    static final String CAMERA_FACTORY_PID = "io.kapture.camera";

    /** The camera the distribution configures (etc/io.kapture.camera-synthetic.cfg). */
    static final String SYNTHETIC_CAMERA = "synthetic";

    /** PID of the RTSP server's configuration, whose port each container gets free. */
    static final String RTSP_PID = "io.kapture.rtsp";

    /** System property naming the folder for the browser test's screenshots, set in the container. */
    static final String SHOTS_PROPERTY = "kapture.itests.shots";

    /** Long enough for a camera to start and deliver frames on a busy two-core machine; never a measurement. */
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Inject
    protected BundleContext context;

    @Inject
    protected ConfigurationAdmin configurationAdmin;

    @Configuration
    public Option[] config() {
        File distribution = new File(requiredProperty("kapture.dist"));
        return options(
                karafDistributionConfiguration()
                        .frameworkUrl(distribution.toURI().toString())
                        .name("Kapture")
                        .unpackDirectory(new File("target/exam"))
                        .useDeployFolder(false),
                when(Boolean.getBoolean("kapture.itests.keep")).useOptions(keepRuntimeFolder()),
                // what bin/karaf adds on Java 9+ and Pax Exam's runner does not: Karaf's spec locator in java.base
                vmOptions("--add-reads=java.xml=java.logging",
                        "--add-exports=java.base/org.apache.karaf.specs.locator=java.xml,ALL-UNNAMED",
                        "--patch-module", "java.base=lib/endorsed/org.apache.karaf.specs.locator-"
                        + requiredProperty("karaf.version") + ".jar",
                        "--patch-module", "java.xml=lib/endorsed/org.apache.karaf.specs.java.xml-"
                        + requiredProperty("karaf.version") + ".jar"),
                // the distribution's heap, direct-memory and GC limits (bin/setenv), which bin/karaf would apply
                vmOptions(DistributionJvm.options()),
                // no console on the container's stdin: tests run commands through the SessionFactory
                configureConsole().ignoreLocalConsole(),
                // resolve mvn: URLs from this build's local repository, where the build fetched the helpers
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository",
                        requiredProperty("kapture.localRepository")),
                // free ports, so that a Karaf already running on this machine does not get in the way
                editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", freePort()),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", freePort()),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort", freePort()),
                editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", freePort()),
                editConfigurationFilePut("etc/" + RTSP_PID + ".cfg", "port", freePort()),
                // where the browser test keeps its screenshots: itests/target/chromium
                editConfigurationFilePut("etc/system.properties", SHOTS_PROPERTY,
                        new File("target/chromium").getAbsolutePath()),
                logLevel(LogLevel.INFO),
                mavenBundle("org.hamcrest", "hamcrest", requiredProperty("hamcrest.version")),
                mavenBundle("org.awaitility", "awaitility", requiredProperty("awaitility.version")));
    }

    /** The camera's capture session, if its service is registered. */
    protected Optional<CaptureSession> session(String camera) {
        try {
            return context.getServiceReferences(CaptureSession.class, "(" + CaptureSession.CAMERA + "=" + camera + ")")
                    .stream()
                    .findFirst()
                    .map(reference -> context.getService(reference));
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("camera name '" + camera + "' does not fit in a filter", e);
        }
    }

    /**
     * Waits until the camera's session is registered and in the given state, and returns it. On time-out the
     * failure says what the session was doing instead and its last error.
     */
    protected CaptureSession awaitSession(String camera, SessionState state) {
        await("camera " + camera + " " + state).atMost(TIMEOUT)
                .untilAsserted(() -> assertEquals(describeSession(camera), state,
                        session(camera).map(CaptureSession::state).orElse(null)));
        return session(camera).orElseThrow(() -> new AssertionError("camera " + camera + " went away again"));
    }

    /** Waits until no session of that camera is registered. */
    protected void awaitNoSession(String camera) {
        await("camera " + camera + " gone").atMost(TIMEOUT).until(() -> session(camera).isEmpty());
    }

    /** Creates (or replaces) the factory configuration {@code io.kapture.camera~<name>}. */
    protected org.osgi.service.cm.Configuration configureCamera(String name, Map<String, Object> properties)
            throws IOException {
        return configure(CAMERA_FACTORY_PID, name, properties);
    }

    /** Creates (or replaces) the factory configuration {@code <factoryPid>~<name>}. */
    protected org.osgi.service.cm.Configuration configure(String factoryPid, String name,
            Map<String, Object> properties) throws IOException {
        org.osgi.service.cm.Configuration configuration =
                configurationAdmin.getFactoryConfiguration(factoryPid, name, "?");
        configuration.update(dictionary(properties));
        return configuration;
    }

    /** A port the container's configuration {@code pid} sets in {@code key} (the test picked a free one). */
    protected int configuredPort(String pid, String key) throws IOException {
        Dictionary<String, Object> properties = configurationAdmin.getConfiguration(pid, "?").getProperties();
        Object port = properties == null ? null : properties.get(key);
        if (port == null) {
            throw new AssertionError("configuration " + pid + " sets no " + key + ": " + properties);
        }
        return Integer.parseInt(port.toString().trim());
    }

    /**
     * Deletes a camera configuration made by a test, if the test did not already, and waits until its session is
     * gone, so that the next test starts from the distribution's own cameras.
     */
    protected void removeCamera(org.osgi.service.cm.Configuration configuration, String camera) throws IOException {
        if (configuration == null) {
            return;
        }
        try {
            configuration.delete();
        } catch (IllegalStateException alreadyDeleted) {
            // the test deleted it on purpose; only the wait below is left to do
        }
        awaitNoSession(camera);
    }

    private String describeSession(String camera) {
        return session(camera)
                .map(session -> "camera " + camera + " is " + session.state()
                        + session.lastError().map(error -> ", last error: " + error).orElse(""))
                .orElse("camera " + camera + " has no session");
    }

    /** The camera's figures of one listener, by its {@code kapture.listener.name}, if it is subscribed. */
    protected static Optional<ListenerStats> listenerStats(CaptureSession session, String name) {
        return session.stats().listeners().stream().filter(stats -> name.equals(stats.name())).findFirst();
    }

    /** Refreshes the wiring of removed bundles and their dependents, and waits until the framework is done. */
    protected void refreshPackages() {
        AtomicBoolean refreshed = new AtomicBoolean();
        context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(null, event -> {
            if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED) {
                refreshed.set(true);
            }
        });
        await("packages refreshed").atMost(TIMEOUT).untilTrue(refreshed);
    }

    /** Puts a bundle the test removed back as the distribution had it, with its dependents rewired and started. */
    protected void restoreBundle(String symbolicName, String location) throws BundleException {
        if (KaptureComponents.bundle(context, symbolicName).isEmpty()) {
            context.installBundle(location).start();
        }
        refreshPackages();
        for (Bundle bundle : context.getBundles()) {
            if (KaptureComponents.isKapture(bundle) && bundle.getState() != Bundle.ACTIVE) {
                bundle.start();
            }
        }
        await("Kapture bundles active again").atMost(TIMEOUT)
                .untilAsserted(() -> assertEquals(List.of(), KaptureComponents.inactiveBundles(context)));
    }

    /** Where the processors keep their files: kapture.storage.dir, by default ${karaf.data}/kapture. */
    protected Path storageRoot() {
        String configured = context.getProperty("kapture.storage.dir");
        return (configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(context.getProperty("karaf.data"), "kapture")).toAbsolutePath().normalize();
    }

    /** A service the test needs right now, or a failure naming it. */
    protected <T> T service(Class<T> type) {
        ServiceReference<T> reference = context.getServiceReference(type);
        if (reference == null) {
            throw new AssertionError("no " + type.getName() + " service is registered");
        }
        return context.getService(reference);
    }

    static Dictionary<String, Object> dictionary(Map<String, Object> properties) {
        return new Hashtable<>(properties);
    }

    private static String requiredProperty(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + name + " is not set: run the integration tests "
                    + "through Maven (mvn verify), which passes it from itests/pom.xml");
        }
        return value;
    }

    private static String freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return Integer.toString(socket.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException("no free local port for the test container", e);
        }
    }
}
