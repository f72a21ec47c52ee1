package io.kapture.v4l2.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One simulated camera across plug cycles: its node file, stable-name links and sysfs entry, and the
 * {@link SimInstance} of the current plug-in (null while unplugged). Test code drives it: unplug, replug, produce
 * frames by hand, flag frames as corrupted, raise a source-change event.
 *
 * <p>Thread-safe: the current instance is a volatile field; the instance guards its own state.
 */
public final class SimDevice {

    private final SimulatedKernel kernel;
    private final Path node;
    private final SimCamera camera;
    private final Path byId;
    private final Path byPath;
    private volatile SimInstance current;

    SimDevice(SimulatedKernel kernel, Path node, SimCamera camera, String byId, String byPath) {
        this.kernel = kernel;
        this.node = node;
        this.camera = camera;
        this.byId = byId == null ? null : node.getParent().resolve("v4l/by-id").resolve(byId);
        this.byPath = byPath == null ? null : node.getParent().resolve("v4l/by-path").resolve(byPath);
    }

    public Path node() {
        return node;
    }

    /** The by-id link, or null. */
    public Path byId() {
        return byId;
    }

    public SimCamera camera() {
        return camera;
    }

    /** The instance of the current plug-in; null while unplugged. */
    public SimInstance current() {
        return current;
    }

    /**
     * Unplugs: the instance's open descriptors now fail with ENODEV and poll with POLLERR | POLLHUP, and the node,
     * its links and its sysfs entry disappear.
     */
    public void unplug() {
        SimInstance gone = current;
        current = null;
        if (gone != null) {
            gone.unplug();
        }
        try {
            Files.deleteIfExists(node);
            if (byId != null) {
                Files.deleteIfExists(byId);
            }
            if (byPath != null) {
                Files.deleteIfExists(byPath);
            }
            Path sys = sysEntry();
            Files.deleteIfExists(charDeviceEntry());
            Files.deleteIfExists(sys.resolve("subsystem"));
            Files.deleteIfExists(sys.resolve("name"));
            Files.deleteIfExists(sys);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Plugs in again with fresh state, under the same node and stable names. In the kernel's order: the driver
     * and its sysfs entry exist before the node appears, and udev adds the stable links after it.
     */
    public void replug() {
        current = new SimInstance(kernel, this);
        try {
            Files.createDirectories(sysEntry());
            Files.writeString(sysEntry().resolve("name"), camera.card() + "\n");
            Files.createSymbolicLink(sysEntry().resolve("subsystem"), Path.of(".."));
            Files.createDirectories(charDeviceEntry().getParent());
            Files.createSymbolicLink(charDeviceEntry(), charDeviceEntry().getParent().relativize(sysEntry()));
            Files.createFile(node);
            link(byId);
            link(byPath);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void link(Path link) throws IOException {
        if (link != null) {
            Files.createDirectories(link.getParent());
            Files.createSymbolicLink(link, link.getParent().relativize(node));
        }
    }

    /** The V4L2 device number of {@code videoN}: major 81, minor N, as the simulation reports it. */
    public String deviceNumber() {
        return SimulatedKernel.V4L2_MAJOR + ":" + node.getFileName().toString().substring("video".length());
    }

    /**
     * {@code sys/dev/char/81:N}, a link to the node's sysfs entry, whose {@code subsystem} link leads to
     * {@code class/video4linux}: how sysfs tells what a character device number is.
     */
    private Path charDeviceEntry() {
        return kernel.sysRoot().resolve("dev/char").resolve(deviceNumber());
    }

    private Path sysEntry() {
        return kernel.sysRoot().resolve("class/video4linux").resolve(node.getFileName());
    }
}
