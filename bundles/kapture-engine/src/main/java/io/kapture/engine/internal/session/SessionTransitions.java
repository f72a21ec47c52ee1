package io.kapture.engine.internal.session;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import io.kapture.api.SessionState;

/**
 * The legal changes of a camera's {@link SessionState}, as one table (libcamera's camera state machine checks
 * each operation against the states it allows the same way). Staying in a state is legal where the session
 * repeats a decision (a retry that fails again, a stop of a stopped camera).
 *
 * <pre>
 * CONFIGURED → STARTING | WAITING | STOPPED | FAILED (an invalid first configuration)
 * WAITING    → STARTING | WAITING | STOPPED
 * STARTING   → RUNNING  | FAILED
 * RUNNING    → STOPPING
 * STOPPING   → STOPPED  | WAITING (a service it used went away) | FAILED (the device failed)
 * STOPPED    → STARTING | WAITING | STOPPED
 * FAILED     → STARTING | WAITING | STOPPED | FAILED
 * </pre>
 *
 * <p>Stateless; safe from any thread.
 */
final class SessionTransitions {

    private static final Map<SessionState, Set<SessionState>> ALLOWED = new EnumMap<>(SessionState.class);

    static {
        allow(SessionState.CONFIGURED, SessionState.STARTING, SessionState.WAITING, SessionState.STOPPED,
                SessionState.FAILED);
        allow(SessionState.WAITING, SessionState.STARTING, SessionState.WAITING, SessionState.STOPPED);
        allow(SessionState.STARTING, SessionState.RUNNING, SessionState.FAILED);
        allow(SessionState.RUNNING, SessionState.STOPPING);
        allow(SessionState.STOPPING, SessionState.STOPPED, SessionState.WAITING, SessionState.FAILED);
        allow(SessionState.STOPPED, SessionState.STARTING, SessionState.WAITING, SessionState.STOPPED);
        allow(SessionState.FAILED, SessionState.STARTING, SessionState.WAITING, SessionState.STOPPED,
                SessionState.FAILED);
    }

    private SessionTransitions() {
    }

    private static void allow(SessionState from, SessionState first, SessionState... rest) {
        ALLOWED.put(from, EnumSet.of(first, rest));
    }

    static boolean isAllowed(SessionState from, SessionState to) {
        return ALLOWED.get(from).contains(to);
    }

    /** @throws IllegalStateException naming the camera and both states if {@code from → to} is not allowed */
    static void check(String camera, SessionState from, SessionState to) {
        if (!isAllowed(from, to)) {
            throw new IllegalStateException("camera " + camera + ": illegal state change " + from + " -> " + to
                    + "; allowed from " + from + ": " + ALLOWED.get(from));
        }
    }
}
