package io.kapture.engine.internal.fanout;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.kapture.api.DropPolicy;
import io.kapture.api.FrameListener;
import io.kapture.engine.internal.config.CameraSettings;

/**
 * What a {@link FrameListener} asked for through its service properties: which cameras, and optionally its own
 * queue capacity, drop policy and block timeout instead of the camera's defaults. A malformed property is logged
 * and treated as absent, so that one listener's typo never stops a camera.
 *
 * <p>Immutable; safe from any thread.
 *
 * @param name           display name, from {@link FrameListener#NAME} or the class name
 * @param bundle         symbolic name of the registering bundle
 * @param cameraFilter   the camera filter as registered, for statistics
 * @param cameras        camera names; empty or containing {@code *} means every camera
 * @param queueCapacity  the listener's own capacity, or null for the camera's default
 * @param dropPolicy     the listener's own policy, or null for the camera's default
 * @param blockTimeoutMs wait for room under {@link DropPolicy#BLOCK}
 * @param captureThread  whether {@code onFrame} is called on the capture thread, with no queue
 *                       ({@link FrameListener#CAPTURE_THREAD})
 * @param deliveryThread whether it asked never to be called on the capture thread, not even as a camera's first
 *                       listener ({@link FrameListener#DELIVERY_THREAD}); wins over {@code captureThread}
 */
public record Subscription(String name, String bundle, String cameraFilter, List<String> cameras,
        Integer queueCapacity, DropPolicy dropPolicy, long blockTimeoutMs, boolean captureThread,
        boolean deliveryThread) {

    /** The block timeout when the listener does not give one, as {@link FrameListener#BLOCK_TIMEOUT_MS} says. */
    public static final long DEFAULT_BLOCK_TIMEOUT_MS = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(Subscription.class);

    public Subscription {
        cameras = List.copyOf(cameras);
        captureThread = captureThread && !deliveryThread;
    }

    /** A subscription that may be called on the capture thread as its camera's first listener, or asked to be. */
    public Subscription(String name, String bundle, String cameraFilter, List<String> cameras, Integer queueCapacity,
            DropPolicy dropPolicy, long blockTimeoutMs, boolean captureThread) {
        this(name, bundle, cameraFilter, cameras, queueCapacity, dropPolicy, blockTimeoutMs, captureThread, false);
    }

    /** A subscription that may be called on the capture thread as its camera's first listener. */
    public Subscription(String name, String bundle, String cameraFilter, List<String> cameras, Integer queueCapacity,
            DropPolicy dropPolicy, long blockTimeoutMs) {
        this(name, bundle, cameraFilter, cameras, queueCapacity, dropPolicy, blockTimeoutMs, false);
    }

    /** Reads a listener's service properties. */
    public static Subscription of(FrameListener listener, Map<String, ?> properties, String bundle) {
        Object given = properties.get(FrameListener.NAME);
        String name = given instanceof String text && !text.isBlank() ? text.trim() : listener.getClass().getName();
        List<String> cameras = cameras(properties.get(FrameListener.CAMERA));
        Integer capacity = capacity(name, properties.get(FrameListener.QUEUE_CAPACITY));
        DropPolicy policy = policy(name, properties.get(FrameListener.DROP_POLICY));
        long timeout = blockTimeout(name, properties.get(FrameListener.BLOCK_TIMEOUT_MS));
        // a malformed value means a thread of its own in both cases: the choice that never costs the camera
        boolean captureThread = flag(name, FrameListener.CAPTURE_THREAD, properties.get(FrameListener.CAPTURE_THREAD),
                false);
        boolean deliveryThread = flag(name, FrameListener.DELIVERY_THREAD,
                properties.get(FrameListener.DELIVERY_THREAD), true);
        if (captureThread && deliveryThread) {
            LOG.warn("Listener {}: both {} and {} are true; using a delivery thread of its own", name,
                    FrameListener.CAPTURE_THREAD, FrameListener.DELIVERY_THREAD);
        }
        String filter = cameras.isEmpty() ? FrameListener.ALL_CAMERAS : String.join(",", cameras);
        return new Subscription(name, bundle, filter, cameras, capacity, policy, timeout, captureThread,
                deliveryThread);
    }

    /** Whether this listener wants the frames of {@code camera}. */
    public boolean matches(String camera) {
        return cameras.isEmpty() || cameras.contains(FrameListener.ALL_CAMERAS) || cameras.contains(camera);
    }

    /** The queue this listener gets on a camera with the given defaults. */
    public QueueSpec queueSpec(int defaultCapacity, DropPolicy defaultPolicy) {
        return new QueueSpec(queueCapacity != null ? queueCapacity : defaultCapacity,
                dropPolicy != null ? dropPolicy : defaultPolicy, blockTimeoutMs);
    }

    private static List<String> cameras(Object value) {
        List<String> cameras = new ArrayList<>();
        if (value instanceof String text) {
            cameras.add(text);
        } else if (value instanceof String[] array) {
            cameras.addAll(List.of(array));
        } else if (value instanceof Collection<?> collection) {
            collection.forEach(item -> cameras.add(String.valueOf(item)));
        }
        cameras.replaceAll(String::trim);
        cameras.removeIf(String::isEmpty);
        return cameras;
    }

    private static Integer capacity(String listener, Object value) {
        Long capacity = whole(value);
        if (value == null || capacity != null && capacity == 0) {
            return null;
        }
        if (capacity == null || capacity < 1 || capacity > CameraSettings.MAX_QUEUE_CAPACITY) {
            LOG.warn("Listener {}: {} must be between 1 and {}, was '{}'; using the camera's default", listener,
                    FrameListener.QUEUE_CAPACITY, CameraSettings.MAX_QUEUE_CAPACITY, value);
            return null;
        }
        return capacity.intValue();
    }

    private static DropPolicy policy(String listener, Object value) {
        if (value == null || value instanceof String text && text.isBlank()) {
            return null;
        }
        try {
            return DropPolicy.parse(String.valueOf(value));
        } catch (IllegalArgumentException e) {
            LOG.warn("Listener {}: {}; using the camera's default", listener, e.getMessage());
            return null;
        }
    }

    private static long blockTimeout(String listener, Object value) {
        Long timeout = whole(value);
        if (value == null) {
            return DEFAULT_BLOCK_TIMEOUT_MS;
        }
        if (timeout == null || timeout < 0) {
            LOG.warn("Listener {}: {} must be a whole number of milliseconds, was '{}'; using {}", listener,
                    FrameListener.BLOCK_TIMEOUT_MS, value, DEFAULT_BLOCK_TIMEOUT_MS);
            return DEFAULT_BLOCK_TIMEOUT_MS;
        }
        return timeout;
    }

    private static boolean flag(String listener, String key, Object value, boolean malformed) {
        if (value == null || Boolean.FALSE.equals(value) || "false".equalsIgnoreCase(String.valueOf(value).trim())) {
            return false;
        }
        if (Boolean.TRUE.equals(value) || "true".equalsIgnoreCase(String.valueOf(value).trim())) {
            return true;
        }
        LOG.warn("Listener {}: {} must be true or false, was '{}'; using a delivery thread of its own", listener, key,
                value);
        return malformed;
    }

    private static Long whole(Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return ((Number) value).longValue();
        }
        if (value instanceof String text) {
            try {
                return Long.parseLong(text.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
