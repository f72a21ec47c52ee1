package io.kapture.engine.internal.fanout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The histogram's buckets and percentiles stay within their promised precision, also under concurrency. */
class LatencyHistogramTest {

    @Test
    void anEmptyHistogramReadsZero() {
        LatencyHistogram histogram = new LatencyHistogram();

        assertEquals(0, histogram.percentile(0.5));
        assertEquals(0, histogram.max());
        assertEquals(0, histogram.count());
    }

    @Test
    void bucketsCoverEveryValueWithinAnEighth() {
        for (long value = 0; value < 100_000; value++) {
            assertBucketFits(value);
        }
        for (long value = 1; value > 0 && value < Long.MAX_VALUE / 3; value = value * 3 + 1) {
            assertBucketFits(value);
        }
        assertBucketFits(Long.MAX_VALUE);
    }

    @Test
    void theBucketIndexIsTheHighestSetBitsAndTheThreeBelowIt() {
        for (int bit = 3; bit < 63; bit++) {
            long power = 1L << bit;
            for (long value : new long[] {power, power + 1, power + power / 2, 2 * power - 1}) {
                int exponent = 63 - Long.numberOfLeadingZeros(value);
                int expected = 8 + (exponent - 3) * 8 + (int) (value >>> (exponent - 3) & 7);
                assertEquals(expected, LatencyHistogram.index(value), "index of " + value);
            }
        }
        assertEquals(8 + 59 * 8 + 7, LatencyHistogram.index(Long.MAX_VALUE));
    }

    private static void assertBucketFits(long value) {
        long upper = LatencyHistogram.upperBound(LatencyHistogram.index(value));
        assertTrue(upper >= value, value + " above its bucket's upper bound " + upper);
        assertTrue(upper - value <= value / 8, value + " too far below its bucket's upper bound " + upper);
    }

    @Test
    void percentilesOfAKnownDistribution() {
        LatencyHistogram histogram = new LatencyHistogram();
        for (long value = 1; value <= 1000; value++) {
            histogram.record(value * 1000);
        }

        long p50 = histogram.percentile(0.50);
        long p99 = histogram.percentile(0.99);
        assertTrue(p50 >= 500_000 && p50 <= 500_000 * 9 / 8, "p50 " + p50);
        assertTrue(p99 >= 990_000 && p99 <= 1_000_000, "p99 " + p99);
        assertEquals(1_000_000, histogram.max());
        assertEquals(1_000_000, histogram.percentile(1.0));
        assertEquals(1000, histogram.count());
    }

    @Test
    void smallValuesAreExactAndNegativesCountAsZero() {
        LatencyHistogram histogram = new LatencyHistogram();
        histogram.record(-5);
        histogram.record(3);
        histogram.record(7);

        assertEquals(0, histogram.percentile(0.3));
        assertEquals(3, histogram.percentile(0.5));
        assertEquals(7, histogram.percentile(0.99));
    }

    @Test
    void concurrentRecordingLosesNothing() throws InterruptedException {
        LatencyHistogram histogram = new LatencyHistogram();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            long base = t;
            threads.add(new Thread(() -> {
                for (int i = 0; i < 10_000; i++) {
                    histogram.record(base * 10_000 + i);
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }

        assertEquals(40_000, histogram.count());
        assertEquals(39_999, histogram.max());
    }
}
