package io.kapture.jmx.internal;

/**
 * One listener on one camera, as {@code io.kapture:type=Listener,camera=<camera>,name=<listener>}: the figures of
 * {@code kapture:listeners}. Read-only. Listeners of one name from one bundle on one camera are told apart by
 * {@code #2}, {@code #3}, ... after the name, in their order.
 */
public interface ListenerMXBean {

    String getCamera();

    String getName();

    String getBundle();

    String getDropPolicy();

    int getQueueCapacity();

    int getQueued();

    long getDelivered();

    long getDropped();

    /** The drops with their causes, such as {@code 12 (queue full 10, discarded at stop 2)}. */
    String getDroppedWithCauses();

    /**
     * Which thread calls it, with the reason if it was moved off the capture thread, such as {@code capture thread}
     * or {@code own thread (moved): 3 calls in a row took over half the frame interval (...)}.
     */
    String getPlacement();

    long getErrors();

    long getLatencyP50Micros();

    long getLatencyP99Micros();

    long getLatencyMaxMicros();

    /** Whether the listener is still subscribed; its figures stay at their last values once it is gone. */
    boolean isSubscribed();
}
