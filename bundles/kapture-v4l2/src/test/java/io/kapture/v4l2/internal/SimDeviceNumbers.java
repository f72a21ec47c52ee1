package io.kapture.v4l2.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.kapture.v4l2.internal.DeviceNumbers.DeviceNumber;
import io.kapture.v4l2.sim.SimulatedKernel;

/**
 * Device numbers for a {@link SimulatedKernel}'s tree, whose nodes are plain files: a {@code videoN} file in its
 * device folder is V4L2 character device 81:N, files a test declares with {@link #declare} are the character
 * devices it says, and everything else is what {@code stat} says (a plain file, a folder).
 *
 * <p>Thread-safe: declarations live in a concurrent map.
 */
final class SimDeviceNumbers implements DeviceNumbers {

    private final Path devRoot;
    private final Map<Path, DeviceNumber> declared = new ConcurrentHashMap<>();

    SimDeviceNumbers(SimulatedKernel kernel) {
        this.devRoot = kernel.devRoot();
    }

    /** Makes {@code file} a character device {@code major:minor}. */
    void declare(Path file, int major, int minor) throws IOException {
        declared.put(file.toRealPath(), new DeviceNumber(major, minor));
    }

    @Override
    public Optional<DeviceNumber> characterDevice(Path file) throws IOException {
        Path real = file.toRealPath();
        DeviceNumber number = declared.get(real);
        if (number != null) {
            return Optional.of(number);
        }
        String name = real.getFileName().toString();
        if (real.getParent().equals(devRoot.toRealPath()) && name.matches("video[0-9]+")) {
            return Optional.of(new DeviceNumber(SimulatedKernel.V4L2_MAJOR,
                    Integer.parseInt(name.substring("video".length()))));
        }
        return STAT.characterDevice(real);
    }
}
