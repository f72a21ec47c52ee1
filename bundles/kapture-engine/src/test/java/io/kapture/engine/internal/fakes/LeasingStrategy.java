package io.kapture.engine.internal.fakes;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.kapture.api.Frame;
import io.kapture.api.spi.DeliveryContext;
import io.kapture.api.spi.DeliveryStrategy;
import io.kapture.api.spi.DriverBuffer;

/**
 * A zero-copy-like test strategy: the frame is the driver buffer itself, requeued when its last handle is
 * released; when the driver has no other buffer queued it copies instead (a fallback copy). On close it
 * reclaims every frame still held, unless built not to, to exercise the engine's guard against late requeues.
 *
 * <p>Thread-safe: wrap on capture threads, releases from anywhere; whoever removes a lease from the set is the
 * one who requeues its buffer, so a release racing a reclaim requeues once.
 */
public final class LeasingStrategy implements DeliveryStrategy {

    private final boolean reclaimOnClose;
    private final Map<DeliveryContext, Set<TestFrame.Core>> leases = new ConcurrentHashMap<>();
    private final AtomicLong wraps = new AtomicLong();
    private final AtomicLong rehearsals = new AtomicLong();

    public LeasingStrategy(boolean reclaimOnClose) {
        this.reclaimOnClose = reclaimOnClose;
    }

    @Override
    public Frame wrap(DriverBuffer buffer, DeliveryContext context) {
        (FakeSource.isDeviceBuffer(buffer) ? wraps : rehearsals).incrementAndGet();
        if (context.queuedBuffers() == 0) {
            byte[] copy = new byte[buffer.bytesUsed()];
            buffer.memory().duplicate().get(copy);
            TestFrame.Core core = new TestFrame.Core(buffer, context.camera(), context.format(), ByteBuffer.wrap(copy),
                    () -> { });
            context.requeue(buffer);
            context.countFallbackCopy();
            return new TestFrame(core);
        }
        Set<TestFrame.Core> held = leases.computeIfAbsent(context, key -> ConcurrentHashMap.newKeySet());
        TestFrame.Core[] self = new TestFrame.Core[1];
        self[0] = new TestFrame.Core(buffer, context.camera(), context.format(), buffer.memory().duplicate(), () -> {
            if (held.remove(self[0])) {
                context.requeue(buffer);
            }
        });
        held.add(self[0]);
        return new TestFrame(self[0]);
    }

    @Override
    public boolean lendsDriverBuffers() {
        return true;
    }

    @Override
    public void close(DeliveryContext context) {
        Set<TestFrame.Core> held = leases.remove(context);
        if (reclaimOnClose && held != null) {
            reclaim(context, held);
        }
    }

    /** Takes back every frame held now, as a lease running out does, whether or not a listener still has it. */
    public void reclaimHeld() {
        leases.forEach(LeasingStrategy::reclaim);
    }

    private static void reclaim(DeliveryContext context, Set<TestFrame.Core> held) {
        for (TestFrame.Core core : held) {
            if (held.remove(core)) {
                core.reclaimed = true;
                context.requeue(core.buffer);
                context.countReclaimedLease();
            }
        }
    }

    /** Device frames wrapped so far. */
    public long wraps() {
        return wraps.get();
    }

    /** Frames of the engine's rehearsal wrapped so far (not a device's, and not in {@link #wraps()}). */
    public long rehearsals() {
        return rehearsals.get();
    }
}
