package io.kapture.delivery.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.kapture.api.Frame;
import io.kapture.api.FramePool.BufferKind;
import io.kapture.testing.TestDriverBuffer;

/** The Declarative Services shells, driven as SCR would: constructor, modified, deactivate. */
class ComponentsTest {

    private final RecordingPool pool = new RecordingPool();
    private final FakeContext context = new FakeContext("cam0", 2);

    @Test
    void copyComponentDelivers() {
        Frame frame = new CopyDeliveryComponent().wrap(new TestDriverBuffer(0, 4096).fill(1, 100, 0), context);

        assertEquals(1, frame.sequence());
        assertEquals(1, context.requeues(0));
        frame.release();
    }

    @Test
    void poolComponentUsesTheConfiguredBufferKind() {
        PoolDeliveryComponent component = new PoolDeliveryComponent(pool, poolConfig(BufferKind.HEAP));
        component.wrap(new TestDriverBuffer(0, 4096).fill(1, 100, 0), context).release();

        component.modified(poolConfig(BufferKind.DIRECT));
        component.wrap(new TestDriverBuffer(0, 4096).fill(2, 100, 0), context).release();

        assertEquals(List.of(BufferKind.HEAP, BufferKind.DIRECT), pool.kinds);
        assertEquals(0, pool.stats().outstanding());
    }

    @Test
    void zeroCopyComponentRunsOneReaperUntilDeactivated() {
        ZeroCopyDeliveryComponent component = new ZeroCopyDeliveryComponent(pool, zeroCopyConfig(1, 5000));
        try {
            assertEquals(1, ZeroCopyDeliveryTest.reaperThreads());
            Frame frame = component.wrap(new TestDriverBuffer(0, 4096).fill(1, 100, 0), context);
            component.close(context);
            assertTrue(frame.isReleased());
            assertEquals(1, context.requeues(0));
        } finally {
            component.deactivate();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> ZeroCopyDeliveryTest.reaperThreads() == 0);
    }

    @Test
    void zeroCopyComponentRetunesLiveAndKeepsItsSettingsOnABadChange() {
        ZeroCopyDeliveryComponent component = new ZeroCopyDeliveryComponent(pool, zeroCopyConfig(1, 5000));
        try {
            component.modified(zeroCopyConfig(2, 40));
            component.modified(zeroCopyConfig(-3, 40));
            context.queued(1);

            Frame copied = component.wrap(new TestDriverBuffer(0, 4096).fill(1, 100, 0), context);

            assertEquals(1, context.fallbackCopies());
            copied.release();
            context.queued(2);
            Frame leased = component.wrap(new TestDriverBuffer(1, 4096).fill(2, 100, 0), context);
            await().atMost(Duration.ofSeconds(10)).until(leased::isReleased);
            assertEquals(1, context.reclaimedLeases());
        } finally {
            component.deactivate();
        }
    }

    private static PoolDeliveryConfig poolConfig(BufferKind kind) {
        return new PoolDeliveryConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return PoolDeliveryConfig.class;
            }

            @Override
            public BufferKind buffer_kind() {
                return kind;
            }

            @Override
            public long max_held_bytes() {
                return PooledFrames.DEFAULT_MAX_HELD_BYTES;
            }
        };
    }

    private static ZeroCopyDeliveryConfig zeroCopyConfig(int minQueued, long leaseMs) {
        return new ZeroCopyDeliveryConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return ZeroCopyDeliveryConfig.class;
            }

            @Override
            public int min_queued() {
                return minQueued;
            }

            @Override
            public long lease_timeout_ms() {
                return leaseMs;
            }

            @Override
            public long max_held_bytes() {
                return PooledFrames.DEFAULT_MAX_HELD_BYTES;
            }
        };
    }
}
