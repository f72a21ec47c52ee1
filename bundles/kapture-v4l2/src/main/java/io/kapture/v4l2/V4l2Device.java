package io.kapture.v4l2;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;

import io.kapture.v4l2.structs.NativeStruct;
import io.kapture.v4l2.structs.V4l2Capability;
import io.kapture.v4l2.structs.V4l2Event;
import io.kapture.v4l2.structs.V4l2EventSubscription;
import io.kapture.v4l2.structs.V4l2RequestBuffers;
import io.kapture.v4l2.structs.V4l2ExportBuffer;

/**
 * An open V4L2 device node: its descriptor and typed ioctls. Every ioctl is retried on {@code EINTR}, and every
 * failure becomes the exception {@link V4l2Errors} picks, naming this device and the ioctl. Opened with
 * {@code O_RDWR | O_NONBLOCK | O_CLOEXEC}: non-blocking so that {@code DQBUF} never hangs (waits go through
 * {@code poll} with a time-out), close-on-exec so that no child process inherits the camera.
 *
 * <p>Thread-safety: ioctls may be issued from several threads at once (the kernel serialises them per device);
 * {@link #close()} must not race with them: call it once every other call has returned.
 */
public final class V4l2Device implements AutoCloseable {

    private final Libc libc;
    private final String path;
    private final int fd;
    private volatile boolean closed;

    private V4l2Device(Libc libc, String path, int fd) {
        this.libc = libc;
        this.path = path;
        this.fd = fd;
    }

    /**
     * Opens a device node.
     *
     * @throws io.kapture.api.DeviceLostException if there is no such node
     * @throws V4l2PermissionException            if this process may not open it
     */
    public static V4l2Device open(Libc libc, String path) {
        try {
            int fd = libc.open(path, Libc.O_RDWR | Libc.O_NONBLOCK | Libc.O_CLOEXEC);
            return new V4l2Device(libc, path, fd);
        } catch (ErrnoException e) {
            throw V4l2Errors.of(path, "open", e.errno());
        }
    }

    /** The libc the device was opened through. */
    public Libc libc() {
        return libc;
    }

    /** The node path as opened. */
    public String path() {
        return path;
    }

    /** The file descriptor, for {@code mmap} and {@code poll}. */
    public int fd() {
        return fd;
    }

    /** Issues an ioctl, throwing the typed exception on failure. */
    public int ioctl(long request, NativeStruct argument) {
        return ioctl(request, argument.pointer());
    }

    /** Issues an ioctl with a raw argument (an {@code int} in native memory, for example). */
    public int ioctl(long request, Pointer argument) {
        int result = tryIoctl(request, argument);
        if (result < 0) {
            throw V4l2Errors.of(path, V4l2.ioctlName(request), -result);
        }
        return result;
    }

    /**
     * Issues an ioctl and returns {@code -errno} instead of throwing, for calls where an error is an answer
     * ({@code EINVAL} ends an enumeration, {@code EAGAIN} means no buffer is ready).
     */
    public int tryIoctl(long request, NativeStruct argument) {
        return tryIoctl(request, argument.pointer());
    }

    private int tryIoctl(long request, Pointer argument) {
        while (true) {
            try {
                return libc.ioctl(fd, request, argument);
            } catch (ErrnoException e) {
                if (e.errno() != Errno.EINTR) {
                    return -e.errno();
                }
            }
        }
    }

    /** {@code VIDIOC_QUERYCAP}. */
    public V4l2Capability queryCapabilities() {
        V4l2Capability capability = new V4l2Capability();
        ioctl(V4l2.VIDIOC_QUERYCAP, capability);
        return capability;
    }

    /**
     * {@code VIDIOC_REQBUFS} for MMAP buffers: allocates {@code count} (0 frees them all, and on a queue owned by
     * another file handle fails with EBUSY).
     *
     * @return how many the driver granted
     */
    public int requestBuffers(int bufferType, int count) {
        V4l2RequestBuffers request = new V4l2RequestBuffers();
        request.count(count);
        request.type(bufferType);
        request.memory(V4l2.MEMORY_MMAP);
        ioctl(V4l2.VIDIOC_REQBUFS, request);
        return request.count();
    }

    /** {@code VIDIOC_STREAMON} for a buffer type. */
    public void streamOn(int bufferType) {
        ioctl(V4l2.VIDIOC_STREAMON, intArgument(bufferType));
    }

    /** {@code VIDIOC_STREAMOFF} for a buffer type: stops streaming and takes back every buffer. */
    public void streamOff(int bufferType) {
        ioctl(V4l2.VIDIOC_STREAMOFF, intArgument(bufferType));
    }

    /** {@code VIDIOC_G_INPUT}: the current input's index. */
    public int input() {
        Memory argument = intArgument(0);
        ioctl(V4l2.VIDIOC_G_INPUT, argument);
        return argument.getInt(0);
    }

    /** {@code VIDIOC_S_INPUT}: selects an input. */
    public void input(int index) {
        ioctl(V4l2.VIDIOC_S_INPUT, intArgument(index));
    }

    /**
     * {@code VIDIOC_EXPBUF}: exports one plane of an MMAP buffer as a DMABUF descriptor.
     *
     * @return the new descriptor; the caller owns it and must close it ({@link Libc#close})
     */
    public int exportBuffer(int bufferType, int index, int plane) {
        V4l2ExportBuffer export = new V4l2ExportBuffer();
        export.type(bufferType);
        export.index(index);
        export.plane(plane);
        export.flags(Libc.O_CLOEXEC | Libc.O_RDWR);
        ioctl(V4l2.VIDIOC_EXPBUF, export);
        return export.fd();
    }

    /** {@code VIDIOC_SUBSCRIBE_EVENT} for an event type ({@link V4l2#EVENT_SOURCE_CHANGE}, ...) with id 0. */
    public void subscribe(int eventType) {
        subscribe(eventType, 0);
    }

    /**
     * {@code VIDIOC_SUBSCRIBE_EVENT} for an event type and id: source-change events carry the index of the input
     * that changed, and a subscription only sees its own id.
     */
    public void subscribe(int eventType, int id) {
        V4l2EventSubscription subscription = new V4l2EventSubscription();
        subscription.type(eventType);
        subscription.id(id);
        ioctl(V4l2.VIDIOC_SUBSCRIBE_EVENT, subscription);
    }

    /**
     * {@code VIDIOC_DQEVENT}: takes the next pending event.
     *
     * @return whether there was one ({@code ENOENT} means none)
     */
    public boolean dequeueEvent(V4l2Event event) {
        int result = tryIoctl(V4l2.VIDIOC_DQEVENT, event);
        if (result == -Errno.ENOENT) {
            return false;
        }
        if (result < 0) {
            throw V4l2Errors.of(path, "VIDIOC_DQEVENT", -result);
        }
        return true;
    }

    /** Closes the descriptor; idempotent. A failing {@code close} is not retried (the descriptor is gone anyway). */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            libc.close(fd);
        } catch (ErrnoException e) {
            // the kernel released the descriptor whatever close reports; nothing is left to free
        }
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        return closed;
    }

    @Override
    public String toString() {
        return path + " (fd " + fd + ")";
    }

    private static Memory intArgument(int value) {
        Memory memory = new Memory(Integer.BYTES);
        memory.setInt(0, value);
        return memory;
    }
}
