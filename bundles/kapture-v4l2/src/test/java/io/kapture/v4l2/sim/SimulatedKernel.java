package io.kapture.v4l2.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.jna.Pointer;

import io.kapture.v4l2.Errno;
import io.kapture.v4l2.ErrnoException;
import io.kapture.v4l2.Libc;
import io.kapture.v4l2.LinuxLibc;
import io.kapture.v4l2.V4l2;
import io.kapture.v4l2.structs.PollFd;

/**
 * A userspace V4L2 "kernel" behind the {@link Libc} interface, for tests without a camera. Device nodes are
 * regular files in a temporary {@code dev} tree (with {@code v4l/by-id} and {@code v4l/by-path} links, a
 * {@code sys/class/video4linux} entry and a {@code sys/dev/char/81:N} link to it, as sysfs has); opening one opens the file for real through the host libc, so descriptors
 * are real and counted by {@code /proc/self/fd}. ioctls are interpreted here on the structs in native memory
 * ({@link SimInstance}); {@code mmap} of a buffer is a real shared mapping of the node file at the buffer's
 * offset, so mappings are real and counted by {@code /proc/self/maps}; the simulation writes frames into the same
 * file through a mapping of its own while buffers exist.
 *
 * <p>Fault injection: {@link #inject} makes the next calls of an ioctl fail with an errno, {@link #injectMmap} one
 * later {@code mmap} of a buffer; {@link SimDevice#unplug}
 * makes every call on its open descriptors fail with {@code ENODEV} and {@code poll} report
 * {@code POLLERR | POLLHUP}, as the kernel does once a driver unregisters its node.
 *
 * <p>Thread-safe: the descriptor tables are concurrent maps, each device instance guards its state with its own
 * monitor (and waits on it in {@code poll}).
 */
public final class SimulatedKernel implements Libc {

    /** Linux's major device number of V4L2 nodes, which the simulation's nodes report through sysfs. */
    public static final int V4L2_MAJOR = 81;

    private final Libc host = LinuxLibc.get();
    private final Path devRoot;
    private final Path sysRoot;
    private final Map<Path, SimDevice> devices = new ConcurrentHashMap<>();
    private final Map<Integer, Handle> handles = new ConcurrentHashMap<>();
    private final Set<Integer> exported = ConcurrentHashMap.newKeySet();
    private final Map<Long, Long> clientMappings = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> calls = new ConcurrentHashMap<>();
    private final Map<Long, Deque<Integer>> injected = new ConcurrentHashMap<>();
    private final AtomicInteger mmapsBeforeFault = new AtomicInteger(-1);
    private volatile int mmapFault;

    /** An open descriptor of a simulated node, bound to the device instance it was opened on. */
    record Handle(int fd, SimInstance instance) {
    }

    /** Builds an empty tree under {@code root}: {@code root/dev} and {@code root/sys}. */
    public SimulatedKernel(Path root) {
        this.devRoot = root.resolve("dev");
        this.sysRoot = root.resolve("sys");
        try {
            Files.createDirectories(devRoot);
            Files.createDirectories(sysRoot.resolve("class/video4linux"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path devRoot() {
        return devRoot;
    }

    public Path sysRoot() {
        return sysRoot;
    }

    /** Plugs in a camera as {@code videoN} with the given stable names (null for none). */
    public SimDevice add(int number, SimCamera camera, String byId, String byPath) {
        SimDevice device = new SimDevice(this, devRoot.resolve("video" + number), camera, byId, byPath);
        devices.put(device.node(), device);
        device.replug();
        return device;
    }

    /** Makes the next {@code times} calls of {@code request} fail with {@code errno}. */
    public void inject(long request, int errno, int times) {
        Deque<Integer> queue = injected.computeIfAbsent(request, r -> new ArrayDeque<>());
        synchronized (queue) {
            for (int i = 0; i < times; i++) {
                queue.add(errno);
            }
        }
    }

    /** Lets {@code skip} buffer mmaps succeed, then makes the next one fail with {@code errno}. */
    public void injectMmap(int skip, int errno) {
        mmapFault = errno;
        mmapsBeforeFault.set(skip);
    }

    /** How often an ioctl (by name, such as {@code VIDIOC_DQBUF}) or call ({@code open}, {@code mmap}) was made. */
    public long calls(String name) {
        AtomicLong count = calls.get(name);
        return count == null ? 0 : count.get();
    }

    /** Simulated-node descriptors open now. */
    public int openDescriptors() {
        return handles.size();
    }

    /** Buffer mappings made by callers and not yet unmapped (or replaced). */
    public int clientMappings() {
        return clientMappings.size();
    }

    /** Exported DMABUF descriptors not yet closed. */
    public int exportedDescriptors() {
        return exported.size();
    }

    Libc host() {
        return host;
    }

    @Override
    public int open(String path, int flags) {
        count("open");
        Path node = Path.of(path).toAbsolutePath().normalize();
        SimDevice device = devices.get(node);
        SimInstance instance = device == null ? null : device.current();
        int fd = host.open(path, Libc.O_RDWR | Libc.O_CLOEXEC);
        handles.put(fd, new Handle(fd, instance));
        return fd;
    }

    @Override
    public void close(int fd) {
        count("close");
        if (exported.remove(fd)) {
            host.close(fd);
            return;
        }
        Handle handle = handles.remove(fd);
        if (handle != null && handle.instance() != null) {
            handle.instance().release(handle);
        }
        host.close(fd);
    }

    @Override
    public int ioctl(int fd, long request, Pointer argument) {
        String name = V4l2.ioctlName(request);
        count(name);
        Deque<Integer> faults = injected.get(request);
        if (faults != null) {
            synchronized (faults) {
                Integer errno = faults.poll();
                if (errno != null) {
                    throw new ErrnoException("ioctl " + name, errno);
                }
            }
        }
        Handle handle = handles.get(fd);
        if (handle == null) {
            throw new ErrnoException("ioctl " + name, Errno.EBADF);
        }
        if (handle.instance() == null) {
            throw new ErrnoException("ioctl " + name, Errno.ENOTTY);
        }
        return handle.instance().ioctl(handle, request, argument);
    }

    @Override
    public Pointer mmap(Pointer address, long length, int protection, int flags, int fd, long offset) {
        count("mmap");
        if (fd < 0) {
            Pointer mapped = host.mmap(address, length, protection, flags, fd, offset);
            clientMappings.remove(Pointer.nativeValue(mapped));
            return mapped;
        }
        Handle handle = handles.get(fd);
        if (handle == null || handle.instance() == null) {
            throw new ErrnoException("mmap", handle == null ? Errno.EBADF : Errno.ENODEV);
        }
        handle.instance().checkMappable(offset, length);
        if (mmapsBeforeFault.getAndUpdate(left -> left >= 0 ? left - 1 : left) == 0) {
            throw new ErrnoException("mmap", mmapFault);
        }
        Pointer mapped = host.mmap(address, length, protection, flags, fd, offset);
        clientMappings.put(Pointer.nativeValue(mapped), length);
        return mapped;
    }

    @Override
    public void munmap(Pointer address, long length) {
        count("munmap");
        host.munmap(address, length);
        clientMappings.remove(Pointer.nativeValue(address));
    }

    @Override
    public int poll(Pointer fds, int count, int timeoutMillis) {
        count("poll");
        if (count != 1) {
            throw new ErrnoException("poll", Errno.EINVAL);
        }
        PollFd entry = PollFd.at(fds);
        Handle handle = handles.get(entry.fd());
        if (handle == null || handle.instance() == null) {
            entry.revents(Libc.POLLNVAL);
            return 1;
        }
        int revents = handle.instance().poll(handle, entry.events(), timeoutMillis);
        entry.revents(revents);
        return revents == 0 ? 0 : 1;
    }

    /** Opens a second real descriptor on a node's file, as a DMABUF export hands out a new descriptor. */
    int export(int fd) {
        int copy = host.open("/proc/self/fd/" + fd, Libc.O_RDWR | Libc.O_CLOEXEC);
        exported.add(copy);
        return copy;
    }

    private void count(String name) {
        calls.computeIfAbsent(name, n -> new AtomicLong()).incrementAndGet();
    }
}
