package io.kapture.api;

/**
 * Which thread calls a listener's {@link FrameListener#onFrame} on one camera, as {@link ListenerStats#placement()}
 * reports it.
 */
public enum ListenerPlacement {

    /**
     * On the camera's capture thread because the listener asked for it ({@link FrameListener#CAPTURE_THREAD}):
     * no queue, no thread of its own, for as long as it is subscribed.
     */
    CAPTURE_THREAD("capture thread (asked)"),

    /**
     * On the camera's capture thread by default, as the last thing done for each frame: the first listener of a
     * camera that did not ask for a thread of its own ({@link FrameListener#DELIVERY_THREAD}), for as long as it
     * keeps up with the camera. It has a delivery thread, parked, to move to.
     */
    INLINE("capture thread"),

    /** On a delivery thread of its own, with its own queue and drop policy. */
    OWN_THREAD("own thread"),

    /**
     * On a delivery thread of its own after it was called on the capture thread ({@link #INLINE}) and was too slow
     * for the camera or did not return; {@link ListenerStats#placementReason()} says why. It stays there until it
     * is subscribed again or its camera restarts.
     */
    DEMOTED("own thread (moved)");

    private final String words;

    ListenerPlacement(String words) {
        this.words = words;
    }

    /** A few words for tables and logs, for example {@code "capture thread"}. */
    public String words() {
        return words;
    }
}
