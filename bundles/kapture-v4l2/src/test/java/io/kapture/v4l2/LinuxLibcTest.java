package io.kapture.v4l2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.jna.Pointer;

import io.kapture.api.DeviceLostException;
import io.kapture.v4l2.structs.PollFd;

/**
 * The real JNA libc on real files: the native calls work, pair up (the process's descriptors and mappings are
 * back where they were) and report errno as typed exceptions naming the device and the ioctl.
 */
class LinuxLibcTest {

    @TempDir
    Path dir;

    private final Libc libc = LinuxLibc.get();

    @Test
    void openMmapPollMunmapCloseOnARealFile() throws IOException {
        Path file = dir.resolve("frames");
        Files.write(file, new byte[8192]);
        ProcessResources before = ProcessResources.count(dir);
        int fd = libc.open(file.toString(), Libc.O_RDWR | Libc.O_CLOEXEC);
        Pointer map = libc.mmap(null, 8192, Libc.PROT_READ | Libc.PROT_WRITE, Libc.MAP_SHARED, fd, 4096);
        ByteBuffer view = map.getByteBuffer(0, 4096);
        view.put(0, (byte) 42);
        assertEquals(new ProcessResources(before.descriptors() + 1, 1, 1), ProcessResources.count(dir));
        PollFd poll = new PollFd();
        poll.watch(fd, Libc.POLLIN);
        assertEquals(1, libc.poll(poll.pointer(), 1, 0), "a regular file is always readable");
        assertEquals(Libc.POLLIN, poll.revents() & Libc.POLLIN);
        libc.munmap(map, 8192);
        libc.close(fd);
        assertEquals(42, Files.readAllBytes(file)[4096], "the shared mapping wrote through to the file");
        assertEquals(before, ProcessResources.count(dir));
    }

    @Test
    void errnoBecomesTypedExceptionsNamingDeviceAndIoctl() throws IOException {
        ErrnoException missing = assertThrows(ErrnoException.class,
                () -> libc.open(dir.resolve("video9").toString(), Libc.O_RDWR));
        assertEquals(Errno.ENOENT, missing.errno());
        DeviceLostException lost = assertThrows(DeviceLostException.class,
                () -> V4l2Device.open(libc, dir.resolve("video9").toString()));
        assertTrue(lost.getMessage().contains("video9: open failed with ENOENT"), lost.getMessage());

        Path plain = Files.createFile(dir.resolve("video0"));
        try (V4l2Device device = V4l2Device.open(libc, plain.toString())) {
            V4l2UnsupportedException notV4l2 = assertThrows(V4l2UnsupportedException.class,
                    device::queryCapabilities);
            assertEquals(Errno.ENOTTY, notV4l2.errno());
            assertEquals("VIDIOC_QUERYCAP", notV4l2.operation());
            assertTrue(notV4l2.getMessage().startsWith(plain + ": VIDIOC_QUERYCAP failed with ENOTTY"),
                    notV4l2.getMessage());
        }
        ErrnoException badFd = assertThrows(ErrnoException.class, () -> libc.close(-1));
        assertEquals(Errno.EBADF, badFd.errno());
    }
}
