package io.kapture.v4l2.internal.m2m;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Deque;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.sun.jna.Pointer;

import io.kapture.v4l2.Errno;
import io.kapture.v4l2.ErrnoException;
import io.kapture.v4l2.Libc;
import io.kapture.v4l2.V4l2;
import io.kapture.v4l2.V4l2Device;
import io.kapture.v4l2.V4l2Errors;
import io.kapture.v4l2.internal.PlaneLayout;
import io.kapture.v4l2.structs.V4l2Buffer;
import io.kapture.v4l2.structs.V4l2Plane;

/**
 * One queue of a memory-to-memory device: the OUTPUT queue the application fills with raw frames, or the CAPTURE
 * queue the driver fills with coded data. MMAP buffers, single- or multi-planar as the {@link PlaneLayout} of its
 * buffer type says; every plane mapped once at {@link #allocate} and unmapped at {@link #close}, which also frees the
 * driver's buffers ({@code REQBUFS 0}). A failure midway through {@link #allocate} leaves what was mapped for
 * {@link #close} to release, so the owner's one {@code close} covers every path.
 *
 * <p>Threading: confined to the encoder's caller thread (one at a time, as {@code VideoEncoder} requires).
 */
final class M2mQueue implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(M2mQueue.class);

    /** What {@code DQBUF} handed back. */
    record Dequeued(int index, int bytesUsed, int flags, long timestampNanos) {
    }

    /** {@link #dequeue} when the driver will produce nothing more ({@code EPIPE} after the last buffer). */
    static final Dequeued END = new Dequeued(-1, 0, V4l2.BUF_FLAG_LAST, 0);

    private final V4l2Device device;
    private final PlaneLayout layout;
    private final String role;
    private final V4l2Buffer buffer = new V4l2Buffer();
    private final V4l2Plane planes;
    private final Deque<Integer> free = new ArrayDeque<>();
    private Pointer[][] addresses = new Pointer[0][];
    private long[][] lengths = new long[0][];
    private boolean requested;
    private boolean streaming;

    M2mQueue(V4l2Device device, int bufferType, String role) {
        this.device = device;
        this.layout = PlaneLayout.of(bufferType);
        this.role = role;
        this.planes = layout.newPlanes();
    }

    /** Allocates up to {@code count} buffers and maps every plane; returns how many the driver granted. */
    int allocate(int count) {
        requested = true;
        int granted = device.requestBuffers(layout.bufferType(), count);
        if (granted < 1) {
            throw new IllegalStateException(device.path() + ": the driver granted no " + role + " buffers");
        }
        addresses = new Pointer[granted][];
        lengths = new long[granted][];
        for (int index = 0; index < granted; index++) {
            layout.prepare(buffer, planes, index, V4l2.VIDEO_MAX_PLANES);
            device.ioctl(V4l2.VIDIOC_QUERYBUF, buffer);
            int planeCount = layout.planeCount(buffer);
            addresses[index] = new Pointer[planeCount];
            lengths[index] = new long[planeCount];
            for (int plane = 0; plane < planeCount; plane++) {
                long length = layout.length(buffer, planes, plane);
                long offset = layout.offset(buffer, planes, plane);
                try {
                    addresses[index][plane] = device.libc().mmap(null, length, Libc.PROT_READ | Libc.PROT_WRITE,
                            Libc.MAP_SHARED, device.fd(), offset);
                } catch (ErrnoException e) {
                    throw V4l2Errors.of(device.path(), "mmap of " + role + " buffer " + index + " plane " + plane,
                            e.errno());
                }
                lengths[index][plane] = length;
            }
            free.add(index);
        }
        return granted;
    }

    int bufferCount() {
        return addresses.length;
    }

    int planeCount(int index) {
        return addresses[index].length;
    }

    /** The mapped memory of one plane, its whole length. */
    ByteBuffer plane(int index, int plane) {
        return addresses[index][plane].getByteBuffer(0, lengths[index][plane]);
    }

    /** A buffer the driver does not hold, or -1. */
    int takeFree() {
        Integer index = free.poll();
        return index == null ? -1 : index;
    }

    void giveBack(int index) {
        free.add(index);
    }

    /** {@code QBUF} of buffer {@code index} with these bytes used per plane and this timestamp. */
    void queue(int index, int[] bytesUsed, long timestampNanos) {
        layout.prepare(buffer, planes, index, addresses[index].length);
        if (layout.multiPlanar()) {
            for (int plane = 0; plane < bytesUsed.length; plane++) {
                planes.bytesUsed(plane, bytesUsed[plane]);
                planes.length(plane, (int) lengths[index][plane]);
            }
        } else {
            buffer.bytesUsed(bytesUsed.length == 0 ? 0 : bytesUsed[0]);
        }
        buffer.field(V4l2.FIELD_NONE);
        buffer.timestampNanos(timestampNanos);
        device.ioctl(V4l2.VIDIOC_QBUF, buffer);
        free.remove(index);
    }

    /** {@code QBUF} of an empty buffer for the driver to fill (CAPTURE). */
    void queueEmpty(int index) {
        queue(index, new int[0], 0);
    }

    /**
     * {@code DQBUF}: the next finished buffer, null if none is ready, {@link #END} once the driver said it will
     * produce nothing more.
     */
    Dequeued dequeue() {
        layout.prepare(buffer, planes, 0, V4l2.VIDEO_MAX_PLANES);
        int result = device.tryIoctl(V4l2.VIDIOC_DQBUF, buffer);
        if (result == -Errno.EAGAIN) {
            return null;
        }
        if (result == -Errno.EPIPE) {
            return END;
        }
        if (result < 0) {
            throw V4l2Errors.of(device.path(), "VIDIOC_DQBUF (" + role + ")", -result);
        }
        return new Dequeued(buffer.index(), layout.bytesUsed(buffer, planes), buffer.flags(),
                buffer.timestampNanos());
    }

    void streamOn() {
        device.streamOn(layout.bufferType());
        streaming = true;
    }

    /** {@code STREAMOFF}: the driver returns every buffer, which are all free again. */
    void streamOff() {
        if (!streaming) {
            return;
        }
        streaming = false;
        device.streamOff(layout.bufferType());
        free.clear();
        for (int index = 0; index < addresses.length; index++) {
            free.add(index);
        }
    }

    /** Stops streaming, unmaps every plane and frees the driver's buffers; each step runs whatever the others do. */
    @Override
    public void close() {
        try {
            streamOff();
        } catch (RuntimeException e) {
            LOG.warn("{}: STREAMOFF of the {} queue failed: {}", device.path(), role, e.getMessage());
        }
        for (int index = 0; index < addresses.length; index++) {
            Pointer[] mapped = addresses[index];
            for (int plane = 0; mapped != null && plane < mapped.length; plane++) {
                if (mapped[plane] != null) {
                    try {
                        device.libc().munmap(mapped[plane], lengths[index][plane]);
                    } catch (ErrnoException e) {
                        LOG.warn("{}: munmap of {} buffer {} failed: {}", device.path(), role, index,
                                Errno.describe(e.errno()));
                    }
                    mapped[plane] = null;
                }
            }
        }
        addresses = new Pointer[0][];
        lengths = new long[0][];
        free.clear();
        if (requested) {
            requested = false;
            try {
                device.requestBuffers(layout.bufferType(), 0);
            } catch (RuntimeException e) {
                LOG.warn("{}: freeing the {} buffers failed: {}", device.path(), role, e.getMessage());
            }
        }
    }
}
