package io.kapture.delivery.internal;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.kapture.api.FramePool;
import io.kapture.api.FramePoolStats;
import io.kapture.pool.internal.BoundedFramePool;

/** The real pool, remembering the kind of every buffer asked for. Thread-safe. */
final class RecordingPool implements FramePool {

    final List<BufferKind> kinds = new CopyOnWriteArrayList<>();
    private final BoundedFramePool pool = new BoundedFramePool(16L << 20);

    @Override
    public ByteBuffer acquire(int minCapacity, BufferKind kind) {
        kinds.add(kind);
        return pool.acquire(minCapacity, kind);
    }

    @Override
    public void release(ByteBuffer buffer) {
        pool.release(buffer);
    }

    @Override
    public FramePoolStats stats() {
        return pool.stats();
    }
}
