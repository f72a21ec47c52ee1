package io.kapture.engine.internal.fanout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.kapture.api.DropPolicy;
import io.kapture.api.FrameListener;

/** A listener's service properties: camera filters, its own queue settings and tolerance of typos. */
class SubscriptionTest {

    private static final FrameListener LISTENER = frame -> { };

    private static Subscription of(Map<String, ?> properties) {
        return Subscription.of(LISTENER, properties, "some.bundle");
    }

    @Test
    void withoutPropertiesAListenerGetsEveryCameraAndTheCamerasDefaults() {
        Subscription subscription = of(Map.of());

        assertEquals(LISTENER.getClass().getName(), subscription.name());
        assertEquals("some.bundle", subscription.bundle());
        assertEquals("*", subscription.cameraFilter());
        assertTrue(subscription.matches("anything"));
        assertEquals(new QueueSpec(8, DropPolicy.DROP_OLDEST, 1000), subscription.queueSpec(8,
                DropPolicy.DROP_OLDEST));
    }

    @Test
    void cameraFiltersMatchByName() {
        assertTrue(of(Map.of(FrameListener.CAMERA, "cam0")).matches("cam0"));
        assertFalse(of(Map.of(FrameListener.CAMERA, "cam0")).matches("cam1"));
        assertTrue(of(Map.of(FrameListener.CAMERA, new String[] { "cam1", "cam2" })).matches("cam2"));
        assertFalse(of(Map.of(FrameListener.CAMERA, new String[] { "cam1", "cam2" })).matches("cam0"));
        assertTrue(of(Map.of(FrameListener.CAMERA, new String[] { "*" })).matches("cam0"));
        assertTrue(of(Map.of(FrameListener.CAMERA, new String[0])).matches("cam0"));
        assertTrue(of(Map.of(FrameListener.CAMERA, "")).matches("cam0"));
        assertTrue(of(Map.of(FrameListener.CAMERA, List.of("cam0"))).matches("cam0"));
    }

    @Test
    void aListenersOwnQueueSettingsWin() {
        Subscription subscription = of(Map.of(FrameListener.NAME, "mine", FrameListener.QUEUE_CAPACITY, 3,
                FrameListener.DROP_POLICY, "block", FrameListener.BLOCK_TIMEOUT_MS, 250L));

        assertEquals("mine", subscription.name());
        assertEquals(new QueueSpec(3, DropPolicy.BLOCK, 250), subscription.queueSpec(8, DropPolicy.DROP_OLDEST));
    }

    @Test
    void defaultsOfTheSubscriptionAnnotationMeanTheCamerasDefaults() {
        Subscription subscription = of(Map.of(FrameListener.QUEUE_CAPACITY, 0, FrameListener.DROP_POLICY, "",
                FrameListener.NAME, ""));

        assertNull(subscription.queueCapacity());
        assertNull(subscription.dropPolicy());
        assertEquals(LISTENER.getClass().getName(), subscription.name());
    }

    @Test
    void malformedPropertiesFallBackToDefaults() {
        Subscription subscription = of(Map.of(FrameListener.QUEUE_CAPACITY, "lots", FrameListener.DROP_POLICY,
                "SOMETIMES", FrameListener.BLOCK_TIMEOUT_MS, -1L));

        assertNull(subscription.queueCapacity());
        assertNull(subscription.dropPolicy());
        assertEquals(Subscription.DEFAULT_BLOCK_TIMEOUT_MS, subscription.blockTimeoutMs());
        assertEquals(4, of(Map.of(FrameListener.QUEUE_CAPACITY, "4")).queueCapacity());
        assertNull(of(Map.of(FrameListener.QUEUE_CAPACITY, 5000)).queueCapacity());
    }
}
