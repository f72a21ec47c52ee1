package io.kapture.engine.internal.session;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.kapture.api.CameraConfiguration;
import io.kapture.api.CaptureSession;
import io.kapture.api.CaptureStats;
import io.kapture.api.FrameFormat;
import io.kapture.api.FrameListener;
import io.kapture.api.FramePool;
import io.kapture.api.SessionState;
import io.kapture.api.spi.CaptureSourceProvider;
import io.kapture.api.spi.ControlInfo;
import io.kapture.api.spi.DeliveryStrategy;
import io.kapture.engine.internal.config.CameraSettings;
import io.kapture.engine.internal.config.InvalidSettingsException;
import io.kapture.engine.internal.config.SettingsParser;
import io.kapture.engine.internal.fanout.Subscription;

/**
 * One configured camera: its state machine, from configuration and the services at hand to a running
 * {@link Stream} and back. Every event (configuration, a service coming or going, start/stop from the shell, a
 * stream failing or stalling, a retry falling due) leads to one decision under one lock: is the camera wanted,
 * and if so can it run now, and if not, why.
 *
 * <p>Threading contract: all methods may be called from any thread. Changes are serialised by a control lock;
 * the getters, {@link #stats()} and the control methods read volatile fields and never wait for it (a control
 * call on a stream being stopped fails with {@link IllegalStateException}, see {@link StreamContext#onSource}).
 * Capture threads never take the lock: they report to the {@link ControlThread} (which also runs retries), whose
 * tasks do. Statistics cover the current stream, or the last one once stopped.
 */
public final class CaptureSessionImpl implements CaptureSession, StreamEvents {

    private static final Logger LOG = LoggerFactory.getLogger(CaptureSessionImpl.class);

    private final Object lock = new Object();
    private final SessionServices services = new SessionServices();
    private final SessionStatus status = new SessionStatus();
    private final ControlThread control = new ControlThread(status::camera);
    private final CurrentStream streams = new CurrentStream();

    private boolean closed;
    private boolean requested;
    private CameraSettings settings;
    /** While {@link #configure} applies a change to a running camera: the settings it ran with, to fall back on. */
    private CameraSettings lastRunning;

    // ---- configuration and life cycle

    /**
     * Applies a configuration. Invalid ones are rejected with {@link #lastError()} saying why and the previous
     * good one kept; an invalid first one leaves the camera {@link SessionState#FAILED}. Never throws.
     */
    public void configure(Map<String, ?> properties) {
        synchronized (lock) {
            if (closed) {
                return;
            }
            CameraSettings next;
            try {
                next = SettingsParser.parse(properties);
            } catch (InvalidSettingsException e) {
                Object device = properties.get(CameraConfiguration.DEVICE);
                status.rejected(e.getMessage(), settings != null, SettingsParser.cameraName(properties),
                        device instanceof String text ? text : "");
                return;
            }
            CameraSettings previous = settings;
            if (switchesRunningCameraToMissingStrategy(previous, next)) {
                status.rejected("camera " + next.name() + ": delivery '" + next.delivery() + "' is not registered;"
                        + " available: " + services.strategyNames() + "; still delivering with '"
                        + previous.delivery() + "'", true, next.name(), next.device());
                return;
            }
            lastRunning = streams.running() != null ? previous : null;
            settings = next;
            status.configured(next);
            if (previous == null || previous.enabled() != next.enabled()) {
                requested = next.enabled();
            }
            if (previous != null) {
                applyChange(previous, next);
            }
            if (requested) {
                reconcile();
            } else {
                stopStream(SessionState.STOPPED);
            }
            lastRunning = null;
        }
    }

    /**
     * A running camera keeps its last good configuration when told to deliver with a strategy nobody registered
     * (most likely a typo); a camera that is not running waits for the strategy instead, which may still arrive.
     */
    private boolean switchesRunningCameraToMissingStrategy(CameraSettings previous, CameraSettings next) {
        return previous != null && streams.running() != null && !next.delivery().equals(previous.delivery())
                && services.strategy(next.delivery()).isEmpty();
    }

    /** Applies what can change while running; stops the stream where it cannot, for reconcile to restart. */
    private void applyChange(CameraSettings previous, CameraSettings next) {
        Stream current = streams.running();
        if (current == null) {
            return;
        }
        if (next.needsRestartFrom(previous)) {
            LOG.info("Camera {}: configuration changed; restarting its stream", next.name());
            stopStream(SessionState.STOPPED);
            return;
        }
        if (!next.delivery().equals(previous.delivery())) {
            // configure() rejected an unregistered strategy for a running camera under this same lock
            current.switchStrategy(services.strategy(next.delivery()).orElseThrow());
            LOG.info("Camera {}: delivery switched from {} to {}", next.name(), previous.delivery(), next.delivery());
        }
        if (next.queueDefaultsDifferFrom(previous)) {
            current.updateQueueDefaults(next.queueCapacity(), next.dropPolicy());
        }
        current.setStallTimeout(next.stallTimeoutMs());
    }

    /** Stops capture for good and ends the control thread. */
    public void close() {
        synchronized (lock) {
            closed = true;
            requested = false;
            stopStream(SessionState.STOPPED);
            control.shutdown();
        }
    }

    @Override
    public void start() {
        synchronized (lock) {
            if (closed || settings == null) {
                return;
            }
            requested = true;
            reconcile();
        }
    }

    @Override
    public void stop() {
        synchronized (lock) {
            requested = false;
            stopStream(SessionState.STOPPED);
        }
    }

    // ---- services coming and going

    public void addProvider(CaptureSourceProvider provider) {
        synchronized (lock) {
            services.addProvider(provider);
            reconcile();
        }
    }

    public void removeProvider(CaptureSourceProvider provider) {
        synchronized (lock) {
            services.removeProvider(provider);
            Stream current = streams.running();
            if (current != null && current.provider() == provider) {
                LOG.info("Camera {}: its capture source went away; stopping", status.camera());
                stopStream(SessionState.WAITING);
            }
            reconcile();
        }
    }

    public void addStrategy(DeliveryStrategy strategy, String name) {
        synchronized (lock) {
            services.addStrategy(new NamedStrategy(name, strategy));
            reconcile();
        }
    }

    public void removeStrategy(DeliveryStrategy strategy) {
        synchronized (lock) {
            services.removeStrategy(strategy);
            Stream current = streams.running();
            if (current != null && current.uses(strategy)) {
                LOG.info("Camera {}: a delivery strategy it uses went away; stopping", status.camera());
                stopStream(SessionState.WAITING);
            }
            reconcile();
        }
    }

    /** Subscribes a listener, or re-subscribes it with changed properties. */
    public void addListener(FrameListener listener, Subscription subscription) {
        synchronized (lock) {
            ListenerEntry entry = new ListenerEntry(listener, subscription);
            services.putListener(entry);
            Stream current = streams.running();
            if (current != null) {
                current.unsubscribe(listener);
                current.subscribe(entry);
            }
        }
    }

    public void removeListener(FrameListener listener) {
        synchronized (lock) {
            services.removeListener(listener);
            Stream current = streams.running();
            if (current != null) {
                current.unsubscribe(listener);
            }
        }
    }

    public void setPool(FramePool pool) {
        synchronized (lock) {
            services.setPool(pool);
        }
    }

    public void unsetPool(FramePool pool) {
        synchronized (lock) {
            services.unsetPool(pool);
        }
    }

    // ---- the decision

    /** Under the lock: starts the stream if the camera is wanted, valid and not running. */
    private void reconcile() {
        if (closed || settings == null || !requested || streams.running() != null) {
            return;
        }
        control.cancelRetry();
        CameraSettings wanted = settings;
        Optional<CaptureSourceProvider> provider = services.providerFor(wanted.device());
        if (provider.isEmpty()) {
            status.waiting("camera " + wanted.name() + ": no capture source handles device '" + wanted.device()
                    + "'; install feature " + SessionStatus.featureFor(wanted.device()));
            return;
        }
        Optional<NamedStrategy> strategy = services.strategy(wanted.delivery());
        if (strategy.isEmpty()) {
            status.waiting("camera " + wanted.name() + ": delivery strategy '" + wanted.delivery()
                    + "' is not available; available: " + services.strategyNames());
            return;
        }
        status.state(SessionState.STARTING);
        try {
            Stream started = Stream.open(wanted, provider.get(), strategy.get(), services.listeners(), this);
            streams.started(started);
            status.running(started.problems());
            LOG.info("Camera {}: capturing {} from '{}' with {} delivery", wanted.name(), started.format(),
                    wanted.device(), wanted.delivery());
        } catch (IllegalArgumentException e) {
            if (!keepPreviousSettings(wanted, e)) {
                failed("camera " + wanted.name() + ": cannot start device '" + wanted.device() + "': "
                        + SessionStatus.describe(e), e);
            }
        } catch (RuntimeException | LinkageError e) {
            failed("camera " + wanted.name() + ": cannot start device '" + wanted.device() + "': "
                    + SessionStatus.describe(e), e);
        } finally {
            if (status.state() == SessionState.STARTING) {
                status.state(SessionState.FAILED);
            }
        }
    }

    /**
     * Under the lock: the device refused a changed configuration with {@link IllegalArgumentException} (a provider
     * option it does not accept, a buffer count it cannot give). If the camera was running before the change,
     * the change is rejected like a malformed value and the camera restarts with the settings it ran with.
     *
     * @return whether the previous settings were restored and started again
     */
    private boolean keepPreviousSettings(CameraSettings refused, IllegalArgumentException why) {
        CameraSettings previous = lastRunning;
        lastRunning = null;
        if (previous == null || refused != settings) {
            return false;
        }
        settings = previous;
        status.configured(previous);
        status.rejected("camera " + refused.name() + ": device '" + refused.device() + "' refused the configuration: "
                + why.getMessage(), true, refused.name(), refused.device());
        reconcile();
        return true;
    }

    /** Under the lock: the camera failed; try again after the retry interval while it stays wanted. */
    private void failed(String why, Throwable cause) {
        status.failed(why, cause, settings.retryIntervalMs());
        control.scheduleRetry(this::retry, settings.retryIntervalMs());
    }

    private void retry() {
        synchronized (lock) {
            if (!closed && status.state() == SessionState.FAILED) {
                reconcile();
            }
        }
    }

    /** Under the lock: stops the running stream, if any, and settles in {@code target}. */
    private void stopStream(SessionState target) {
        control.cancelRetry();
        if (target == SessionState.STOPPED) {
            status.clearProblem();
        }
        Stream current = streams.running();
        if (current == null) {
            if (settings != null) {
                status.state(target);
            }
            return;
        }
        status.state(SessionState.STOPPING);
        streams.take();
        try {
            current.close();
        } finally {
            status.state(target);
        }
    }

    // ---- reports from capture threads

    @Override
    public void streamFailed(Stream failedStream, Throwable cause) {
        onControlThread(() -> {
            if (streams.running() == failedStream) {
                String why = "camera " + status.camera() + ": device '" + status.device()
                        + "' failed while capturing: " + SessionStatus.describe(cause);
                status.problem(why);
                stopStream(SessionState.FAILED);
                failed(why, cause);
            }
        });
    }

    @Override
    public void streamStalled(Stream stalledStream, long millis) {
        onControlThread(() -> {
            if (streams.running() == stalledStream) {
                String stalled = "camera " + status.camera() + ": no frame from device '" + status.device() + "' for "
                        + millis + " ms (stall.timeout.ms = " + settings.stallTimeoutMs() + ")";
                LOG.warn("{}; restarting its stream", stalled);
                stopStream(SessionState.STOPPED);
                reconcile();
                status.stalled(stalled);
            }
        });
    }

    private void onControlThread(Runnable action) {
        control.execute(() -> {
            synchronized (lock) {
                if (!closed) {
                    action.run();
                }
            }
        });
    }

    // ---- the management view

    @Override
    public String camera() {
        return status.camera();
    }

    @Override
    public String device() {
        return status.device();
    }

    @Override
    public SessionState state() {
        return status.state();
    }

    @Override
    public Optional<FrameFormat> format() {
        return streams.format();
    }

    @Override
    public double configuredFps() {
        return status.fps();
    }

    @Override
    public String delivery() {
        return status.delivery();
    }

    @Override
    public Optional<String> lastError() {
        return status.lastError();
    }

    @Override
    public List<String> adjustments() {
        return streams.adjustments();
    }

    @Override
    public CaptureStats stats() {
        return streams.stats(services.poolStats());
    }

    @Override
    public List<ControlInfo> controls() {
        return streams.require(status.camera(), status::state).controls();
    }

    @Override
    public long control(String name) {
        return streams.require(status.camera(), status::state).control(name);
    }

    @Override
    public void control(String name, long value) {
        streams.require(status.camera(), status::state).control(name, value);
    }
}
