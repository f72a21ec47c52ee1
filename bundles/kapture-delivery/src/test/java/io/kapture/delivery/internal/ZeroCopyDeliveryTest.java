package io.kapture.delivery.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.kapture.api.Frame;
import io.kapture.pool.internal.BoundedFramePool;
import io.kapture.testing.TestDriverBuffer;

/** Zero-copy specifics: shared memory, last-release requeue, fallback copies, leases and close. */
class ZeroCopyDeliveryTest {

    private static final long HOUR_MS = 3_600_000;
    private static final int BYTES = 10_000;

    private final BoundedFramePool pool = new BoundedFramePool(16L << 20);
    private final FakeContext context = new FakeContext("cam0", 4);
    private final List<ZeroCopyDelivery> opened = new ArrayList<>();

    @AfterEach
    void closeStrategies() {
        opened.forEach(ZeroCopyDelivery::close);
    }

    @Test
    void frameDataIsTheDriverBufferItself() {
        ZeroCopyDelivery delivery = open(1, HOUR_MS);
        TestDriverBuffer buffer = new TestDriverBuffer(0, 4096).fill(1, 100, 0);
        Frame frame = delivery.wrap(buffer, context);

        buffer.memory().put(10, (byte) 99);

        assertEquals(99, frame.data().get(10));
        assertEquals(0, context.requeues(0));
        assertEquals(0, pool.stats().gets());
        frame.release();
    }

    @Test
    void bufferIsRequeuedOnlyWhenTheLastHandleGoes() {
        ZeroCopyDelivery delivery = open(1, HOUR_MS);
        Frame first = delivery.wrap(new TestDriverBuffer(1, 4096).fill(1, 100, 0), context);
        Frame second = first.retain("second");
        Frame third = second.retain("third");

        first.release();
        third.release();
        assertEquals(0, context.requeues(1));

        second.release();
        assertEquals(1, context.requeues(1));
        assertEquals(1, context.totalRequeues());
    }

    @Test
    void copiesIntoThePoolWhenTheDriverRunsLow() {
        ZeroCopyDelivery delivery = open(2, HOUR_MS);
        context.queued(1);
        TestDriverBuffer buffer = new TestDriverBuffer(3, 16_384).fill(8, BYTES, 0);

        Frame frame = delivery.wrap(buffer, context);
        buffer.fill(9, BYTES, 0);

        assertEquals(1, context.requeues(3));
        assertEquals(1, context.fallbackCopies());
        assertEquals(ByteBuffer.wrap(FrameSemanticsTest.expected(8, BYTES)), frame.data());
        assertEquals(8, frame.sequence());
        assertEquals(1, pool.stats().outstanding());
        frame.release();
        assertEquals(0, pool.stats().outstanding());
        assertEquals(1, context.requeues(3));
    }

    @Test
    void leasesWhileEnoughBuffersAreQueued() {
        ZeroCopyDelivery delivery = open(2, HOUR_MS);
        context.queued(2);
        Frame leased = delivery.wrap(new TestDriverBuffer(0, 4096).fill(1, 100, 0), context);
        assertEquals(0, context.fallbackCopies());
        assertEquals(0, context.requeues(0));
        leased.release();

        ZeroCopyDelivery neverCopies = open(0, HOUR_MS);
        context.queued(0);
        Frame alsoLeased = neverCopies.wrap(new TestDriverBuffer(1, 4096).fill(2, 100, 0), context);
        assertEquals(0, context.fallbackCopies());
        assertEquals(0, context.requeues(1));
        alsoLeased.release();
    }

    @Test
    void reaperThreadTakesBackAFrameHeldPastItsLease() {
        ZeroCopyDelivery delivery = open(1, 50);
        Frame frame = delivery.wrap(new TestDriverBuffer(2, 4096).fill(17, 100, 0), context);
        Frame kept = frame.retain("slow-listener");

        await().atMost(Duration.ofSeconds(10)).until(() -> context.requeues(2) == 1);

        assertEquals(1, context.reclaimedLeases());
        assertTrue(frame.isReleased());
        assertTrue(kept.isReleased());
        assertThrows(IllegalStateException.class, kept::data);
        assertThrows(IllegalStateException.class, kept::sequence);
        assertThrows(IllegalStateException.class, () -> kept.retain("another"));
        kept.release();
        frame.release();
        assertEquals(1, context.requeues(2));
        assertEquals(1, context.reclaimedLeases());
        assertEquals(1, context.totalRequeues());
    }

    @Test
    void framesReleasedInTimeAreNeverTakenBack() {
        ZeroCopyDelivery delivery = open(1, HOUR_MS);
        long start = System.nanoTime();
        delivery.wrap(new TestDriverBuffer(0, 4096).fill(1, 100, 0), context).release();

        assertEquals(0, delivery.reapExpired(start + TimeUnit.HOURS.toNanos(2)));
        assertEquals(0, context.reclaimedLeases());
        assertEquals(1, context.totalRequeues());
    }

    @Test
    void expiredLeaseIsTakenBackOnceNamingTheHoldersStillLive() {
        ZeroCopyDelivery delivery = open(1, HOUR_MS);
        long start = System.nanoTime();
        Frame frame = delivery.wrap(new TestDriverBuffer(1, 4096).fill(23, 100, 0), context);
        Frame gone = frame.retain("gone-listener");
        Frame slow = frame.retain("slow-listener");
        gone.release();
        frame.release();
        assertEquals(0, delivery.reapExpired(start + TimeUnit.MINUTES.toNanos(59)));

        LeaseTable table = new LeaseTables().tableFor(context);
        Frame direct = table.frameFor(0).lease(new TestDriverBuffer(0, 4096).fill(24, 100, 0), start,
                TimeUnit.HOURS.toNanos(1), "capture").retain("stuck-holder");
        List<String> reports = new ArrayList<>();
        assertEquals(1, table.reclaimExpired(start + TimeUnit.HOURS.toNanos(2),
                (what, holders) -> reports.add(what + " from " + String.join(", ", holders))));
        assertEquals(1, delivery.reapExpired(start + TimeUnit.HOURS.toNanos(2)));
        assertEquals(0, delivery.reapExpired(start + TimeUnit.HOURS.toNanos(3)));

        assertTrue(slow.isReleased());
        assertTrue(direct.isReleased());
        assertEquals(List.of("zero-copy frame 24 of camera cam0 from capture, stuck-holder"), reports);
        assertEquals(2, context.reclaimedLeases());
        assertEquals(1, context.requeues(0));
        assertEquals(1, context.requeues(1));
    }

    @Test
    void closeRequeuesEveryFrameStillHeldExactlyOnceAndSilently() {
        ZeroCopyDelivery delivery = open(1, HOUR_MS);
        Frame a = delivery.wrap(new TestDriverBuffer(0, 4096).fill(1, 100, 0), context);
        Frame b = delivery.wrap(new TestDriverBuffer(1, 4096).fill(2, 100, 0), context);
        Frame bRetained = b.retain("recorder");
        b.release();
        Frame c = delivery.wrap(new TestDriverBuffer(2, 4096).fill(3, 100, 0), context);
        delivery.wrap(new TestDriverBuffer(3, 4096).fill(4, 100, 0), context).release();

        delivery.close(context);

        for (int i = 0; i < 4; i++) {
            assertEquals(1, context.requeues(i), "requeues of buffer " + i);
        }
        assertEquals(0, context.reclaimedLeases());
        assertThrows(IllegalStateException.class, bRetained::data);
        a.release();
        bRetained.release();
        c.release();
        delivery.close(context);
        assertEquals(4, context.totalRequeues());

        Frame afterRestart = delivery.wrap(new TestDriverBuffer(0, 4096).fill(5, 100, 0), context);
        assertFalse(afterRestart.isReleased());
        afterRestart.release();
        assertEquals(2, context.requeues(0));
    }

    @Test
    void closeOfOneSessionLeavesTheOthersAlone() {
        ZeroCopyDelivery delivery = open(1, HOUR_MS);
        FakeContext other = new FakeContext("cam1", 4);
        Frame mine = delivery.wrap(new TestDriverBuffer(0, 4096).fill(1, 100, 0), context);
        Frame theirs = delivery.wrap(new TestDriverBuffer(0, 4096).fill(1, 100, 0), other);

        delivery.close(context);

        assertTrue(mine.isReleased());
        assertFalse(theirs.isReleased());
        assertEquals(0, other.totalRequeues());
        theirs.release();
        assertEquals(1, other.totalRequeues());
    }

    @Test
    void wrappingABufferWhoseFrameIsStillHeldIsRejected() {
        ZeroCopyDelivery delivery = open(1, HOUR_MS);
        TestDriverBuffer buffer = new TestDriverBuffer(0, 4096).fill(1, 100, 0);
        Frame held = delivery.wrap(buffer, context);

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> delivery.wrap(buffer, context));

        assertTrue(e.getMessage().contains("wrapped again"), e.getMessage());
        assertFalse(held.isReleased());
        assertEquals(0, context.requeues(0));
        held.release();
        assertEquals(1, context.requeues(0));
    }

    @Test
    void closingTheStrategyStopsTheReaperAndTakesEverythingBack() {
        ZeroCopyDelivery delivery = new ZeroCopyDelivery(pool, new ZeroCopySettings(1, HOUR_MS));
        assertTrue(reaperThreads() > 0);
        Frame frame = delivery.wrap(new TestDriverBuffer(0, 4096).fill(1, 100, 0), context);

        delivery.close();

        assertTrue(frame.isReleased());
        assertEquals(1, context.requeues(0));
        assertEquals(0, context.reclaimedLeases());
        await().atMost(Duration.ofSeconds(10)).until(() -> reaperThreads() == 0);
    }

    @Test
    void newSettingsApplyToLaterFrames() {
        ZeroCopyDelivery delivery = open(1, HOUR_MS);
        delivery.update(new ZeroCopySettings(3, 50));
        assertEquals(new ZeroCopySettings(3, 50), delivery.settings());
        context.queued(2);

        delivery.wrap(new TestDriverBuffer(0, 4096).fill(1, 100, 0), context).release();

        assertEquals(1, context.fallbackCopies());
    }

    @Test
    void settingsNameTheFieldThatIsWrong() {
        IllegalArgumentException queued = assertThrows(IllegalArgumentException.class,
                () -> new ZeroCopySettings(-1, 100));
        IllegalArgumentException lease = assertThrows(IllegalArgumentException.class,
                () -> new ZeroCopySettings(1, 0));

        assertTrue(queued.getMessage().contains("min.queued"), queued.getMessage());
        assertTrue(lease.getMessage().contains("lease.timeout.ms"), lease.getMessage());
        assertNotEquals(new ZeroCopySettings(1, 100).reapPeriodMs(), new ZeroCopySettings(1, 100_000).reapPeriodMs());
        assertNull(new LeaseTables().remove(context));
    }

    private ZeroCopyDelivery open(int minQueued, long leaseMs) {
        ZeroCopyDelivery delivery = new ZeroCopyDelivery(pool, new ZeroCopySettings(minQueued, leaseMs));
        opened.add(delivery);
        return delivery;
    }

    static long reaperThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals(ZeroCopyDelivery.REAPER_THREAD) && thread.isAlive())
                .count();
    }
}
