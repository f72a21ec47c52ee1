package io.kapture.shell.internal;

import io.kapture.api.CaptureSession;
import io.kapture.api.SessionState;

/**
 * Why a camera that does not run delivers no frames, and what, if anything, the user can do about it. A camera
 * whose device is missing (unplugged, its driver unbound) is already being watched for and restarts by itself
 * when the device returns, so telling the user to start it would send them the wrong way.
 *
 * <p>Threading contract: stateless; safe from any thread.
 */
public final class NotDelivering {

    private NotDelivering() {
    }

    /** One line for a camera that is neither running nor starting. */
    public static String explain(CaptureSession session, Devices devices) {
        String camera = session.camera();
        SessionState state = session.state();
        String lastError = session.lastError().map(error -> " (last error: " + error + ")").orElse("");
        if (state == SessionState.STOPPED || state == SessionState.CONFIGURED) {
            return "Camera " + camera + " is " + state + ", so it delivers no frames; start it with kapture:start "
                    + camera;
        }
        if (state == SessionState.FAILED && !devices.present(session.device())) {
            return "Camera " + camera + " delivers no frames: its device " + session.device() + " is missing "
                    + "(unplugged, or its driver unbound). Kapture watches for the device and restarts the camera "
                    + "when it returns; kapture:start cannot help until then" + lastError;
        }
        return "Camera " + camera + " is " + state + ", so it delivers no frames" + lastError;
    }
}
