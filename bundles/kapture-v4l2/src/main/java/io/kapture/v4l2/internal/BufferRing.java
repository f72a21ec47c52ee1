package io.kapture.v4l2.internal;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.kapture.api.CaptureException;
import io.kapture.api.DeviceLostException;
import io.kapture.api.spi.DriverBuffer;
import io.kapture.v4l2.Errno;
import io.kapture.v4l2.ErrnoException;
import io.kapture.v4l2.Libc;
import io.kapture.v4l2.V4l2;
import io.kapture.v4l2.V4l2Device;
import io.kapture.v4l2.V4l2Errors;
import io.kapture.v4l2.structs.PollFd;
import io.kapture.v4l2.structs.V4l2Buffer;
import io.kapture.v4l2.structs.V4l2Plane;

/**
 * One streaming session of MMAP buffers: {@code REQBUFS}, {@code QUERYBUF} and {@code mmap} of each buffer
 * ({@link BufferMapper}), all queued, {@code STREAMON}; then {@code poll} + {@code DQBUF} on the capture thread and {@code QBUF} from any
 * thread; {@link #stop()} undoes it all. The per-frame path allocates nothing: the capture thread reuses one
 * {@code v4l2_buffer} (and plane array) and one {@code pollfd}, {@code QBUF} another pair under the lock. Each
 * struct serves one call only, so per frame it gets just the fields that call reads ({@link
 * PlaneLayout#prepareStreaming}; the {@code pollfd} once, as {@code poll} only
 * writes its {@code revents}), and {@code dequeue} reads the clock once unless a wait brings no frame.
 *
 * <p>Multi-plane formats ({@link PlanarTwin}, on {@code BUF_TYPE_VIDEO_CAPTURE_MPLANE} devices): the format set at
 * start ({@code G_FMT}) decides; where each struct keeps a plane's memory is the {@link PlaneLayout}'s business. Every plane of every buffer is mapped ({@code QUERYBUF} with the plane array, one
 * {@code mmap} per plane at its {@code m.mem_offset}), and each dequeued frame is packed into the buffer's own
 * direct buffer ({@link PlanePacker}): one copy per frame, no allocation. Single-plane formats, on either buffer
 * type, are read in place (zero-copy).
 *
 * <p>At {@link #stop()} every plane mapping is retired through {@link RetiredMappings}, not unmapped outright:
 * views of a buffer's memory escape (a zero-copy frame's {@code data()}), and reading an unmapped range would crash
 * the JVM. Buffers still out at stop (not given back by the engine) are counted as orphans. A start that fails
 * midway retires what it mapped the same way; the planes of the one buffer being mapped when an {@code mmap} failed
 * are unmapped at once, as no view of them exists yet.
 *
 * <p>On libcamera's V4L2 compatibility layer ({@code v4l2-compat.so}, driver name {@value #LIBCAMERA_COMPAT_DRIVER})
 * buffers that are back in the ring at stop are unmapped outright instead: the layer learns of a mapping's end only
 * from {@code munmap} of it, and until then refuses {@code REQBUFS 0} with {@code EBUSY} and keeps the closed
 * descriptor's ownership of the camera, so every later open of the camera in this process failed with
 * {@code EBUSY} until the garbage collector happened to release the retired ranges. No view of a buffer in the ring is
 * legitimately held; buffers still out are retired as usual, and the camera stays busy until they are released and
 * collected (logged).
 *
 * <p>That layer also hands its buffers out in turn whichever completed, so there buffers go back to it in the order
 * they came ({@link DequeueOrder}).
 *
 * <p>A buffer index the driver hands back from {@code DQBUF} is checked: one outside the ring, or of a buffer that
 * was not queued, is a driver fault reported as a {@link CaptureException} (the engine restarts the stream), never
 * an array error on the capture thread or one buffer handed out twice.
 *
 * <p>Threading: {@link #dequeue} runs on one thread (the session's); {@link #queue} on any; {@link #stop} on the
 * life-cycle thread, never during {@code dequeue}. Buffer states and the {@code QBUF} struct are guarded by
 * {@code this}; {@code poll} runs outside the lock so that {@code queue} never waits for a frame.
 */
final class BufferRing {

    private static final Logger LOG = LoggerFactory.getLogger(BufferRing.class);
    private static final int POLL_SLICE_MILLIS = 200;
    /** The driver name libcamera's V4L2 compatibility layer answers {@code VIDIOC_QUERYCAP} with. */
    static final String LIBCAMERA_COMPAT_DRIVER = "libcamera";

    private final V4l2Device device;
    private final Libc libc;
    private final int type;
    private final PlaneLayout layout;
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicLong orphaned;
    private final StreamEndEvents events;
    private final V4l2Buffer dqbuf = new V4l2Buffer();
    private final V4l2Plane dqPlanes;
    private final V4l2Buffer qbuf = new V4l2Buffer();
    private final V4l2Plane qPlanes;
    private final PollFd pollFd = new PollFd();
    private final BufferMapper mapper;
    private final boolean unmapReturned;
    /** Null unless the driver needs buffers back in the order it handed them out (libcamera's layer). */
    private final DequeueOrder order;
    private MappedBuffer[] buffers = new MappedBuffer[0];
    private PlanePacker packer;
    private boolean requested;
    private boolean streaming;

    /** @param driver the driver's name from {@code VIDIOC_QUERYCAP}: libcamera's layer is unmapped at stop */
    BufferRing(V4l2Device device, int type, AtomicLong orphaned, StreamEndEvents events, String driver) {
        this.unmapReturned = LIBCAMERA_COMPAT_DRIVER.equals(driver);
        this.order = unmapReturned ? new DequeueOrder() : null;
        this.device = device;
        this.libc = device.libc();
        this.type = type;
        this.layout = PlaneLayout.of(type);
        this.dqPlanes = layout.newPlanes();
        this.qPlanes = layout.newPlanes();
        this.orphaned = orphaned;
        this.events = events;
        this.mapper = new BufferMapper(device, layout);
        // the descriptor and the events never change, and poll writes revents in every answer
        pollFd.watch(device.fd(), Libc.POLLIN | Libc.POLLPRI);
    }

    /** Requests, maps and queues {@code count} buffers and starts streaming; undoes everything if a step fails. */
    synchronized void start(int count) {
        boolean started = false;
        try {
            packer = layout.multiPlanar() ? mapper.packerOfCurrentFormat() : null;
            int granted = device.requestBuffers(type, count);
            requested = true;
            if (granted < 2) {
                throw new CaptureException(device.path() + ": the driver granted " + granted + " buffer(s) of "
                        + count + " asked; capture needs at least 2");
            }
            buffers = new MappedBuffer[granted];
            for (int index = 0; index < granted; index++) {
                buffers[index] = mapper.map(this, index, packer);
            }
            for (MappedBuffer buffer : buffers) {
                enqueue(buffer);
            }
            device.streamOn(type);
            streaming = true;
            started = true;
        } finally {
            if (!started) {
                release();
            }
        }
    }

    /** QBUF under the lock; the caller holds it. */
    private void enqueue(MappedBuffer buffer) {
        layout.prepareStreaming(qbuf, qPlanes, true, buffer.index(), buffer.planeCount());
        device.ioctl(V4l2.VIDIOC_QBUF, qbuf);
        buffer.state(MappedBuffer.State.QUEUED);
        queued.incrementAndGet();
    }

    /**
     * Waits for a filled buffer.
     *
     * @return the buffer, or null on time-out
     * @throws DeviceLostException on ENODEV / EIO from DQBUF or POLLERR from poll
     * @throws CaptureException    on a source-change or end-of-stream event ({@link StreamEndEvents})
     */
    MappedBuffer dequeue(long timeout, TimeUnit unit) throws InterruptedException {
        long remaining = unit.toNanos(timeout);
        long deadline = System.nanoTime() + remaining;
        while (true) {
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while waiting for a frame from " + device.path());
            }
            if (remaining < 0) {
                return null;
            }
            int revents = poll((int) Math.min(remaining / 1_000_000L, POLL_SLICE_MILLIS));
            if (revents != 0) {
                if ((revents & (Libc.POLLERR | Libc.POLLHUP | Libc.POLLNVAL)) != 0 && (revents & Libc.POLLIN) == 0) {
                    throw new DeviceLostException(device.path() + ": poll reported "
                            + ((revents & Libc.POLLNVAL) != 0 ? "POLLNVAL" : (revents & Libc.POLLHUP) != 0
                                    ? "POLLERR|POLLHUP" : "POLLERR")
                            + " while streaming; the device went away (unplugged, driver unbound or hardware error)");
                }
                // events first: a driver that keeps filling buffers must not starve a source change
                boolean event = (revents & Libc.POLLPRI) != 0 && events.drain();
                if ((revents & Libc.POLLIN) != 0) {
                    MappedBuffer buffer = take();
                    if (buffer != null) {
                        return buffer;
                    }
                }
                if ((revents & Libc.POLLPRI) != 0 && !event) {
                    return null;
                }
            }
            // only a wait that brought no frame reads the clock again
            remaining = deadline - System.nanoTime();
        }
    }

    private int poll(int millis) {
        try {
            return libc.poll(pollFd.pointer(), 1, millis) == 0 ? 0 : pollFd.revents();
        } catch (ErrnoException e) {
            if (e.errno() == Errno.EINTR) {
                return 0;
            }
            throw V4l2Errors.of(device.path(), "poll", e.errno());
        }
    }

    private MappedBuffer take() {
        layout.prepareStreaming(dqbuf, dqPlanes, false, 0, 0);
        int result = device.tryIoctl(V4l2.VIDIOC_DQBUF, dqbuf);
        if (result == -Errno.EAGAIN) {
            return null;
        }
        if (result < 0) {
            throw V4l2Errors.of(device.path(), "VIDIOC_DQBUF", -result);
        }
        int flags = dqbuf.flags();
        long timestamp = (flags & V4l2.BUF_FLAG_TIMESTAMP_MASK) == V4l2.BUF_FLAG_TIMESTAMP_MONOTONIC
                ? dqbuf.timestampNanos() : System.nanoTime();
        MappedBuffer buffer;
        synchronized (this) {
            buffer = queuedBuffer(dqbuf.index());
            buffer.state(MappedBuffer.State.OUT);
            queued.decrementAndGet();
            if (order != null) {
                order.handedOut(buffer.index());
            }
        }
        // outside the lock: the copy must not hold up QBUF from other threads; nobody else has this buffer yet
        int bytesUsed = buffer.packed() ? buffer.pack(dqPlanes) : layout.bytesUsed(dqbuf, dqPlanes);
        buffer.filled(bytesUsed, dqbuf.sequence(), timestamp, flags);
        return buffer;
    }

    /** The buffer DQBUF named, which must be one of this ring's and queued; the caller holds the lock. */
    private MappedBuffer queuedBuffer(int index) {
        if (index < 0 || index >= buffers.length) {
            throw new CaptureException(device.path() + ": VIDIOC_DQBUF returned buffer index " + index
                    + ", but the stream has buffers 0 to " + (buffers.length - 1)
                    + "; the driver is misbehaving, so the stream is restarted");
        }
        MappedBuffer buffer = buffers[index];
        if (buffer.state() != MappedBuffer.State.QUEUED) {
            throw new CaptureException(device.path() + ": VIDIOC_DQBUF returned buffer " + index
                    + ", which was not queued (it is " + buffer.state() + ")"
                    + "; the driver is misbehaving, so the stream is restarted");
        }
        return buffer;
    }

    /** QBUF; ignored when stopped. A device gone meanwhile is left for the next dequeue to report. */
    synchronized void queue(DriverBuffer buffer) {
        if (!(buffer instanceof MappedBuffer mapped) || mapped.ring() != this) {
            if (!streaming) {
                return;
            }
            throw new IllegalArgumentException(buffer + " is not a buffer of the current stream of " + device.path());
        }
        if (!streaming) {
            return;
        }
        if (mapped.state() == MappedBuffer.State.QUEUED) {
            throw new IllegalArgumentException(device.path() + ": " + mapped + " is already queued");
        }
        if (order == null) {
            requeue(mapped);
            return;
        }
        order.givenBack(mapped.index());
        for (int next = order.next(); next >= 0; next = order.next()) {
            requeue(buffers[next]);
        }
    }

    private void requeue(MappedBuffer mapped) {
        try {
            enqueue(mapped);
        } catch (DeviceLostException e) {
            mapped.state(MappedBuffer.State.IDLE);
            LOG.debug("{}: not requeueing buffer {}, the device is gone", device.path(), mapped.index());
        }
    }

    int queued() {
        return queued.get();
    }

    synchronized int count() {
        return buffers.length;
    }

    /** Planes of each buffer: 1 for single-plane formats, 0 while not started. */
    synchronized int planes() {
        return buffers.length == 0 ? 0 : buffers[0].planeCount();
    }

    synchronized boolean streaming() {
        return streaming;
    }

    /** STREAMOFF, release every buffer's device mapping (see the class comment), REQBUFS 0. Device-gone errors are expected here and ignored. */
    synchronized void stop() {
        release();
    }

    private void release() {
        if (streaming) {
            streaming = false;
            quietly(() -> device.streamOff(type), "VIDIOC_STREAMOFF");
        }
        for (MappedBuffer buffer : buffers) {
            if (buffer != null) {
                unmap(buffer);
            }
        }
        if (requested || queued.get() > 0) {
            quietly(() -> device.requestBuffers(type, 0), "VIDIOC_REQBUFS(0)");
        }
        requested = false;
        buffers = new MappedBuffer[0];
        packer = null;
        queued.set(0);
    }

    /** Retires every plane mapping of the buffer (see the class comment). */
    private void unmap(MappedBuffer buffer) {
        if (unmapReturned && (buffer.state() != MappedBuffer.State.OUT || order.waiting(buffer.index()))) {
            for (int plane = 0; plane < buffer.planeCount(); plane++) {
                try {
                    libc.munmap(buffer.address(plane), buffer.length(plane));
                } catch (ErrnoException e) {
                    LOG.warn("{}: munmap of buffer {} failed: {}", device.path(), buffer.index(),
                            Errno.describe(e.errno()));
                }
            }
            return;
        }
        if (unmapReturned) {
            LOG.warn("{}: buffer {} is still out at stop; libcamera's compatibility layer keeps the camera busy "
                    + "(EBUSY) in this process until the frame is released and collected", device.path(),
                    buffer.index());
        }
        boolean retired = false;
        for (int plane = 0; plane < buffer.planeCount(); plane++) {
            retired |= RetiredMappings.retire(libc, device.path(), buffer.address(plane), buffer.length(plane),
                    buffer.plane(plane));
        }
        if (retired && buffer.state() == MappedBuffer.State.OUT) {
            orphaned.incrementAndGet();
            LOG.warn("{}: buffer {} was still out at stop; its memory now reads as {}", device.path(),
                    buffer.index(), buffer.packed() ? "its last frame (packed copy)" : "zeros");
        }
    }

    private void quietly(Runnable call, String what) {
        try {
            call.run();
        } catch (CaptureException e) {
            LOG.debug("{}: {} during stop failed: {}", device.path(), what, e.getMessage());
        }
    }
}
