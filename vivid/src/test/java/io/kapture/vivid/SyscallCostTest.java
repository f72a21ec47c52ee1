package io.kapture.vivid;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SyscallCostTest {

    @Test
    void theMessageCarriesMediansP90AndRatiosOfTheMedians() {
        CallTimes java = times(2000, 600, 400, 300, 40);
        CallTimes c = times(1000, 400, 200, 200, 40);

        String message = SyscallCost.summary("320x180 YUYV @ 60 fps", java, c);

        assertTrue(message.startsWith("320x180 YUYV @ 60 fps, 16 buffers, runs Java, C, Java, C: 10 / 10 frames"
                + " recorded (5.0 / 5.0 fps)"), message);
        assertTrue(message.contains("DQBUF 2000/2009 vs 1000/1009 = 2.00x;"), message);
        assertTrue(message.contains("QBUF 600/609 vs 400/409 = 1.50x;"), message);
        assertTrue(message.contains("poll (ready) 400/409 vs 200/209 = 2.00x;"), message);
        assertTrue(message.contains("frame (poll + DQBUF + QBUF medians) 3000 vs 1600 = 1.88x;"), message);
        assertTrue(message.contains("G_INPUT (empty ioctl, the floor) 300/309 vs 200/209 = 1.50x;"), message);
        assertTrue(message.contains("clock read (in every figure) 40/49 vs 40/49 = 1.00x."), message);
        assertTrue(message.contains("only the ratios compare"), message);
    }

    /** Ten samples per call, each spread around its median. */
    private static CallTimes times(long dqbuf, long qbuf, long poll, long input, long clock) {
        CallTimes times = new CallTimes();
        times.add("dqbuf", spread(dqbuf));
        times.add("qbuf", spread(qbuf));
        times.add("poll", spread(poll));
        times.add("g_input", spread(input));
        times.add("clock", spread(clock));
        times.addStream(10, 2_000_000_000L);
        return times;
    }

    /** Unsorted, nearest-rank median {@code median}, p90 {@code median + 9}. */
    private static long[] spread(long median) {
        return new long[] {median + 20, median - 4, median + 9, median, median - 1, median + 3, median - 3,
                median + 1, median - 2, median + 2};
    }
}
