package io.kapture.v4l2.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Tells whether a file is a character device and, if so, its device number: what {@code stat(2)} says in
 * {@code st_mode} and {@code st_rdev}. {@link #STAT} asks the file system; tests of the userspace V4L2 simulation,
 * whose nodes are plain files, plug in their own answer.
 *
 * <p>Implementations are stateless or immutable and safe from any thread.
 */
@FunctionalInterface
interface DeviceNumbers {

    /** The character device number of {@code file}, following links; empty if it is anything else. */
    Optional<DeviceNumber> characterDevice(Path file) throws IOException;

    /** The real answer, from the {@code unix} file attribute view ({@code mode} and {@code rdev}). */
    DeviceNumbers STAT = file -> {
        Map<String, Object> attributes = Files.readAttributes(file, "unix:mode,rdev");
        int mode = (Integer) attributes.get("mode");
        if ((mode & DeviceNumber.S_IFMT) != DeviceNumber.S_IFCHR) {
            return Optional.empty();
        }
        return Optional.of(DeviceNumber.decode((Long) attributes.get("rdev")));
    };

    /**
     * A Linux device number.
     *
     * @param major the driver's number (81 is video4linux)
     * @param minor the device's number within the driver
     */
    record DeviceNumber(int major, int minor) {

        /** The file-type bits of {@code st_mode} and the value for a character device, as in {@code <sys/stat.h>}. */
        static final int S_IFMT = 0170000;
        static final int S_IFCHR = 0020000;

        /** Splits an {@code st_rdev} as glibc's {@code major()} and {@code minor()} do. */
        static DeviceNumber decode(long rdev) {
            int major = (int) (((rdev >>> 8) & 0xfff) | ((rdev >>> 32) & ~0xfffL));
            int minor = (int) ((rdev & 0xff) | ((rdev >>> 12) & ~0xffL));
            return new DeviceNumber(major, minor);
        }

        @Override
        public String toString() {
            return major + ":" + minor;
        }
    }
}
