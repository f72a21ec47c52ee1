package io.kapture.pool.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.annotation.Annotation;
import java.nio.ByteBuffer;

import org.junit.jupiter.api.Test;

import io.kapture.api.FramePool.BufferKind;

/** The Declarative Services shell, driven as SCR would: constructor and modified. */
class FramePoolComponentTest {

    @Test
    void budgetComesFromConfigurationAndCanBeRetunedLive() {
        FramePoolComponent component = new FramePoolComponent(config(1 << 20));
        assertEquals(1 << 20, component.stats().maxBytes());
        ByteBuffer buffer = component.acquire(100_000, BufferKind.HEAP);
        component.release(buffer);
        assertEquals(SizeClasses.capacityOf(SizeClasses.classOf(100_000)), component.stats().bytesHeld());

        component.modified(config(0));

        assertEquals(0, component.stats().maxBytes());
        assertEquals(0, component.stats().bytesHeld());
    }

    @Test
    void rejectedRetuneKeepsThePreviousBudget() {
        FramePoolComponent component = new FramePoolComponent(config(1 << 20));

        component.modified(config(-1));

        assertEquals(1 << 20, component.stats().maxBytes());
    }

    @Test
    void defaultBudgetIs256MiB() {
        assertEquals(256L * 1024 * 1024, Config.DEFAULT_MAX_BYTES);
    }

    private static Config config(long maxBytes) {
        return new Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return Config.class;
            }

            @Override
            public long max_bytes() {
                return maxBytes;
            }
        };
    }
}
