package io.kapture.engine.internal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** Gaps, repeats, corruption and the frame rate, on a clock the test controls. */
class StreamCountersTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long START = 1_000_000 * MS;

    @Test
    void theRateCoversTheLastFullWindow() {
        StreamCounters counters = new StreamCounters();
        for (int i = 0; i <= 10; i++) {
            counters.frame(i, false, START + i * 100 * MS);
        }
        assertEquals(10.0, counters.fps(START + 1000 * MS), 1e-9);

        for (int i = 1; i <= 25; i++) {
            counters.frame(10 + i, false, START + 1000 * MS + i * 40 * MS);
        }
        assertEquals(25.0, counters.fps(START + 2000 * MS), 1e-9);
    }

    @Test
    void theRateIsZeroBeforeAWindowClosesAndOnceFramesStop() {
        StreamCounters counters = new StreamCounters();
        assertEquals(0.0, counters.fps(START));
        counters.frame(0, false, START);
        counters.frame(1, false, START + 500 * MS);
        assertEquals(0.0, counters.fps(START + 500 * MS));

        for (int i = 2; i <= 4; i++) {
            counters.frame(i, false, START + i * 500 * MS);
        }
        assertEquals(2.0, counters.fps(START + 2000 * MS), 1e-9);
        assertEquals(0.0, counters.fps(START + 5000 * MS));
    }

    @Test
    void gapsCountMissingSequenceNumbersOnly() {
        StreamCounters counters = new StreamCounters();
        counters.frame(5, false, START);
        counters.frame(6, true, START + MS);
        counters.frame(9, false, START + 2 * MS);
        counters.frame(3, true, START + 3 * MS);
        counters.frame(4, false, START + 4 * MS);

        assertEquals(2, counters.sequenceGaps());
        assertEquals(2, counters.corrupted());
    }

    @Test
    void aSequenceNoHigherThanTheLastIsARepeatNeverAGapAndIsReportedOnce() {
        List<long[]> reported = new ArrayList<>();
        StreamCounters counters = new StreamCounters((previous, sequence) -> reported.add(new long[] { previous,
                sequence }));
        long[] sequences = { 0, 0, 1, 2, 14, 5, 3, 4 };
        for (int i = 0; i < sequences.length; i++) {
            counters.frame(sequences[i], false, START + i * MS);
        }

        assertEquals(11, counters.sequenceGaps());
        assertEquals(3, counters.sequenceRepeats());
        assertEquals(List.of("0->0", "14->5", "5->3"),
                reported.stream().map(pair -> pair[0] + "->" + pair[1]).toList());
    }

    @Test
    void theWarningNamesCameraDeviceBothNumbersAndThatTheFrameIsDelivered() {
        String again = SequenceWarning.message("cam0", "/dev/video2", 0, 0);
        assertTrue(again.contains("cam0") && again.contains("/dev/video2") && again.contains("sequence number 0 right"
                + " after 0") && again.contains("same number again") && again.contains("still delivered"), again);
        String lower = SequenceWarning.message("cam0", "/dev/video2", 5, 3);
        assertTrue(lower.contains("sequence number 3 right after 5") && lower.contains("a lower number"), lower);
    }
}
