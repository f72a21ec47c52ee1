package io.kapture.engine.internal.session;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.kapture.api.SessionState;
import io.kapture.api.spi.CaptureSourceProvider;
import io.kapture.api.spi.DeliveryStrategy;
import io.kapture.api.FrameListener;
import io.kapture.engine.internal.config.CameraSettings;

/**
 * A camera's state machine: from its settings and the services at hand to a running {@link Stream} and back.
 * Every event leads to one decision: is the camera wanted, and if so can it run now, and if not, why. States
 * change only as {@link SessionTransitions} allows.
 *
 * <p>Threading contract: confined to the session's {@link ControlThread}: every method runs there, one at a time,
 * so the fields need no lock. Opening and closing devices, and waiting for listeners to finish, happen here and
 * nowhere else.
 */
final class CameraLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(CaptureSessionImpl.class);

    /** What a device's refusal of a changed configuration does: true if the previous settings were restored. */
    interface Rollback {
        boolean restore(CameraSettings refused, IllegalArgumentException why);
    }

    private final SessionServices services;
    private final SessionStatus status;
    private final ControlThread control;
    private final CurrentStream streams;
    private final StreamEvents events;
    private Rollback rollback = (refused, why) -> false;

    private boolean closed;
    private boolean requested;
    /** The running stream's inline watchdog while it has an inline listener; null otherwise. */
    private InlineWatchdog watchdog;
    private CameraSettings settings;

    CameraLifecycle(SessionServices services, SessionStatus status, ControlThread control, CurrentStream streams,
            StreamEvents events) {
        this.services = services;
        this.status = status;
        this.control = control;
        this.streams = streams;
        this.events = events;
    }

    void rollback(Rollback handler) {
        this.rollback = handler;
    }

    boolean isClosed() {
        return closed;
    }

    CameraSettings settings() {
        return settings;
    }

    /** Takes {@code next} as the camera's settings; whether it is wanted follows {@code enabled} when that changed. */
    void settings(CameraSettings next) {
        CameraSettings previous = settings;
        settings = next;
        status.configured(next);
        if (previous == null || previous.enabled() != next.enabled()) {
            requested = next.enabled();
        }
    }

    /** Starts the stream if the camera is wanted, otherwise stops it. */
    void settle() {
        if (requested) {
            reconcile();
        } else {
            stopStream(SessionState.STOPPED);
        }
    }

    void start() {
        if (closed || settings == null) {
            return;
        }
        requested = true;
        reconcile();
    }

    void stop() {
        requested = false;
        stopStream(SessionState.STOPPED);
    }

    /** Stops capture for good. */
    void close() {
        closed = true;
        requested = false;
        stopStream(SessionState.STOPPED);
    }

    void providerRemoved(CaptureSourceProvider provider) {
        Stream current = streams.running();
        if (current != null && current.provider() == provider) {
            LOG.info("Camera {}: its capture source went away; stopping", status.camera());
            stopStream(SessionState.WAITING);
        }
        reconcile();
    }

    void strategyRemoved(DeliveryStrategy strategy) {
        Stream current = streams.running();
        if (current != null && current.uses(strategy)) {
            LOG.info("Camera {}: a delivery strategy it uses went away; stopping", status.camera());
            stopStream(SessionState.WAITING);
        }
        reconcile();
    }

    /** Subscribes the listener of {@code entry} to the running stream, replacing an older subscription of it. */
    void subscribe(ListenerEntry entry) {
        Stream current = streams.running();
        if (current != null) {
            current.unsubscribe(entry.listener());
            current.subscribe(entry);
            watchInline();
        }
    }

    void unsubscribe(FrameListener listener) {
        Stream current = streams.running();
        if (current != null) {
            current.unsubscribe(listener);
            watchInline();
        }
    }

    /**
     * Arms the watchdog of the running stream's inline listener ({@link Stream#watchInline}) while it has one, and
     * disarms it when it has none: a periodic wake-up costs CPU, so only then.
     */
    private void watchInline() {
        Stream current = streams.running();
        if (current != null && current.hasInlineListener()) {
            if (watchdog == null || !watchdog.watches(current)) {
                stopWatchdog();
                watchdog = InlineWatchdog.start(current, status.camera(), () -> control.execute(this::watchTick));
            }
        } else {
            stopWatchdog();
        }
    }

    /** What the watchdog queues when a call is overdue or the inline listener is gone. */
    private void watchTick() {
        Stream current = streams.running();
        if (current == null || !current.watchInline()) {
            stopWatchdog();
        }
    }

    private void stopWatchdog() {
        if (watchdog != null) {
            watchdog.stop();
            watchdog = null;
        }
    }

    /** Starts the stream if the camera is wanted, valid and not running. */
    void reconcile() {
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
        boolean restored = false;
        status.state(SessionState.STARTING);
        try {
            Stream started = StreamOpening.open(wanted, provider.get(), strategy.get(), services::strategy,
                    services.listeners(), events);
            streams.started(started);
            status.running(started.problems());
            watchInline();
            LOG.info("Camera {}: capturing {} from '{}' with {} delivery", wanted.name(), started.format(),
                    wanted.device(), started.delivery().effective().name());
        } catch (IllegalArgumentException e) {
            restored = rollback.restore(wanted, e);
            if (!restored) {
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
        if (restored) {
            reconcile();
        }
    }

    /** The camera failed; try again after the retry interval while it stays wanted. */
    private void failed(String why, Throwable cause) {
        status.failed(why, cause, settings.retryIntervalMs());
        control.scheduleRetry(this::retry, settings.retryIntervalMs());
    }

    /** A failed camera tries again now; one in any other state is left as it is. */
    void retry() {
        if (!closed && status.state() == SessionState.FAILED) {
            reconcile();
        }
    }

    /** Stops the running stream, if any, and settles in {@code target}. */
    void stopStream(SessionState target) {
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
        stopWatchdog();
        streams.take();
        try {
            current.close();
        } finally {
            status.state(target);
        }
    }

    /** The capture thread of {@code failedStream} ended with {@code cause}. */
    void streamFailed(Stream failedStream, Throwable cause) {
        if (closed || streams.running() != failedStream) {
            return;
        }
        String why = "camera " + status.camera() + ": device '" + status.device() + "' failed while capturing: "
                + SessionStatus.describe(cause);
        status.problem(why);
        stopStream(SessionState.FAILED);
        failed(why, cause);
    }

    /** No frame came from {@code stalledStream} for {@code millis}: restart it. */
    void streamStalled(Stream stalledStream, long millis) {
        if (closed || streams.running() != stalledStream) {
            return;
        }
        String stalled = "camera " + status.camera() + ": no frame from device '" + status.device() + "' for "
                + millis + " ms (stall.timeout.ms = " + settings.stallTimeoutMs() + ")";
        LOG.warn("{}; restarting its stream", stalled);
        stopStream(SessionState.STOPPED);
        reconcile();
        status.stalled(stalled);
    }
}
