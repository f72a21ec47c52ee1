package io.kapture.engine.internal.session;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
import io.kapture.engine.internal.config.SettingsParser;
import io.kapture.engine.internal.fanout.Subscription;

/**
 * One configured camera, as an actor: every change — a configuration, a service or listener coming or going,
 * start and stop, a stream failing or stalling, a retry falling due — is queued to the camera's
 * {@link ControlThread} and decided there by its {@link CameraLifecycle} and {@link Reconfiguration}, one at a
 * time. The threads that report changes never wait for device I/O or for listeners: a stuck listener or a slow
 * device costs its own camera's control thread, never SCR's threads and so never another bundle.
 *
 * <p>Threading contract: every method may be called from any thread. The SCR-facing methods ({@link #configure},
 * {@link #close}, the service and listener methods) queue their work and return at once; a listener that goes
 * away stops receiving frames at once ({@link Stream#stopDelivering}), before its queue and thread are wound
 * down on the control thread. {@link #start} and {@link #stop} wait until their change is done, except when
 * called from this camera's own control, capture or delivery threads, which must not wait for themselves. The
 * getters, {@link #stats()} and the control methods read volatile state and never wait (a control call on a
 * stream being stopped fails with {@link IllegalStateException}, see {@link StreamContext#onSource}).
 * Statistics cover the current stream, or the last one once stopped.
 */
public final class CaptureSessionImpl implements CaptureSession, StreamEvents {

    private final SessionServices services = new SessionServices();
    private final SessionStatus status = new SessionStatus();
    private final ControlThread control = new ControlThread(status::camera);
    private final CurrentStream streams = new CurrentStream();
    private final CameraLifecycle lifecycle = new CameraLifecycle(services, status, control, streams, this);
    private final Reconfiguration reconfiguration = new Reconfiguration(lifecycle, services, status, streams);

    // ---- configuration and life cycle

    /** Applies a configuration; see {@link Reconfiguration}. Returns at once; never throws. */
    public void configure(Map<String, ?> properties) {
        configure(properties, () -> { });
    }

    /**
     * As {@link #configure(Map)}, then runs {@code decided} on the control thread once the configuration is applied
     * or refused (the camera component publishes its service properties then). Returns at once.
     */
    public void configure(Map<String, ?> properties, Runnable decided) {
        Map<String, Object> copy = new HashMap<>(properties);
        Object device = copy.get(CameraConfiguration.DEVICE);
        status.named(SettingsParser.cameraName(copy), device instanceof String text ? text.trim() : "");
        control.execute(() -> {
            try {
                reconfiguration.apply(copy);
            } finally {
                decided.run();
            }
        });
    }

    /** Stops capture for good and ends the control thread once it has done so. Returns at once. */
    public void close() {
        control.execute(lifecycle::close);
        control.shutdown();
    }

    /**
     * Waits until what {@link #close} queued is done: the stream closed, the control thread ended; for callers
     * that must know (tests, benchmarks). True if it finished within {@code millis}.
     */
    public boolean awaitClosed(long millis) {
        try {
            return control.awaitTermination(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Waits until every change queued before this call has been decided; for callers that must know (tests). */
    public void awaitSettled() {
        control.runAndWait(() -> { });
    }

    @Override
    public void start() {
        onControlThread(lifecycle::start);
    }

    @Override
    public void stop() {
        onControlThread(lifecycle::stop);
    }

    /** Runs {@code change} on the control thread, waiting for it unless this camera's own threads ask. */
    private void onControlThread(Runnable change) {
        Stream current = streams.running();
        if (current != null && current.runsOn(Thread.currentThread())) {
            control.execute(change);
        } else {
            control.runAndWait(change);
        }
    }

    /**
     * The camera's device came back (a provider saw it appear): a failed camera tries it now, on the control
     * thread, rather than when its retry timer falls due; the timer stays the fallback. Returns at once.
     */
    public void retryNow() {
        control.execute(lifecycle::retry);
    }

    // ---- services coming and going (SCR's threads: queue and return)

    public void addProvider(CaptureSourceProvider provider) {
        control.execute(() -> {
            services.addProvider(provider);
            lifecycle.reconcile();
        });
    }

    public void removeProvider(CaptureSourceProvider provider) {
        control.execute(() -> {
            services.removeProvider(provider);
            lifecycle.providerRemoved(provider);
        });
    }

    public void addStrategy(DeliveryStrategy strategy, String name) {
        control.execute(() -> {
            services.addStrategy(new NamedStrategy(name, strategy));
            lifecycle.reconcile();
        });
    }

    public void removeStrategy(DeliveryStrategy strategy) {
        control.execute(() -> {
            services.removeStrategy(strategy);
            lifecycle.strategyRemoved(strategy);
        });
    }

    /** Subscribes a listener, or re-subscribes it with changed properties. */
    public void addListener(FrameListener listener, Subscription subscription) {
        ListenerEntry entry = new ListenerEntry(listener, subscription);
        control.execute(() -> {
            services.putListener(entry);
            lifecycle.subscribe(entry);
        });
    }

    /**
     * Unsubscribes a listener: it gets no frame after the one it may be handling now, from the moment this
     * returns; its queue and thread are wound down on the control thread.
     */
    public void removeListener(FrameListener listener) {
        Stream current = streams.running();
        if (current != null) {
            current.stopDelivering(listener);
        }
        control.execute(() -> {
            services.removeListener(listener);
            lifecycle.unsubscribe(listener);
        });
    }

    /** The pool only feeds the statistics: bound and unbound at once, without queueing. */
    public void setPool(FramePool pool) {
        services.setPool(pool);
    }

    public void unsetPool(FramePool pool) {
        services.unsetPool(pool);
    }

    // ---- reports from capture threads

    @Override
    public void streamFailed(Stream failedStream, Throwable cause) {
        control.execute(() -> lifecycle.streamFailed(failedStream, cause));
    }

    @Override
    public void streamStalled(Stream stalledStream, long millis) {
        control.execute(() -> lifecycle.streamStalled(stalledStream, millis));
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
    public String effectiveDelivery() {
        Stream current = streams.running();
        return current == null ? status.delivery() : current.delivery().effective().name();
    }

    @Override
    public Optional<String> deliveryFallback() {
        Stream current = streams.running();
        return current == null ? Optional.empty() : current.delivery().fallback();
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
