package io.kapture.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A subscriber to frames, registered as an OSGi service (whiteboard pattern). Every running capture session
 * whose camera matches {@link #CAMERA} delivers its frames to it.
 *
 * <p>Threading contract: {@link #onFrame} is never called concurrently for one camera, and frames of one camera
 * arrive in sequence order (with gaps where frames were dropped). Each listener has its own delivery thread and
 * its own bounded queue per camera, so a slow listener slows nobody else (unless it asks for
 * {@link DropPolicy#BLOCK}); but the first listener of a camera that does not ask for a thread of its own
 * ({@link #DELIVERY_THREAD}) is called on the camera's capture thread instead ("inline"), as the last thing done
 * for each frame, which saves the hand-off between threads. It moves to its delivery thread for good (until it is
 * subscribed again or the camera restarts) as soon as it is too slow for the camera — calls longer than half the
 * frame interval three frames in a row, or one call longer than the driver's buffers last — or does not return
 * from {@code onFrame} within a second (taken over 1-3 s after the call began), when the camera goes on capturing
 * on a new thread; in both cases its later frames wait in its queue until the call in hand has returned.
 * {@link ListenerStats#placement()} says where a listener runs. So a listener must not assume which thread calls
 * it; one that knows it blocks or works long per frame (files, encoders, networks) sets {@link #DELIVERY_THREAD}
 * and never costs the camera its first slow frames.
 *
 * <p>Frame ownership: the frame is valid during the call and released by Kapture when the call returns. To keep
 * it longer, call {@link Frame#retain()} and release the returned handle when done. Kept frames are bounded: with
 * zero-copy delivery a frame (driver buffer or fallback copy) kept past the strategy's {@code lease.timeout.ms} is
 * taken back, and with zero-copy or pool delivery the oldest kept pooled frames are taken back once all kept ones
 * together pin more than the strategy's {@code max.held.bytes}. A handle taken back throws
 * {@link IllegalStateException} like a released one.
 *
 * <p>Unsubscribing (the service unregistered, its bundle stopped, the camera stopped) while {@link #onFrame} runs:
 * the call gets half a second to finish by itself, undisturbed, so a file being written is finished properly.
 * Only then is the delivery thread interrupted, for a listener that waits on something, and given two seconds
 * more; a listener that still does not return keeps its thread until it does, and nothing else waits for it.
 *
 * <p>Service properties (all optional), also settable with {@link FrameSubscription}:
 * {@link #CAMERA}, {@link #QUEUE_CAPACITY}, {@link #DROP_POLICY}, {@link #BLOCK_TIMEOUT_MS}, {@link #NAME},
 * {@link #CAPTURE_THREAD}, {@link #DELIVERY_THREAD}.
 */
@ConsumerType
public interface FrameListener {

    /** Camera name(s) to receive, String or String[]; absent, empty or {@code "*"} means every camera. */
    String CAMERA = "kapture.camera";

    /** Queue capacity (Integer, at least 1); absent means the camera's default. */
    String QUEUE_CAPACITY = "kapture.queue.capacity";

    /** {@link DropPolicy} name; absent means the camera's default. */
    String DROP_POLICY = "kapture.drop.policy";

    /** For {@link DropPolicy#BLOCK}: how long the capture thread may wait for room, in ms (Long); default 1000. */
    String BLOCK_TIMEOUT_MS = "kapture.block.timeout.ms";

    /** A display name for statistics and logs; absent means the implementation's class name. */
    String NAME = "kapture.listener.name";

    /**
     * Boolean (or "true"): call {@link #onFrame} on the camera's capture thread instead of a delivery thread of the
     * listener's own, with no queue. It saves the hand-off between threads (a wake-up and a sleep per frame), and
     * costs the isolation: while {@code onFrame} runs the camera dequeues nothing, so a listener that is slower than
     * the camera's frame interval makes the driver drop frames, and one that never returns stops the camera (its
     * stop gives up waiting after 10 s and leaves the device open). Queue capacity, drop policy and block timeout
     * do not apply. For a listener that only looks at a frame briefly, or hands it on itself. Default false.
     */
    String CAPTURE_THREAD = "kapture.capture.thread";

    /**
     * Boolean (or "true"): always call {@link #onFrame} on a delivery thread of the listener's own, never on the
     * capture thread, not even as the camera's first listener (see the threading contract above). For listeners
     * that block or work long per frame: writing files, encoding, talking to a network. Default false. When
     * {@link #CAPTURE_THREAD} is true as well, this one wins.
     *
     * @since 1.4
     */
    String DELIVERY_THREAD = "kapture.delivery.thread";

    /** Matches every camera in {@link #CAMERA}. */
    String ALL_CAMERAS = "*";

    /**
     * Receives one frame. Exceptions are caught, counted and logged by Kapture; they never stop delivery.
     *
     * @param frame the frame, valid until this method returns unless retained
     */
    void onFrame(Frame frame);
}
