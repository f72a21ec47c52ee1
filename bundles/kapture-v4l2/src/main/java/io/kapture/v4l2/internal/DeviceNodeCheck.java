package io.kapture.v4l2.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

import io.kapture.api.CaptureException;
import io.kapture.api.DeviceLostException;
import io.kapture.v4l2.internal.DeviceNumbers.DeviceNumber;

/**
 * Decides whether a configured device may be opened as a camera: its name, with every link followed, must lead
 * to a character device inside the device folder, and that device must be a V4L2 node. A configuration is
 * administrator input, and opening the wrong device can have effects of its own (opening a watchdog arms it), so
 * nothing that fails this is ever opened.
 *
 * <p>A V4L2 node is recognised by sysfs: {@code /sys/dev/char/<major>:<minor>/subsystem} leads to
 * {@code video4linux}. Where sysfs has no entry for the number (a container without it) the major number must be
 * 81, the one Linux reserves for video4linux.
 *
 * <p>Immutable; safe from any thread. The check runs just before the open, so only a change in the device folder
 * (root's) between the two could slip by.
 */
final class DeviceNodeCheck {

    /** Linux's major number for video4linux character devices. */
    static final int V4L2_MAJOR = 81;

    private static final String V4L2_SUBSYSTEM = "video4linux";

    private final Path devRoot;
    private final Path sysRoot;
    private final DeviceNumbers numbers;

    DeviceNodeCheck(Path devRoot, Path sysRoot, DeviceNumbers numbers) {
        this.devRoot = devRoot;
        this.sysRoot = sysRoot;
        this.numbers = numbers;
    }

    /**
     * The node {@code path} (the configured {@code device}, mapped under the device folder) leads to, once it is
     * known to be a V4L2 character device inside the device folder.
     *
     * @throws DeviceLostException      if it does not exist (not plugged in): worth retrying
     * @throws IllegalArgumentException if it leads outside the device folder, to something that is not a
     *                                  character device, or to a character device that is not V4L2
     */
    Path check(String device, Path path) {
        Path real;
        Path root;
        try {
            real = path.toRealPath();
            root = devRoot.toRealPath();
        } catch (NoSuchFileException e) {
            throw new DeviceLostException(device + " does not exist: the camera is not plugged in or the name is "
                    + "wrong. Stable names are listed in /dev/v4l/by-id and /dev/v4l/by-path while plugged in");
        } catch (IOException e) {
            throw new CaptureException("cannot look up device " + device + ": " + e.getMessage(), e);
        }
        if (!real.startsWith(root) || real.equals(root)) {
            throw new IllegalArgumentException("device '" + device + "' leads to " + real + ", which is not in "
                    + root + "; configure a V4L2 node such as /dev/video0 or a /dev/v4l/by-id name");
        }
        Optional<DeviceNumber> number;
        try {
            number = numbers.characterDevice(real);
        } catch (IOException e) {
            throw new CaptureException("cannot inspect device " + device + " (" + real + "): " + e.getMessage(), e);
        }
        if (number.isEmpty()) {
            throw new IllegalArgumentException("device '" + device + "' (" + real + ") is not a character device, so"
                    + " it cannot be a V4L2 node; configure a node such as /dev/video0 or a /dev/v4l/by-id name");
        }
        Optional<String> subsystem = subsystem(number.get());
        boolean v4l2 = subsystem.map(V4L2_SUBSYSTEM::equals).orElse(number.get().major() == V4L2_MAJOR);
        if (!v4l2) {
            throw new IllegalArgumentException("device '" + device + "' (" + real + ") is character device "
                    + number.get() + (subsystem.isPresent() ? " of subsystem '" + subsystem.get() + "'"
                            : " (major " + number.get().major() + ", not " + V4L2_MAJOR + ")")
                    + ", not a V4L2 (video4linux) node; configure a camera node such as /dev/video0 or a "
                    + "/dev/v4l/by-id name");
        }
        return real;
    }

    /** The sysfs subsystem of a character device number, if sysfs knows the number. */
    private Optional<String> subsystem(DeviceNumber number) {
        Path link = sysRoot.resolve("dev/char").resolve(number.toString()).resolve("subsystem");
        try {
            Path target = link.toRealPath();
            return Optional.of(target.getFileName().toString());
        } catch (IOException e) {
            return Files.exists(link.getParent()) ? Optional.of("unknown") : Optional.empty();
        }
    }
}
