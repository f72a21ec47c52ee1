package io.kapture.api;

/**
 * What happens when a frame is due for a listener whose queue is full.
 */
public enum DropPolicy {
    /**
     * The capture thread waits for room in the queue, up to the listener's block timeout, and drops the frame
     * for that listener only when the wait times out. Lossless for a listener that keeps up on average, at the
     * price of slowing the whole camera to that listener's pace while it lags: while the capture thread waits
     * the driver fills its remaining buffers and then drops frames itself (seen as sequence gaps).
     */
    BLOCK,
    /** The oldest queued frame is dropped to make room: the listener always sees the most recent frames. */
    DROP_OLDEST,
    /** The new frame is dropped: the listener sees an unbroken run of older frames. */
    DROP_NEWEST;

    /** The policy with this name, ignoring case and accepting {@code -} for {@code _}; the error lists the valid names. */
    public static DropPolicy parse(String name) {
        if (name != null) {
            String wanted = name.trim().replace('-', '_');
            for (DropPolicy policy : values()) {
                if (policy.name().equalsIgnoreCase(wanted)) {
                    return policy;
                }
            }
        }
        throw new IllegalArgumentException("unknown drop policy '" + name + "'; use BLOCK, DROP_OLDEST or DROP_NEWEST");
    }
}
