package io.kapture.vivid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class AttemptsTest {

    @Test
    void aCleanFirstStreamIsReportedAsIs() throws Exception {
        assertEquals("90 frames", Attempts.upTo(3, () -> "90 frames"));
    }

    @Test
    void aDriverClockGapIsRetriedAndShownInTheMessage() throws Exception {
        AtomicInteger runs = new AtomicInteger();

        String message = Attempts.upTo(3, () -> {
            if (runs.incrementAndGet() == 1) {
                throw new DriverClockGap("vivid skipped sequence 7 -> 9");
            }
            return "90 frames";
        });

        assertEquals(2, runs.get());
        assertEquals("90 frames (attempt 2; before: vivid skipped sequence 7 -> 9)", message);
    }

    @Test
    void gapsInEveryStreamFail() {
        AtomicInteger runs = new AtomicInteger();

        CheckFailure failure = assertThrows(CheckFailure.class, () -> Attempts.upTo(3, () -> {
            throw new DriverClockGap("gap " + runs.incrementAndGet());
        }));

        assertEquals(3, runs.get());
        assertTrue(failure.getMessage().startsWith("every one of 3 streams had a gap: gap 1; gap 2; gap 3"),
                failure.getMessage());
    }

    @Test
    void otherFailuresAreNotRetried() {
        AtomicInteger runs = new AtomicInteger();

        assertThrows(CheckFailure.class, () -> Attempts.upTo(3, () -> {
            runs.incrementAndGet();
            throw new CheckFailure("not the colour bars");
        }));

        assertEquals(1, runs.get());
    }

    @Test
    void aGapWithBuffersQueuedIsTheDriversClockAndOneWithoutIsStarvation() {
        StreamChecks.requireNoGap(5, 4, 5, 0);
        StreamChecks.requireNoGap(0, -1, 17, 0);

        DriverClockGap clock = assertThrows(DriverClockGap.class, () -> StreamChecks.requireNoGap(5, 4, 6, 3));
        CheckFailure starved = assertThrows(CheckFailure.class, () -> StreamChecks.requireNoGap(5, 4, 6, 0));

        assertEquals("vivid skipped sequence 4 -> 6 at frame 5 with 3 buffers queued", clock.getMessage());
        assertTrue(!(starved instanceof DriverClockGap) && starved.getMessage().contains("ran dry"));
    }
}
