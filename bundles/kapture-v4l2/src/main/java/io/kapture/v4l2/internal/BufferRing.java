package io.kapture.v4l2.internal;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.sun.jna.Pointer;

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
import io.kapture.v4l2.structs.V4l2RequestBuffers;

/**
 * One streaming session of MMAP buffers: {@code REQBUFS}, {@code QUERYBUF} and {@code mmap} of each buffer, all
 * queued, {@code STREAMON}; then {@code poll} + {@code DQBUF} on the capture thread and {@code QBUF} from any
 * thread; {@link #stop()} undoes it all. The per-frame path allocates nothing: the capture thread reuses one
 * {@code v4l2_buffer} (and plane array) and one {@code pollfd}, {@code QBUF} another pair under the lock.
 *
 * <p>At {@link #stop()} every buffer's mapping is retired through {@link RetiredMappings}, not unmapped outright:
 * views of a buffer's memory escape (a zero-copy frame's {@code data()}), and reading an unmapped range would crash
 * the JVM. Buffers still out at stop (not given back by the engine) are counted as orphans.
 *
 * <p>Threading: {@link #dequeue} runs on one thread (the session's); {@link #queue} on any; {@link #stop} on the
 * life-cycle thread, never during {@code dequeue}. Buffer states and the {@code QBUF} struct are guarded by
 * {@code this}; {@code poll} runs outside the lock so that {@code queue} never waits for a frame.
 */
final class BufferRing {

    private static final Logger LOG = LoggerFactory.getLogger(BufferRing.class);
    private static final int POLL_SLICE_MILLIS = 200;

    private final V4l2Device device;
    private final Libc libc;
    private final int type;
    private final boolean multiPlanar;
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicLong orphaned;
    private final StreamEvents events;
    private final V4l2Buffer dqbuf = new V4l2Buffer();
    private final V4l2Plane dqPlanes;
    private final V4l2Buffer qbuf = new V4l2Buffer();
    private final V4l2Plane qPlanes;
    private final PollFd pollFd = new PollFd();
    private MappedBuffer[] buffers = new MappedBuffer[0];
    private boolean streaming;

    BufferRing(V4l2Device device, int type, AtomicLong orphaned, StreamEvents events) {
        this.device = device;
        this.libc = device.libc();
        this.type = type;
        this.multiPlanar = type == V4l2.BUF_TYPE_VIDEO_CAPTURE_MPLANE;
        this.dqPlanes = multiPlanar ? new V4l2Plane(V4l2.VIDEO_MAX_PLANES) : null;
        this.qPlanes = multiPlanar ? new V4l2Plane(V4l2.VIDEO_MAX_PLANES) : null;
        this.orphaned = orphaned;
        this.events = events;
    }

    /** Requests, maps and queues {@code count} buffers and starts streaming; undoes everything if a step fails. */
    synchronized void start(int count) {
        boolean started = false;
        try {
            int granted = request(count);
            if (granted < 2) {
                throw new CaptureException(device.path() + ": the driver granted " + granted + " buffer(s) of "
                        + count + " asked; capture needs at least 2");
            }
            buffers = new MappedBuffer[granted];
            for (int index = 0; index < granted; index++) {
                buffers[index] = map(index);
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

    private int request(int count) {
        V4l2RequestBuffers request = new V4l2RequestBuffers();
        request.count(count);
        request.type(type);
        request.memory(V4l2.MEMORY_MMAP);
        device.ioctl(V4l2.VIDIOC_REQBUFS, request);
        return request.count();
    }

    private MappedBuffer map(int index) {
        V4l2Buffer query = new V4l2Buffer();
        V4l2Plane planes = multiPlanar ? new V4l2Plane(V4l2.VIDEO_MAX_PLANES) : null;
        query.prepare(type, V4l2.MEMORY_MMAP, index, planes, V4l2.VIDEO_MAX_PLANES);
        device.ioctl(V4l2.VIDIOC_QUERYBUF, query);
        if (multiPlanar && query.length() != 1) {
            throw new CaptureException(device.path() + ": buffer " + index + " has " + query.length()
                    + " planes; Kapture supports single-plane formats only");
        }
        long length = multiPlanar ? Integer.toUnsignedLong(planes.length(0)) : Integer.toUnsignedLong(query.length());
        long offset = multiPlanar ? Integer.toUnsignedLong(planes.memOffset(0)) : Integer.toUnsignedLong(query.offset());
        try {
            Pointer address = libc.mmap(null, length, Libc.PROT_READ | Libc.PROT_WRITE, Libc.MAP_SHARED,
                    device.fd(), offset);
            return new MappedBuffer(this, index, address, length);
        } catch (ErrnoException e) {
            throw V4l2Errors.of(device.path(), "mmap of buffer " + index, e.errno());
        }
    }

    /** QBUF under the lock; the caller holds it. */
    private void enqueue(MappedBuffer buffer) {
        qbuf.prepare(type, V4l2.MEMORY_MMAP, buffer.index(), qPlanes, 1);
        if (multiPlanar) {
            qPlanes.clear();
        }
        device.ioctl(V4l2.VIDIOC_QBUF, qbuf);
        buffer.state(MappedBuffer.State.QUEUED);
        queued.incrementAndGet();
    }

    /**
     * Waits for a filled buffer.
     *
     * @return the buffer, or null on time-out
     * @throws DeviceLostException on ENODEV / EIO from DQBUF or POLLERR from poll
     * @throws CaptureException    on a source-change or end-of-stream event ({@link StreamEvents})
     */
    MappedBuffer dequeue(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (true) {
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while waiting for a frame from " + device.path());
            }
            long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (remaining < 0) {
                return null;
            }
            int revents = poll((int) Math.min(remaining, POLL_SLICE_MILLIS));
            if (revents == 0) {
                continue;
            }
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
    }

    private int poll(int millis) {
        pollFd.watch(device.fd(), Libc.POLLIN | Libc.POLLPRI);
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
        dqbuf.prepare(type, V4l2.MEMORY_MMAP, 0, dqPlanes, V4l2.VIDEO_MAX_PLANES);
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
        int bytesUsed = multiPlanar ? dqPlanes.bytesUsed(0) : dqbuf.bytesUsed();
        synchronized (this) {
            MappedBuffer buffer = buffers[dqbuf.index()];
            buffer.filled(bytesUsed, dqbuf.sequence(), timestamp, flags);
            buffer.state(MappedBuffer.State.OUT);
            queued.decrementAndGet();
            return buffer;
        }
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
        if (buffers.length > 0 || queued.get() > 0) {
            quietly(() -> request(0), "VIDIOC_REQBUFS(0)");
        }
        buffers = new MappedBuffer[0];
        queued.set(0);
    }

    /** Retires the buffer's device mapping (see the class comment). */
    private void unmap(MappedBuffer buffer) {
        if (!RetiredMappings.retire(libc, device.path(), buffer.address(), buffer.length(), buffer.memory())) {
            return;
        }
        if (buffer.state() == MappedBuffer.State.OUT) {
            orphaned.incrementAndGet();
            LOG.warn("{}: buffer {} was still out at stop; its memory now reads as zeros", device.path(),
                    buffer.index());
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
