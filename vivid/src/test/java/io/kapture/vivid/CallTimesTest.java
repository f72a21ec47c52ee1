package io.kapture.vivid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class CallTimesTest {

    @Test
    void percentilesAreNearestRankOverUnsortedSamples() {
        long[] samples = {50, 10, 40, 20, 30, 100, 90, 80, 70, 60};

        assertEquals(50, CallTimes.percentile(samples, 0.5));
        assertEquals(90, CallTimes.percentile(samples, 0.9));
        assertEquals(10, CallTimes.percentile(samples, 0.1));
        assertEquals(100, CallTimes.percentile(samples, 1.0));
        assertEquals(7, CallTimes.percentile(new long[] {7}, 0.9));
    }

    @Test
    void percentilesNeedSamplesAndAFraction() {
        assertThrows(IllegalArgumentException.class, () -> CallTimes.percentile(new long[0], 0.5));
        assertThrows(IllegalArgumentException.class, () -> CallTimes.percentile(new long[] {1}, 0));
    }

    @Test
    void parsesTheCProgramsOutput() {
        CallTimes times = CallTimes.parse(List.of("clock 30 31 29", "dqbuf 4000 5000", "stream 2 500000000", ""));

        assertArrayEquals(new long[] {30, 31, 29}, times.of("clock"));
        assertArrayEquals(new long[] {4000, 5000}, times.of("dqbuf"));
        assertEquals(2, times.frames());
        assertEquals(4.0, times.framesPerSecond(), 1e-9);
    }

    @Test
    void runsAddUpAndRoundTripThroughTheirLines() {
        CallTimes first = CallTimes.parse(List.of("qbuf 1 2", "stream 2 1000000000"));
        CallTimes second = new CallTimes();
        second.add("qbuf", new long[] {3});
        second.addStream(1, 1_000_000_000L);

        CallTimes all = new CallTimes();
        all.addAll(first);
        all.addAll(second);

        assertArrayEquals(new long[] {1, 2, 3}, all.of("qbuf"));
        assertEquals(1.5, all.framesPerSecond(), 1e-9);
        CallTimes again = CallTimes.parse(all.lines());
        assertArrayEquals(all.of("qbuf"), again.of("qbuf"));
        assertEquals(all.frames(), again.frames());
    }

    @Test
    void malformedOutputAndMissingCallsFailTheCheck() {
        assertThrows(CheckFailure.class, () -> CallTimes.parse(List.of("dqbuf 12 x")));
        assertThrows(CheckFailure.class, () -> CallTimes.parse(List.of("stream 12")));
        assertThrows(CheckFailure.class, () -> new CallTimes().of("dqbuf"));
    }
}
