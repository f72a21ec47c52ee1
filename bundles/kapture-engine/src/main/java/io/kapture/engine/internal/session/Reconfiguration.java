package io.kapture.engine.internal.session;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.kapture.api.CameraConfiguration;
import io.kapture.api.SessionState;
import io.kapture.engine.internal.config.CameraSettings;
import io.kapture.engine.internal.config.InvalidSettingsException;
import io.kapture.engine.internal.config.SettingsParser;

/**
 * Applies a camera configuration and rolls it back: a malformed one is refused with {@code lastError()} saying
 * why and the previous good one kept (an invalid first one leaves the camera {@link SessionState#FAILED}); what
 * can change while the camera runs changes in place (delivery strategy, queue defaults, stall timeout), anything
 * else restarts the stream; and a change the device itself refuses when the stream restarts (a provider option
 * it does not accept, a buffer count it cannot give) is rolled back to the settings the camera ran with.
 *
 * <p>Threading contract: confined to the session's {@link ControlThread}, like the {@link CameraLifecycle} it
 * drives.
 */
final class Reconfiguration implements CameraLifecycle.Rollback {

    private static final Logger LOG = LoggerFactory.getLogger(CaptureSessionImpl.class);

    private final CameraLifecycle lifecycle;
    private final SessionServices services;
    private final SessionStatus status;
    private final CurrentStream streams;
    /** While {@link #apply} changes a running camera: the settings it ran with, to fall back on. */
    private CameraSettings lastRunning;

    Reconfiguration(CameraLifecycle lifecycle, SessionServices services, SessionStatus status,
            CurrentStream streams) {
        this.lifecycle = lifecycle;
        this.services = services;
        this.status = status;
        this.streams = streams;
        lifecycle.rollback(this);
    }

    /** Applies a configuration; never throws. */
    void apply(Map<String, ?> properties) {
        if (lifecycle.isClosed()) {
            return;
        }
        CameraSettings next;
        try {
            next = SettingsParser.parse(properties);
        } catch (InvalidSettingsException e) {
            Object device = properties.get(CameraConfiguration.DEVICE);
            status.rejected(e.getMessage(), lifecycle.settings() != null, SettingsParser.cameraName(properties),
                    device instanceof String text ? text : "");
            return;
        }
        CameraSettings previous = lifecycle.settings();
        if (switchesRunningCameraToMissingStrategy(previous, next)) {
            status.rejected("camera " + next.name() + ": delivery '" + next.delivery() + "' is not registered;"
                    + " available: " + services.strategyNames() + "; still delivering with '"
                    + previous.delivery() + "'", true, next.name(), next.device());
            return;
        }
        lastRunning = streams.running() != null ? previous : null;
        lifecycle.settings(next);
        if (previous != null) {
            applyToRunningStream(previous, next);
        }
        lifecycle.settle();
        lastRunning = null;
    }

    /**
     * A running camera keeps its last good configuration when told to deliver with a strategy nobody registered
     * (most likely a typo); a camera that is not running waits for the strategy instead, which may still arrive.
     */
    private boolean switchesRunningCameraToMissingStrategy(CameraSettings previous, CameraSettings next) {
        return previous != null && streams.running() != null && !next.delivery().equals(previous.delivery())
                && services.strategy(next.delivery()).isEmpty();
    }

    /** Applies what can change while running; stops the stream where it cannot, for the lifecycle to restart. */
    private void applyToRunningStream(CameraSettings previous, CameraSettings next) {
        Stream current = streams.running();
        if (current == null) {
            return;
        }
        if (next.needsRestartFrom(previous)) {
            LOG.info("Camera {}: configuration changed; restarting its stream", next.name());
            lifecycle.stopStream(SessionState.STOPPED);
            return;
        }
        if (!next.delivery().equals(previous.delivery())) {
            // apply() refused an unregistered strategy for a running camera on this same thread
            current.switchStrategy(services.strategy(next.delivery()).orElseThrow());
            LOG.info("Camera {}: delivery switched from {} to {}", next.name(), previous.delivery(), next.delivery());
        }
        if (next.queueDefaultsDifferFrom(previous)) {
            current.updateQueueDefaults(next.queueCapacity(), next.dropPolicy());
        }
        current.setStallTimeout(next.stallTimeoutMs());
        current.setListenerGrace(next.listenerGraceMs());
    }

    /**
     * The device refused {@code refused} with {@link IllegalArgumentException}. If the camera was running before
     * this change, the change is rejected like a malformed value and the settings it ran with come back, for the
     * lifecycle to start again.
     */
    @Override
    public boolean restore(CameraSettings refused, IllegalArgumentException why) {
        CameraSettings previous = lastRunning;
        lastRunning = null;
        if (previous == null || refused != lifecycle.settings()) {
            return false;
        }
        lifecycle.settings(previous);
        status.rejected("camera " + refused.name() + ": device '" + refused.device() + "' refused the configuration: "
                + why.getMessage(), true, refused.name(), refused.device());
        return true;
    }
}
