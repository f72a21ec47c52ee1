package io.kapture.processor.motion;

/**
 * The EventAdmin events of Kapture's motion detector. A motion period of one camera begins with one
 * {@link #TOPIC_START} event and, once the camera has been still for the configured quiet time, ends with one
 * {@link #TOPIC_END} event; the two always alternate per detector. Subscribe with an {@code EventHandler} service
 * whose {@code event.topics} is {@link #TOPIC_ALL} (or one of the two), and narrow to a camera with an
 * {@code event.filter} such as {@code (camera=cam0)}.
 *
 * <p>Property values: {@link #CAMERA} String; {@link #TIME}, {@link #SEQUENCE} and {@link #DURATION_MILLIS}
 * Long; the bounding box's four Integers; {@link #SCORE} Double. Events are posted asynchronously
 * ({@code postEvent}), so handlers never slow the detector.
 *
 * <p>Constants only; safe from any thread.
 */
public final class MotionEvents {

    /** Motion began on a camera. */
    public static final String TOPIC_START = "io/kapture/motion/START";

    /** Motion on a camera ended: nothing moved for the configured quiet time. */
    public static final String TOPIC_END = "io/kapture/motion/END";

    /** Both topics, for {@code event.topics}. */
    public static final String TOPIC_ALL = "io/kapture/motion/*";

    /** The camera's name. */
    public static final String CAMERA = "camera";

    /**
     * Wall-clock time in milliseconds since the epoch of the frame that decided the event: the first moving frame
     * for START, the last frame of the quiet time for END.
     */
    public static final String TIME = "time";

    /** Sequence number of that frame. */
    public static final String SEQUENCE = "sequence";

    /**
     * Left edge of the bounding box of the moving area, in pixels of the full frame. START carries the box of
     * the first moving frame, END the union of the boxes over the whole motion period.
     */
    public static final String BBOX_X = "bbox.x";

    /** Top edge of the bounding box, in pixels. */
    public static final String BBOX_Y = "bbox.y";

    /** Width of the bounding box, in pixels. */
    public static final String BBOX_WIDTH = "bbox.width";

    /** Height of the bounding box, in pixels. */
    public static final String BBOX_HEIGHT = "bbox.height";

    /**
     * Share of the region of interest that changed, 0.0 to 1.0: for START that of the first moving frame, for
     * END the highest of the period.
     */
    public static final String SCORE = "score";

    /** END only: milliseconds from the START frame to the last moving frame. */
    public static final String DURATION_MILLIS = "duration.ms";

    private MotionEvents() {
    }
}
