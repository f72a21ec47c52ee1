package io.kapture.processor.recorder;

/**
 * The EventAdmin events of Kapture's recorder: a video file begun ({@link #TOPIC_STARTED}), finished
 * ({@link #TOPIC_FINISHED}), or not begun because writing failed ({@link #TOPIC_FAILED}), and an event clip
 * extended by a further trigger ({@link #TOPIC_EXTENDED}). Subscribe with an
 * {@code org.osgi.service.event.EventHandler} service whose {@code event.topics} is {@link #TOPIC_ALL} (or one
 * topic), and narrow to a camera with an {@code event.filter} such as {@code (camera=cam0)}.
 *
 * <p>Versions: the {@code v1} in the topics changes only when a property of these events is removed or changes
 * its meaning or type, so a handler of {@code io/kapture/recording/v1/*} keeps working; properties may be added
 * within {@code v1}, so handlers must ignore those they do not know.
 *
 * <p>Per file, {@link #TOPIC_STARTED} comes once its first frame is written, then (for a clip) any
 * {@link #TOPIC_EXTENDED}, then {@link #TOPIC_FINISHED} once it is closed, all posted by the same recorder in that
 * order. Events are posted asynchronously
 * ({@code postEvent}) from the recorder's thread, outside its lock: a handler never slows the recording, and
 * without an EventAdmin service the recorder records all the same.
 *
 * <p>Property values: {@link #START_MILLIS}, {@link #END_MILLIS}, {@link #DURATION_MILLIS}, {@link #FRAMES},
 * {@link #BYTES}, {@link #EXTENDED_MILLIS} and {@code timestamp} (when the event was posted) Long; the others
 * String.
 *
 * <p>Constants only; safe from any thread.
 */
public final class RecordingEvents {

    /** A file was begun: its first frame (for a clip, the first of its pre-roll) is written. */
    public static final String TOPIC_STARTED = "io/kapture/recording/v1/STARTED";

    /** A file was finished and closed: rotated, its clip ended, its recorder stopped, or a write failed. */
    public static final String TOPIC_FINISHED = "io/kapture/recording/v1/FINISHED";

    /**
     * A trigger came while an event clip was being written and extended it ({@link #EXTENDED_BY}, at
     * {@link #EXTENDED_MILLIS}): the clip now ends {@code post.seconds} after that trigger, or after the motion it
     * began ends. The file's properties are those of {@link #TOPIC_STARTED}.
     */
    public static final String TOPIC_EXTENDED = "io/kapture/recording/v1/EXTENDED";

    /**
     * No file could be begun (the disk full, the folder not writable): the recorder pauses and tries again. A
     * failure in a file being written finishes it instead, with {@link #REASON} {@link #REASON_ERROR}.
     */
    public static final String TOPIC_FAILED = "io/kapture/recording/v1/FAILED";

    /** Every topic of this version, for {@code event.topics}. */
    public static final String TOPIC_ALL = "io/kapture/recording/v1/*";

    /** The recorded camera. */
    public static final String CAMERA = "camera";

    /** The file, absolute. Not on {@link #TOPIC_FAILED}. */
    public static final String PATH = "path";

    /** The file's name, {@code <camera>-<yyyyMMdd-HHmmss-SSS>[.<trigger>].<format>}. */
    public static final String FILE = "file";

    /** The container: {@code avi} (MJPEG) or {@code mp4} (H.264). */
    public static final String FORMAT = "format";

    /** {@link #KIND_CONTINUOUS} or {@link #KIND_EVENT}. */
    public static final String KIND = "kind";

    /** {@link #KIND}: a segment of a continuous recording. */
    public static final String KIND_CONTINUOUS = "continuous";

    /** {@link #KIND}: an event clip. */
    public static final String KIND_EVENT = "event";

    /** Event clips only: what started the clip, {@code motion} or an external trigger's name. */
    public static final String TRIGGER = "trigger";

    /** Wall-clock time of the file's first frame, in milliseconds since the epoch. */
    public static final String START_MILLIS = "start.ms";

    /** {@link #TOPIC_EXTENDED}: the trigger that extended the clip, {@code motion} or an external trigger's name. */
    public static final String EXTENDED_BY = "extended.by";

    /** {@link #TOPIC_EXTENDED}: wall-clock time of the frame at which that trigger applied. */
    public static final String EXTENDED_MILLIS = "extended.ms";

    /** {@link #TOPIC_FINISHED}: {@link #START_MILLIS} plus {@link #DURATION_MILLIS}, the last frame's time. */
    public static final String END_MILLIS = "end.ms";

    /** {@link #TOPIC_FINISHED}: capture time from the first frame to the last, in milliseconds. */
    public static final String DURATION_MILLIS = "duration.ms";

    /** {@link #TOPIC_FINISHED}: frames in the file. */
    public static final String FRAMES = "frames";

    /** {@link #TOPIC_FINISHED}: the closed file's size in bytes. */
    public static final String BYTES = "bytes";

    /** {@link #TOPIC_FINISHED}: why the file ended, one of the {@code REASON_} values. */
    public static final String REASON = "reason";

    /**
     * The file reached {@code rotate.size.mb} or {@code rotate.duration.seconds}, or the frame size or the H.264
     * parameter sets changed.
     */
    public static final String REASON_ROTATED = "rotated";

    /** An event clip ended, {@code post.seconds} after its last activity. */
    public static final String REASON_CLIP_ENDED = "clip-ended";

    /** The recorder stopped: its configuration removed or changed, the bundle or Karaf stopping. */
    public static final String REASON_STOPPED = "stopped";

    /** Writing or finishing the file failed: it was closed after its last whole frame; see {@link #ERROR}. */
    public static final String REASON_ERROR = "error";

    /** With {@link #REASON_ERROR} and on {@link #TOPIC_FAILED}: what went wrong, as {@code kapture:recordings} says. */
    public static final String ERROR = "error";

    private RecordingEvents() {
    }
}
