package io.kapture.engine.internal.session;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.StampedLock;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.kapture.api.FrameFormat;
import io.kapture.api.spi.CaptureSource;
import io.kapture.api.spi.DeliveryContext;
import io.kapture.api.spi.DriverBuffer;
import io.kapture.engine.internal.fanout.RateLimitedLog;

/**
 * The delivery strategies' view of one running stream, and the gate that keeps late frame releases away from a
 * source that has been stopped: a frame may be released on any thread long after its stream ended, and must
 * then not touch a closed device.
 *
 * <p>Threading contract: every {@link DeliveryContext} method may be called from any thread. {@link #requeue}
 * and the buffer queries hold a read stamp of a {@link StampedLock} (no allocation, no contention between
 * readers) while they touch the source; {@link #shutdown} takes the write stamp once, so after it returns no
 * call is inside the source and none will enter it. {@link #onSource} passes the same gate for control calls from
 * any thread. {@link #dequeued} is called on the capture thread only.
 */
final class StreamContext implements DeliveryContext {

    private static final Logger LOG = LoggerFactory.getLogger(StreamContext.class);

    private final String camera;
    private final FrameFormat format;
    private final CaptureSource source;
    private final StreamCounters counters;
    private final StampedLock gate = new StampedLock();
    /** Per buffer index: 1 from dequeue until the first requeue, so that a second requeue is ignored. */
    private final AtomicIntegerArray outstanding;
    private final RateLimitedLog requeueLog = new RateLimitedLog(LOG);
    private volatile boolean live = true;

    StreamContext(String camera, FrameFormat format, CaptureSource source, int bufferCount, StreamCounters counters) {
        this.camera = camera;
        this.format = format;
        this.source = source;
        this.counters = counters;
        this.outstanding = new AtomicIntegerArray(Math.max(bufferCount, 1));
    }

    @Override
    public String camera() {
        return camera;
    }

    @Override
    public FrameFormat format() {
        return format;
    }

    @Override
    public int queuedBuffers() {
        long stamp = gate.readLock();
        try {
            return live ? source.queuedBuffers() : 0;
        } finally {
            gate.unlockRead(stamp);
        }
    }

    @Override
    public int bufferCount() {
        long stamp = gate.readLock();
        try {
            return live ? source.bufferCount() : 0;
        } finally {
            gate.unlockRead(stamp);
        }
    }

    /** Capture thread: the buffer now belongs to the engine until requeued. */
    void dequeued(DriverBuffer buffer) {
        int index = buffer.index();
        if (index >= 0 && index < outstanding.length()) {
            outstanding.set(index, 1);
        }
    }

    @Override
    public void requeue(DriverBuffer buffer) {
        int index = buffer.index();
        if (index >= 0 && index < outstanding.length() && !outstanding.compareAndSet(index, 1, 0)) {
            LOG.debug("Camera {}: buffer {} requeued twice; ignored", camera, index);
            return;
        }
        long stamp = gate.readLock();
        try {
            if (live) {
                source.queue(buffer);
            }
        } catch (RuntimeException e) {
            requeueLog.warn("Camera " + camera + ": could not give buffer " + index + " back to the device", e);
        } finally {
            gate.unlockRead(stamp);
        }
    }

    @Override
    public void countFallbackCopy() {
        counters.countFallbackCopy();
    }

    @Override
    public void countReclaimedLease() {
        counters.countReclaimedLease();
    }

    /**
     * Runs a control call on the source while the stream lives: the shell reads and sets controls from its own
     * thread, and must not reach a device that the session is closing.
     *
     * @throws IllegalStateException once the stream has stopped
     */
    <T> T onSource(Function<CaptureSource, T> call) {
        long stamp = gate.readLock();
        try {
            if (!live) {
                throw new IllegalStateException("camera " + camera + " stopped");
            }
            return call.apply(source);
        } finally {
            gate.unlockRead(stamp);
        }
    }

    /** Buffers dequeued and not given back. */
    int outstanding() {
        int count = 0;
        for (int i = 0; i < outstanding.length(); i++) {
            count += outstanding.get(i);
        }
        return count;
    }

    /** Closes the gate: from now on requeues are ignored and the source is never touched through this context. */
    void shutdown() {
        long stamp = gate.writeLock();
        try {
            live = false;
        } finally {
            gate.unlockWrite(stamp);
        }
    }
}
