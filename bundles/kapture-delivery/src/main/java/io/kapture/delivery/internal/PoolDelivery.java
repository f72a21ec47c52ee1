package io.kapture.delivery.internal;

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
 * <p>Threading contract: {@link #wrap} on capture threads, many sessions at once; {@link #bufferKind} from the
 * configuration thread, taking effect from the next frame.
 */
public final class PoolDelivery implements DeliveryStrategy {

    private final PooledFrames frames;

    public PoolDelivery(FramePool pool, BufferKind bufferKind) {
        this.frames = new PooledFrames(pool, bufferKind);
    }

    @Override
    public Frame wrap(DriverBuffer buffer, DeliveryContext context) {
        try {
            return frames.copyOf(buffer, context, Wrapping.captureHolder());
        } finally {
            context.requeue(buffer);
        }
    }

    void bufferKind(BufferKind kind) {
        frames.bufferKind(kind);
    }

    BufferKind bufferKind() {
        return frames.bufferKind();
    }
}
