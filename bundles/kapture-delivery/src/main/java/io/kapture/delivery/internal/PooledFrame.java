package io.kapture.delivery.internal;

import java.nio.ByteBuffer;

/**
 * A frame whose memory is a buffer from the {@link io.kapture.api.FramePool}: on the last release the buffer goes
 * back to the pool and this object back to its {@link PooledFrames} to carry a later frame.
 *
 * <p>Threading contract: as {@link SharedFrame}. {@link #pooled} is written before {@link #open} publishes the
 * frame (under its lock) and read by {@link #recycle()} after the last release, which takes the same lock.
 */
final class PooledFrame extends SharedFrame {

    private final PooledFrames owner;
    private ByteBuffer pooled;

    PooledFrame(PooledFrames owner) {
        this.owner = owner;
    }

    void pooled(ByteBuffer buffer) {
        this.pooled = buffer;
    }

    @Override
    void recycle() {
        ByteBuffer buffer = pooled;
        pooled = null;
        owner.recycle(this, buffer);
    }
}
