package io.kapture.engine.internal.session;

import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.kapture.api.CaptureException;
import io.kapture.api.SessionState;
import io.kapture.engine.internal.config.CameraSettings;

/**
 * What a session shows of itself through {@link io.kapture.api.CaptureSession}: the camera's identity, its
 * state and its last problem; and the one place that words and logs problems, each distinct one once, so that a
 * retry every two seconds does not repeat the same warning forever.
 *
 * <p>Every change of state passes {@link SessionTransitions}: a change the table does not allow is a bug in the
 * session and throws, so that a test catches it instead of a camera silently showing a state it cannot be in.
 *
 * <p>Threading contract: written by the session's control thread only (but for {@link #named}, before the first
 * configuration is applied), read from any thread (volatile fields). A problem is always written before the state it explains, so a reader that sees
 * {@link SessionState#FAILED} or {@link SessionState#WAITING} also sees why. The static wording helpers are
 * stateless.
 */
final class SessionStatus {

    private static final Logger LOG = LoggerFactory.getLogger(CaptureSessionImpl.class);

    private volatile String camera = "";
    private volatile String device = "";
    private volatile String delivery = "";
    private volatile double fps;
    private volatile SessionState state = SessionState.CONFIGURED;
    private volatile String configError;
    private volatile String problem;
    private String lastLogged;

    /**
     * The camera's name and device as the first configuration gives them, before the control thread has applied
     * it: the session is registered as a service at once, and whoever binds it must see whose it is. Only a status
     * that has no name yet takes them (from the thread that configures); the control thread's
     * {@link #configured} or {@link #rejected} then confirms or corrects them.
     */
    void named(String name, String configuredDevice) {
        if (camera.isEmpty()) {
            camera = name;
            device = configuredDevice;
        }
    }

    /** A configuration was accepted. */
    void configured(CameraSettings settings) {
        camera = settings.name();
        device = settings.device();
        delivery = settings.delivery();
        fps = settings.fps();
        configError = null;
    }

    /** A configuration was rejected; with no previous one to keep the camera fails, under the name it could read. */
    void rejected(String why, boolean keepingPrevious, String name, String configuredDevice) {
        configError = why;
        if (keepingPrevious) {
            LOG.warn("{}; keeping the previous configuration", why);
        } else {
            camera = name;
            device = configuredDevice;
            state(SessionState.FAILED);
            LOG.warn("{}; the camera does not start until its configuration is fixed", why);
        }
    }

    /** @throws IllegalStateException if the current state may not change to {@code next} (a bug) */
    void state(SessionState next) {
        SessionTransitions.check(camera, state, next);
        state = next;
    }

    /** Running; {@code problems} are what did not stop it (controls not applied). */
    void running(List<String> problems) {
        problem = problems.isEmpty() ? null : String.join("; ", problems);
        lastLogged = null;
        state(SessionState.RUNNING);
    }

    /**
     * Waiting for a service; logged once per distinct reason, as information: in a dynamic system a provider
     * may simply start after the engine, or stop before it at shutdown.
     */
    void waiting(String why) {
        problem = why;
        state(SessionState.WAITING);
        if (!why.equals(lastLogged)) {
            lastLogged = why;
            LOG.info("{}; waiting", why);
        }
    }

    /** Failed, to be retried; logged once per distinct reason, with the stack trace where it is not a device error. */
    void failed(String why, Throwable cause, long retryMillis) {
        problem = why;
        state(SessionState.FAILED);
        if (why.equals(lastLogged)) {
            LOG.debug("{}; retrying", why);
        } else if (cause instanceof CaptureException) {
            lastLogged = why;
            LOG.warn("{}; retrying every {} ms", why, retryMillis);
        } else {
            lastLogged = why;
            LOG.warn("{}; retrying every {} ms", why, retryMillis, cause);
        }
    }

    /** Sets the problem ahead of the state change that will follow. */
    void problem(String why) {
        problem = why;
    }

    /**
     * The stall watchdog stopped the stream and {@link #running}, {@link #waiting} or {@link #failed} has said how
     * the restart went;
     * the stall leads the message, so that a restart that worked does not hide that frames stopped coming.
     */
    void stalled(String what) {
        String after = problem;
        if (state == SessionState.RUNNING) {
            problem = what + "; the watchdog stopped the stream and restarted it"
                    + (after == null ? "" : "; " + after);
        } else {
            problem = what + "; the watchdog stopped the stream and could not restart it"
                    + (after == null ? "" : ": " + after);
        }
    }

    /** Stopped on purpose: nothing is wrong any more. */
    void clearProblem() {
        problem = null;
        lastLogged = null;
    }

    String camera() {
        return camera;
    }

    String device() {
        return device;
    }

    String delivery() {
        return delivery;
    }

    double fps() {
        return fps;
    }

    SessionState state() {
        return state;
    }

    /** The rejected configuration's reason and the runtime problem, whichever there are. */
    Optional<String> lastError() {
        String config = configError;
        String runtime = problem;
        if (config != null && runtime != null) {
            return Optional.of(config + "; " + runtime);
        }
        return Optional.ofNullable(config != null ? config : runtime);
    }

    /** The feature that provides a capture source for {@code device}, for the waiting message. */
    static String featureFor(String device) {
        if (device.startsWith("/dev/")) {
            return "kapture-v4l2";
        }
        if (device.startsWith("synthetic")) {
            return "kapture-synthetic";
        }
        return "one whose capture source provider handles it";
    }

    /** A failure in words: a device error's own message; anything else also says its kind. */
    static String describe(Throwable e) {
        if (e.getMessage() == null) {
            return e.getClass().getName();
        }
        return e instanceof CaptureException ? e.getMessage() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
