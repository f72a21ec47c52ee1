package io.kapture.engine.internal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.kapture.api.SessionState;

/** The state table: what it allows, and that a change it does not allow throws instead of happening. */
class SessionTransitionsTest {

    @Test
    void theLifeOfACameraIsAllowed() {
        SessionState[] life = {SessionState.CONFIGURED, SessionState.STARTING, SessionState.RUNNING,
                SessionState.STOPPING, SessionState.FAILED, SessionState.STARTING, SessionState.RUNNING,
                SessionState.STOPPING, SessionState.WAITING, SessionState.STARTING, SessionState.RUNNING,
                SessionState.STOPPING, SessionState.STOPPED};
        for (int i = 1; i < life.length; i++) {
            assertTrue(SessionTransitions.isAllowed(life[i - 1], life[i]), life[i - 1] + " -> " + life[i]);
        }
    }

    @Test
    void aRunningCameraOnlyEverStops() {
        for (SessionState next : SessionState.values()) {
            assertEquals(next == SessionState.STOPPING, SessionTransitions.isAllowed(SessionState.RUNNING, next),
                    "RUNNING -> " + next);
        }
    }

    @Test
    void nothingButAStartReachesRunningAndAStartNeverRepeatsItself() {
        for (SessionState from : SessionState.values()) {
            assertEquals(from == SessionState.STARTING, SessionTransitions.isAllowed(from, SessionState.RUNNING),
                    from + " -> RUNNING");
        }
        assertFalse(SessionTransitions.isAllowed(SessionState.STARTING, SessionState.STARTING));
        assertFalse(SessionTransitions.isAllowed(SessionState.STOPPED, SessionState.FAILED),
                "a stopped camera has no device to fail");
    }

    @Test
    void anIllegalChangeThrowsAndLeavesTheStateAsItWas() {
        SessionStatus status = new SessionStatus();
        status.state(SessionState.STARTING);
        status.running(java.util.List.of());

        IllegalStateException bug = assertThrows(IllegalStateException.class,
                () -> status.state(SessionState.STARTING));

        assertTrue(bug.getMessage().contains("RUNNING -> STARTING"), bug.getMessage());
        assertEquals(SessionState.RUNNING, status.state());
    }
}
