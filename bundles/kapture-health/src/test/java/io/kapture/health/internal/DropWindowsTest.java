package io.kapture.health.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;

import org.junit.jupiter.api.Test;

class DropWindowsTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long WINDOW = 10 * SECOND;

    private final DropWindows windows = new DropWindows();

    @Test
    void untilAWindowOfHistoryExistsTheStreamStartIsTheBaseline() {
        assertEquals(new DropWindows.Window(100, 20), windows.observe("a", 0, WINDOW, 80, 20));
        assertEquals(new DropWindows.Window(200, 20), windows.observe("a", 5 * SECOND, WINDOW, 180, 20));
    }

    @Test
    void oldDropsLeaveTheWindow() {
        windows.observe("a", 0, WINDOW, 80, 20);
        windows.observe("a", 5 * SECOND, WINDOW, 180, 20);
        // 12 s: the sample of 0 s is the newest one at least a window old
        assertEquals(new DropWindows.Window(200, 0), windows.observe("a", 12 * SECOND, WINDOW, 280, 20));
        // 16 s: the sample of 5 s is
        assertEquals(new DropWindows.Window(200, 0), windows.observe("a", 16 * SECOND, WINDOW, 380, 20));
    }

    @Test
    void countsGoingDownMeanARestart() {
        windows.observe("a", 0, WINDOW, 800, 200);
        windows.observe("a", 11 * SECOND, WINDOW, 900, 200);
        assertEquals(new DropWindows.Window(10, 0), windows.observe("a", 12 * SECOND, WINDOW, 10, 0));
    }

    @Test
    void forgottenListenersStartAgain() {
        windows.observe("a", 0, WINDOW, 80, 20);
        windows.observe("a", 11 * SECOND, WINDOW, 180, 20);
        windows.retain(Set.of("b"));
        assertEquals(new DropWindows.Window(200, 20), windows.observe("a", 12 * SECOND, WINDOW, 180, 20));
    }
}
