package io.kapture.processor.stats.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.kapture.api.Frame;
import io.kapture.api.FrameListener;
import io.kapture.api.FrameSubscription;
import io.kapture.processor.stats.CameraMetrics;
import io.kapture.processor.stats.StreamMetrics;

/**
 * An example processor: subscribes to every camera's frames and publishes each camera's frame rate, inter-frame
 * jitter and sequence gaps as the {@link StreamMetrics} service. It only reads each frame's metadata and keeps
 * no frame, so Kapture recycles frames as soon as {@link #onFrame} returns; with {@code DROP_OLDEST} a slow
 * moment here drops frames for this listener only and never holds up capture.
 *
 * <p>Threading contract: Kapture calls {@link #onFrame} from one delivery thread per camera, so calls for
 * different cameras run concurrently and calls for one camera never do. Each camera therefore gets its own
 * {@link CameraWindow} in a concurrent map, whose lock only a reader of {@link StreamMetrics} ever contends.
 * {@link StreamMetrics} may be called from any thread. The window length is volatile so that a configuration
 * change applies from the next frame on without stopping delivery.
 */
@Component(service = { FrameListener.class, StreamMetrics.class }, configurationPid = StatsProcessor.PID)
@Designate(ocd = Config.class)
@FrameSubscription(camera = FrameListener.ALL_CAMERAS, drop_policy = "DROP_OLDEST", queue_capacity = 16,
        listener_name = "stats")
public final class StatsProcessor implements FrameListener, StreamMetrics {

    /** The configuration PID. */
    static final String PID = "io.kapture.processor.stats";

    private static final Logger LOG = LoggerFactory.getLogger(StatsProcessor.class);

    private final ConcurrentMap<String, CameraWindow> windows = new ConcurrentHashMap<>();
    private final LongSupplier nanoClock;
    private volatile long windowNanos;

    @Activate
    public StatsProcessor(Config config) {
        this(config, System::nanoTime);
    }

    /** For tests: {@code nanoClock} stands in for {@link System#nanoTime()}, the clock of received times. */
    StatsProcessor(Config config, LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
        modified(config);
    }

    @Modified
    void modified(Config config) {
        int seconds = config.window_seconds();
        if (seconds < Config.MIN_WINDOW_SECONDS || seconds > Config.MAX_WINDOW_SECONDS) {
            throw new IllegalArgumentException("window.seconds of " + PID + " must be between "
                    + Config.MIN_WINDOW_SECONDS + " and " + Config.MAX_WINDOW_SECONDS + ", was " + seconds);
        }
        windowNanos = TimeUnit.SECONDS.toNanos(seconds);
        LOG.info("Stream statistics over a window of {} s", seconds);
    }

    @Deactivate
    void deactivate() {
        windows.clear();
    }

    /** Cheap and allocation-free once a camera's window has grown: a map lookup and a few counters. */
    @Override
    public void onFrame(Frame frame) {
        CameraWindow window = windows.get(frame.camera());
        if (window == null) {
            window = windows.computeIfAbsent(frame.camera(), CameraWindow::new);
        }
        window.add(frame.sequence(), frame.timestampNanos(), frame.receivedNanos(), windowNanos);
    }

    @Override
    public List<CameraMetrics> cameras() {
        long now = nanoClock.getAsLong();
        long window = windowNanos;
        return windows.values().stream()
                .map(cameraWindow -> cameraWindow.snapshot(now, window))
                .sorted(Comparator.comparing(CameraMetrics::camera))
                .toList();
    }

    @Override
    public Optional<CameraMetrics> camera(String name) {
        return Optional.ofNullable(windows.get(name))
                .map(cameraWindow -> cameraWindow.snapshot(nanoClock.getAsLong(), windowNanos));
    }
}
