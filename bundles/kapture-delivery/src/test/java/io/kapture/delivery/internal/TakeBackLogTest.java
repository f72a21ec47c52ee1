package io.kapture.delivery.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.kapture.api.Frame;
import io.kapture.pool.internal.BoundedFramePool;
import io.kapture.testing.TestDriverBuffer;

/**
 * The take-back warnings are rate-limited: one per holder, then summaries at most once per period with the
 * number left out. Counted through an injected sink and clock, never the wall clock.
 */
class TakeBackLogTest {

    private static final long PERIOD_NANOS = TimeUnit.SECONDS.toNanos(TakeBackLog.SUMMARY_PERIOD_SECONDS);
    private static final long MILLI = TimeUnit.MILLISECONDS.toNanos(1);
    private static final String REASON = "not released within lease.timeout.ms = 5000 ms";
    private static final String ADVICE = "Release frames sooner.";

    private final List<String> warnings = new ArrayList<>();
    private final AtomicLong clock = new AtomicLong(1_000);
    private final TakeBackLog log = new TakeBackLog(warnings::add, clock::get);
    private final List<ZeroCopyDelivery> opened = new ArrayList<>();

    @AfterEach
    void closeStrategies() {
        opened.forEach(ZeroCopyDelivery::close);
    }

    @Test
    void oneWarningPerHolderThenOneSummaryPerPeriod() {
        for (int i = 0; i < 1000; i++) {
            clock.addAndGet(MILLI);
            log.tookBack("frame " + i, List.of("hoarder"), REASON, ADVICE);
        }
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("frame 0 from hoarder: " + REASON), warnings.get(0));
        assertTrue(warnings.get(0).contains(ADVICE), warnings.get(0));

        log.tookBack("frame 1000", List.of("hoarder", "recorder"), REASON, ADVICE);
        assertEquals(2, warnings.size(), warnings.toString());
        assertTrue(warnings.get(1).contains("frame 1000 from recorder"), warnings.get(1));

        clock.addAndGet(PERIOD_NANOS);
        log.flushIfDue();
        assertEquals(3, warnings.size(), warnings.toString());
        assertTrue(warnings.get(2).startsWith("Took back 999 more frame(s) in the last 60 s"), warnings.get(2));
        assertTrue(warnings.get(2).contains("hoarder (999)"), warnings.get(2));

        for (int i = 0; i < 1000; i++) {
            clock.addAndGet(MILLI);
            log.tookBack("frame " + (1001 + i), List.of("hoarder"), REASON, ADVICE);
        }
        log.flushIfDue();
        assertEquals(3, warnings.size(), "a second summary within the period: " + warnings);

        clock.addAndGet(PERIOD_NANOS);
        log.flushIfDue();
        log.flushIfDue();
        assertEquals(4, warnings.size(), warnings.toString());
        assertTrue(warnings.get(3).startsWith("Took back 1000 more frame(s)"), warnings.get(3));
    }

    @Test
    void namedHoldersAreBounded() {
        for (int i = 0; i < 2 * TakeBackLog.MAX_NAMED_HOLDERS; i++) {
            log.tookBack("frame " + i, List.of("holder-" + i), REASON, ADVICE);
        }

        assertEquals(TakeBackLog.MAX_NAMED_HOLDERS, warnings.size());
        clock.addAndGet(PERIOD_NANOS);
        log.flushIfDue();
        assertTrue(warnings.get(warnings.size() - 1).startsWith("Took back " + TakeBackLog.MAX_NAMED_HOLDERS
                + " more"), warnings.get(warnings.size() - 1));
    }

    @Test
    void hoarderOfDriverBuffersIsWarnedAboutOnceNamingTheLeaseAndItsKey() {
        ZeroCopyDelivery delivery = new ZeroCopyDelivery(new BoundedFramePool(1L << 20),
                new ZeroCopySettings(1, 5000), log);
        opened.add(delivery);
        FakeContext context = new FakeContext("cam0", 2);
        TestDriverBuffer buffer = new TestDriverBuffer(0, 4096);
        long start = System.nanoTime();

        for (int i = 0; i < 100; i++) {
            Frame frame = delivery.wrap(buffer.fill(i, 100, 0), context);
            frame.retain("kapture-cam0-hoarder");
            frame.release();
            assertEquals(1, delivery.reapExpired(start + TimeUnit.HOURS.toNanos(1) + i));
        }

        assertEquals(100, context.reclaimedLeases());
        assertEquals(1, warnings.size(), warnings.toString());
        String warning = warnings.get(0);
        assertTrue(warning.contains("zero-copy frame 0 of camera cam0 from kapture-cam0-hoarder"), warning);
        assertTrue(warning.contains("lease.timeout.ms = 5000 ms"), warning);
        assertTrue(warning.contains("lease.timeout.ms of " + ZeroCopySettings.PID), warning);
        assertTrue(warning.contains("delivery = pool"), warning);
        clock.addAndGet(PERIOD_NANOS);
        delivery.reapExpired(start);
        assertEquals(2, warnings.size(), warnings.toString());
        assertTrue(warnings.get(1).contains("99 more frame(s)"), warnings.get(1));
    }
}
