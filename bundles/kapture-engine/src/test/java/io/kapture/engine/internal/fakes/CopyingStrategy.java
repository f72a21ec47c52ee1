package io.kapture.engine.internal.fakes;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.kapture.api.Frame;
import io.kapture.api.spi.DeliveryContext;
import io.kapture.api.spi.DeliveryStrategy;
import io.kapture.api.spi.DriverBuffer;

/**
 * A test strategy that copies each frame into a new heap array and requeues the driver buffer at once. Counts
 * frames wrapped and frames whose last handle is not released yet.
 *
 * <p>Thread-safe: wrap on capture threads, releases from anywhere.
 */
public final class CopyingStrategy implements DeliveryStrategy {

    private final AtomicLong wraps = new AtomicLong();
    private final AtomicLong rehearsals = new AtomicLong();
    private final AtomicInteger liveFrames = new AtomicInteger();

    @Override
    public Frame wrap(DriverBuffer buffer, DeliveryContext context) {
        byte[] copy = new byte[buffer.bytesUsed()];
        buffer.memory().duplicate().get(copy);
        TestFrame.Core core = new TestFrame.Core(buffer, context.camera(), context.format(), ByteBuffer.wrap(copy),
                liveFrames::decrementAndGet);
        context.requeue(buffer);
        (FakeSource.isDeviceBuffer(buffer) ? wraps : rehearsals).incrementAndGet();
        liveFrames.incrementAndGet();
        return new TestFrame(core);
    }

    /** Device frames wrapped so far. */
    public long wraps() {
        return wraps.get();
    }

    /** Frames of the engine's rehearsal wrapped so far (not a device's, and not in {@link #wraps()}). */
    public long rehearsals() {
        return rehearsals.get();
    }

    /** Frames with at least one handle not released. */
    public int liveFrames() {
        return liveFrames.get();
    }
}
