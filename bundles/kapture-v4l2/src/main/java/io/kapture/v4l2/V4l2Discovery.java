package io.kapture.v4l2;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.kapture.api.CaptureException;
import io.kapture.api.DeviceLostException;
import io.kapture.api.spi.DeviceInfo;
import io.kapture.v4l2.structs.V4l2Capability;

/**
 * Finds the V4L2 nodes ({@code videoN}) under a device folder ({@code /dev}, or a fake tree in tests), asks each
 * for its driver, card, bus and capabilities ({@code VIDIOC_QUERYCAP}), and finds its stable names: the symbolic
 * links in {@code v4l/by-id} and {@code v4l/by-path} that point at it. A node that cannot be opened (no
 * permission, gone meanwhile) is still listed, with its name from sysfs ({@code class/video4linux/videoN/name})
 * and the reason in its capabilities. {@link DeviceInfo#capture()} tells video-capture nodes from metadata and
 * other nodes.
 *
 * <p>Stateless apart from its configuration; thread-safe.
 */
public final class V4l2Discovery {

    private final Libc libc;
    private final Path devRoot;
    private final Path sysRoot;

    /**
     * @param libc    how to open the nodes
     * @param devRoot the folder of the nodes, normally {@code /dev}
     * @param sysRoot the sysfs mount, normally {@code /sys}
     */
    public V4l2Discovery(Libc libc, Path devRoot, Path sysRoot) {
        this.libc = libc;
        this.devRoot = devRoot;
        this.sysRoot = sysRoot;
    }

    /** Discovery of this machine's cameras through the real libc. */
    public static V4l2Discovery system() {
        return new V4l2Discovery(LinuxLibc.get(), Path.of("/dev"), Path.of("/sys"));
    }

    /** The folder of the nodes. */
    public Path devRoot() {
        return devRoot;
    }

    /** Every node present now, in node number order. */
    public List<DeviceInfo> devices() {
        List<Path> nodes = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(devRoot, "video[0-9]*")) {
            entries.forEach(nodes::add);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new CaptureException("cannot list " + devRoot + ": " + e.getMessage(), e);
        }
        nodes.sort(Comparator.comparingInt(V4l2Discovery::number));
        List<DeviceInfo> devices = new ArrayList<>();
        for (Path node : nodes) {
            devices.add(describe(node));
        }
        return devices;
    }

    private DeviceInfo describe(Path node) {
        String path = node.toString();
        List<String> stable = stableNames(path);
        try (V4l2Device device = V4l2Device.open(libc, path)) {
            return describe(path, device.queryCapabilities(), stable);
        } catch (CaptureException e) {
            String card = sysfsName(node.getFileName().toString());
            return new DeviceInfo(path, "", card, "", stable, false, List.of("unavailable: " + e.getMessage()));
        }
    }

    private String sysfsName(String node) {
        try {
            return Files.readString(sysRoot.resolve("class/video4linux").resolve(node).resolve("name")).trim();
        } catch (IOException e) {
            return node;
        }
    }

    /** The device description of a node from its {@code VIDIOC_QUERYCAP} answer. */
    public static DeviceInfo describe(String node, V4l2Capability capability, List<String> stableNames) {
        int caps = capability.nodeCaps();
        boolean capture = (caps & (V4l2.CAP_VIDEO_CAPTURE | V4l2.CAP_VIDEO_CAPTURE_MPLANE)) != 0;
        return new DeviceInfo(node, capability.driver(), capability.card(), capability.busInfo(), stableNames,
                capture, Capabilities.words(caps));
    }

    /**
     * The stable names of a node: links in {@code v4l/by-id} and {@code v4l/by-path} next to it that resolve to
     * it, by-id first.
     */
    public static List<String> stableNames(String node) {
        Path path = Path.of(node);
        Path parent = path.getParent();
        List<String> names = new ArrayList<>();
        if (parent == null) {
            return names;
        }
        for (String folder : List.of("v4l/by-id", "v4l/by-path")) {
            try (DirectoryStream<Path> links = Files.newDirectoryStream(parent.resolve(folder))) {
                Path real = path.toRealPath();
                List<String> found = new ArrayList<>();
                for (Path link : links) {
                    if (Files.isSymbolicLink(link) && sameFile(link, real)) {
                        found.add(link.toString());
                    }
                }
                found.sort(null);
                names.addAll(found);
            } catch (IOException e) {
                // no such folder (no camera with that kind of name) or the node vanished: no names from here
            }
        }
        return names;
    }

    /**
     * Resolves a configured device name to the node it points at now: a stable name follows its link, a node is
     * itself.
     *
     * @throws DeviceLostException if the name does not exist (the camera is not plugged in)
     */
    public static String resolve(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("device name must be set, for example /dev/video0");
        }
        try {
            return Path.of(name).toRealPath().toString();
        } catch (IOException e) {
            throw new DeviceLostException(name + " does not exist: the camera is not plugged in or the name is"
                    + " wrong. Stable names are listed in /dev/v4l/by-id and /dev/v4l/by-path while plugged in");
        }
    }

    private static boolean sameFile(Path link, Path real) {
        try {
            return link.toRealPath().equals(real);
        } catch (IOException e) {
            return false;
        }
    }

    private static int number(Path node) {
        String digits = node.getFileName().toString().substring("video".length());
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }
}
