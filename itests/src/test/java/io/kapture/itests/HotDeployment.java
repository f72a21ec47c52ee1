package io.kapture.itests;

import static org.awaitility.Awaitility.await;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;

/**
 * One of the distribution's bundles taken out and deployed again while the container runs, as an operator would
 * with {@code bundle:uninstall} and {@code bundle:install -s}: {@link #take} uninstalls the shipped bundle (so the
 * test starts without it), {@link #install} installs and starts it from the same location, {@link #uninstall}
 * removes it again, and {@link #restore} puts the distribution back as it was, whatever happened in between.
 * Every removal is followed by a package refresh, as Karaf's own commands do.
 *
 * <p>Threading contract: used by the test thread only.
 */
final class HotDeployment {

    private final KaptureTestSupport test;
    private final String symbolicName;
    private final String location;
    private Bundle installed;

    private HotDeployment(KaptureTestSupport test, String symbolicName, String location) {
        this.test = test;
        this.symbolicName = symbolicName;
        this.location = location;
    }

    /** Uninstalls the distribution's bundle {@code symbolicName}, remembering where it came from. */
    static HotDeployment take(KaptureTestSupport test, String symbolicName) throws BundleException {
        Bundle shipped = KaptureComponents.bundle(test.context, symbolicName)
                .orElseThrow(() -> new AssertionError("the distribution ships " + symbolicName));
        HotDeployment deployment = new HotDeployment(test, symbolicName, shipped.getLocation());
        shipped.uninstall();
        test.refreshPackages();
        return deployment;
    }

    /** Installs and starts the bundle again, and waits until it is active. */
    Bundle install() throws BundleException {
        installed = test.context.installBundle(location);
        installed.start();
        await(symbolicName + " active").atMost(KaptureTestSupport.TIMEOUT)
                .until(() -> installed.getState() == Bundle.ACTIVE);
        return installed;
    }

    /** Uninstalls the bundle {@link #install} installed. */
    void uninstall() throws BundleException {
        installed.uninstall();
        installed = null;
        test.refreshPackages();
    }

    /** Puts the shipped bundle back, installed and active, however far the test got. */
    void restore() throws BundleException {
        test.restoreBundle(symbolicName, location);
    }
}
