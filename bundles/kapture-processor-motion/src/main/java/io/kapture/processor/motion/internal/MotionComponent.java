package io.kapture.processor.motion.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.kapture.api.Frame;
import io.kapture.api.FrameFormat;
import io.kapture.api.listener.ListenerRegistrar;
import io.kapture.processor.motion.MotionActivity;
import io.kapture.processor.motion.MotionEvents;

/**
 * One motion detector per factory configuration: subscribes to its camera's frames (queue of two, oldest dropped,
 * so a slow analysis never holds the camera back), runs {@link MotionDetector} and {@link MotionTracker} on them
 * and posts {@link MotionEvents#TOPIC_START} and {@link MotionEvents#TOPIC_END} through EventAdmin. Frames the
 * detector refuses (H.264, undecodable MJPEG, a short buffer) are counted, logged once per format, and skipped. A
 * configuration change restarts the component; stopping it while motion is in progress posts the END, so START
 * and END always alternate. Every START and END is also counted ({@link MotionCounts}) for
 * {@link MotionStatisticsService}, which lists the component: it is immediate, and offers a service only for that.
 *
 * <p>Threading contract: frames arrive on the engine's delivery thread for this listener, one at a time; the
 * detector state is guarded by one lock that only deactivation contends for. Events are posted asynchronously, so
 * no handler runs on the delivery thread. No frame is kept beyond {@link #onFrame}. {@link #activity} may be called
 * from any thread: it reads the counts under their own monitor, never the detector's lock.
 */
@Component(service = MotionComponent.class, immediate = true, configurationPid = DetectorSettings.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = Config.class, factory = true)
public final class MotionComponent {

    private static final Logger LOG = LoggerFactory.getLogger(MotionComponent.class);
    private static final int QUEUE_CAPACITY = 2;
    private static final String CORRUPTED = "the driver flagged the frame corrupted (V4L2_BUF_FLAG_ERROR)";

    private final DetectorSettings settings;
    private final EventAdmin events;
    private final Object lock = new Object();
    private final MotionDetector detector;
    private final MotionTracker tracker;
    private final Measurement measurement = new Measurement();
    private final MotionCounts counts = new MotionCounts();
    private final ListenerRegistrar.Registration registration;

    private boolean closed;
    private FrameFormat refusedFormat;
    private long lastSequence = -1;

    @Activate
    public MotionComponent(BundleContext context, @Reference EventAdmin events, Config config) {
        this(ListenerRegistrar.of(context), events, DetectorSettings.from(config));
    }

    MotionComponent(ListenerRegistrar registrar, EventAdmin events, DetectorSettings settings) {
        this.settings = settings;
        this.events = events;
        this.detector = new MotionDetector(settings);
        this.tracker = new MotionTracker(settings.minAreaFraction(), settings.quietNanos());
        this.registration = registrar.register(this::onFrame, ListenerRegistrar.subscription(settings.camera(),
                "motion:" + settings.camera(), QUEUE_CAPACITY));
        LOG.info("Watching camera {} for motion: threshold {}, minimum area {}%, region {}, cells of {} px",
                settings.camera(), settings.threshold(), settings.minAreaFraction() * 100, settings.region(),
                settings.cellSize());
    }

    @Deactivate
    void deactivate() {
        registration.close();
        synchronized (lock) {
            closed = true;
            if (tracker.forceEnd()) {
                events.postEvent(end(System.currentTimeMillis(), lastSequence));
            }
        }
    }

    /** What this detector has seen since it started. */
    MotionActivity activity() {
        return counts.snapshot(settings.camera());
    }

    void onFrame(Frame frame) {
        synchronized (lock) {
            if (closed) {
                return;
            }
            if (frame.isCorrupted()) {
                // garbage against the background would read as motion, and would be learnt into it
                counts.skipped(CORRUPTED);
                return;
            }
            boolean analysed;
            try {
                analysed = detector.analyse(frame.data(), frame.format(), measurement);
            } catch (IllegalArgumentException e) {
                counts.skipped(e.getMessage());
                if (!frame.format().equals(refusedFormat)) {
                    refusedFormat = frame.format();
                    LOG.warn("Motion detection on camera {} skips its {} frames: {}", settings.camera(),
                            frame.format(), e.getMessage());
                }
                return;
            }
            lastSequence = frame.sequence();
            if (!analysed) {
                return;
            }
            switch (tracker.update(measurement, frame.timestampNanos())) {
                case STARTED -> events.postEvent(start(frame));
                case ENDED -> events.postEvent(end(frame.wallClockMillis(), frame.sequence()));
                case NONE -> {
                    // Nothing to tell: still moving, or still quiet.
                }
            }
        }
    }

    private Event start(Frame frame) {
        Map<String, Object> properties = common(frame.wallClockMillis(), frame.sequence());
        box(properties, measurement.x, measurement.y, measurement.width, measurement.height);
        properties.put(MotionEvents.SCORE, measurement.score());
        counts.started(frame.wallClockMillis());
        LOG.debug("Motion started on camera {} at frame {}: score {}", settings.camera(), frame.sequence(),
                measurement.score());
        return new Event(MotionEvents.TOPIC_START, properties);
    }

    private Event end(long wallClockMillis, long sequence) {
        Map<String, Object> properties = common(wallClockMillis, sequence);
        box(properties, tracker.left(), tracker.top(), tracker.width(), tracker.height());
        properties.put(MotionEvents.SCORE, tracker.peakScore());
        long durationMillis = TimeUnit.NANOSECONDS.toMillis(tracker.durationNanos());
        properties.put(MotionEvents.DURATION_MILLIS, durationMillis);
        counts.ended(durationMillis);
        LOG.debug("Motion ended on camera {} at frame {}", settings.camera(), sequence);
        return new Event(MotionEvents.TOPIC_END, properties);
    }

    private Map<String, Object> common(long wallClockMillis, long sequence) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(MotionEvents.CAMERA, settings.camera());
        properties.put(MotionEvents.TIME, wallClockMillis);
        properties.put(MotionEvents.SEQUENCE, sequence);
        return properties;
    }

    private static void box(Map<String, Object> properties, int x, int y, int width, int height) {
        properties.put(MotionEvents.BBOX_X, x);
        properties.put(MotionEvents.BBOX_Y, y);
        properties.put(MotionEvents.BBOX_WIDTH, width);
        properties.put(MotionEvents.BBOX_HEIGHT, height);
    }
}
