package io.kapture.delivery.internal;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.kapture.api.Frame;
import io.kapture.api.FramePool;
import io.kapture.api.FramePool.BufferKind;
import io.kapture.api.spi.DeliveryContext;
import io.kapture.api.spi.DeliveryStrategy;
import io.kapture.api.spi.DriverBuffer;

/**
 * The {@code pool} strategy: each frame is copied into a buffer from the {@link FramePool} and the driver buffer
 * is requeued at once; the pooled buffer goes back to the pool when the frame's last handle is released. The
 * driver never waits for listeners, and a warm pool makes the copy allocation-free but for the handle.
 *
 * <p>Frames are never taken back for their age, but the frames still held may pin at most
 * {@code max.held.bytes} of pooled memory: beyond it the oldest are taken back, counted as reclaimed leases of
 * their camera and reported through a rate-limited {@link TakeBackLog} naming their holders (see
 * {@link PooledFrames} for why a buffer taken back never returns to the pool).
 *
 * <p>Threading contract: {@link #wrap} on capture threads, many sessions at once; {@link #bufferKind} and
 * {@link #maxHeldBytes} from the configuration thread, taking effect from the next frame.
 */
public final class PoolDelivery implements DeliveryStrategy {

    /** The configuration PID, named in messages. */
    static final String PID = "io.kapture.delivery.pool";

    private static final Logger LOG = LoggerFactory.getLogger(PoolDelivery.class);

    private final TakeBackLog log;
    private final PooledFrames frames;

    /** With the default {@code max.held.bytes}; for use outside OSGi (benchmarks, other bundles' tests). */
    public PoolDelivery(FramePool pool, BufferKind bufferKind) {
        this(pool, bufferKind, PooledFrames.DEFAULT_MAX_HELD_BYTES, new TakeBackLog(LOG));
    }

    PoolDelivery(FramePool pool, BufferKind bufferKind, long maxHeldBytes, TakeBackLog log) {
        this.log = log;
        this.frames = new PooledFrames(pool, bufferKind, maxHeldBytes, this::reportOverLimit);
    }

    @Override
    public Frame wrap(DriverBuffer buffer, DeliveryContext context) {
        try {
            return frames.copyOf(buffer, context, Wrapping.captureHolder(), PooledFrames.NO_LEASE);
        } finally {
            context.requeue(buffer);
            log.flushIfDue();
        }
    }

    void bufferKind(BufferKind kind) {
        frames.bufferKind(kind);
    }

    BufferKind bufferKind() {
        return frames.bufferKind();
    }

    void maxHeldBytes(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("max.held.bytes must be 0 or more (0 keeps only the newest frame "
                    + "held), was " + bytes);
        }
        frames.maxHeldBytes(bytes);
    }

    long maxHeldBytes() {
        return frames.maxHeldBytes();
    }

    /** Pooled bytes pinned by frames still held, for tests and diagnostics. */
    long heldBytes() {
        return frames.heldBytes();
    }

    private void reportOverLimit(String frame, List<String> holders) {
        log.tookBack(frame, holders, "frames still held pinned more than max.held.bytes = " + frames.maxHeldBytes()
                + " bytes of pooled memory, and this was the oldest",
                "Release frames sooner (keep only the handles you need and release each one), or raise "
                        + "max.held.bytes of " + PID + " (and max.bytes of io.kapture.pool with it).");
    }
}
