package io.kapture.delivery.internal;

import io.kapture.api.FramePool.BufferKind;
import io.kapture.api.FramePoolStats;
import io.kapture.api.spi.DeliveryStrategy;
import io.kapture.pool.internal.BoundedFramePool;

/**
 * One strategy by its {@code kapture.delivery} name, with the real pool behind it, for tests that hold for all
 * three. Zero-copy gets a lease long enough never to expire during a test. Test thread only.
 */
final class Fixture implements AutoCloseable {

    static final int CAPACITY = 64 * 1024;

    final String name;
    final BoundedFramePool pool = new BoundedFramePool(64L << 20);
    final DeliveryStrategy strategy;

    Fixture(String name) {
        this.name = name;
        this.strategy = switch (name) {
            case DeliveryStrategy.COPY -> new CopyDelivery();
            case DeliveryStrategy.POOL -> new PoolDelivery(pool, BufferKind.DIRECT);
            case DeliveryStrategy.ZEROCOPY -> new ZeroCopyDelivery(pool, new ZeroCopySettings(1, 3_600_000));
            default -> throw new IllegalArgumentException("no strategy " + name);
        };
    }

    /** Whether the driver buffer is held until the frame's last handle goes. */
    boolean holdsDriverBuffer() {
        return DeliveryStrategy.ZEROCOPY.equals(name);
    }

    FramePoolStats poolStats() {
        return pool.stats();
    }

    @Override
    public void close() {
        if (strategy instanceof ZeroCopyDelivery zeroCopy) {
            zeroCopy.close();
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
