package io.kapture.engine.internal.session;

import static io.kapture.engine.internal.session.SessionFixture.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.kapture.api.FrameListener;
import io.kapture.api.ListenerStats;
import io.kapture.engine.internal.fakes.RecordingListener;

/** A slow, throwing or departing listener costs only itself; listeners come and go while frames flow. */
class ListenerIsolationTest {

    private final SessionFixture fixture = new SessionFixture().withServices();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aStuckListenerSlowsNeitherAFastOneNorCapture() throws InterruptedException {
        // the queue's isolation is the subject (the capture thread's take-over of a stuck listener: InlineListenerTest)
        RecordingListener stuck = fixture.listen(new RecordingListener(SessionFixture.CAMERA).blockingOnFirstFrame(),
                "stuck", "kapture.queue.capacity", 2, "kapture.drop.policy", "DROP_OLDEST",
                FrameListener.DELIVERY_THREAD, true);
        RecordingListener fast = fixture.listen("fast", "kapture.queue.capacity", 1024, "kapture.drop.policy",
                "BLOCK");
        fixture.running();
        fixture.source().produce(1);
        stuck.awaitBlocked();

        fixture.source().produce(499);

        eventually(() -> fast.received() == 500);
        fixture.awaitCaptured(500);
        assertEquals(LongStream.range(0, 500).boxed().toList(), fast.sequences());
        assertEquals(0, fixture.stats().sequenceGaps(), "capture kept up: the driver never ran out of buffers");
        ListenerStats slow = fixture.listenerStats("stuck");
        assertEquals(1, slow.delivered());
        assertEquals(2, slow.queued());
        assertEquals(497, slow.dropped());
        assertEquals(500, slow.delivered() + slow.dropped() + slow.queued());
        stuck.open();
        eventually(() -> stuck.received() == 3);
        assertEquals(List.of(0L, 498L, 499L), stuck.sequences());
    }

    @Test
    void aThrowingListenerIsCountedAndOthersCarryOn() {
        RecordingListener thrower = fixture.listen(new RecordingListener(SessionFixture.CAMERA).throwing(),
                "thrower", "kapture.queue.capacity", 64, "kapture.drop.policy", "BLOCK");
        RecordingListener healthy = fixture.listen("healthy", "kapture.queue.capacity", 64,
                "kapture.drop.policy", "BLOCK");
        fixture.running();

        fixture.source().produce(50);

        eventually(() -> healthy.received() == 50 && thrower.received() == 50);
        eventually(() -> fixture.listenerStats("thrower").errors() == 50);
        assertEquals(50, fixture.listenerStats("thrower").delivered());
        assertEquals(0, fixture.listenerStats("healthy").errors());
        assertEquals(LongStream.range(0, 50).boxed().toList(), thrower.sequences());
    }

    @Test
    void aFrameTakenBackWhileQueuedIsDroppedAndDeliveryGoesOn() throws InterruptedException {
        RecordingListener gated = fixture.listen(new RecordingListener(SessionFixture.CAMERA).blockingOnFirstFrame(),
                "gated", "kapture.queue.capacity", 4);
        fixture.running("delivery", "zerocopy", "buffers", 8);
        fixture.source().produce(1);
        gated.awaitBlocked();
        fixture.source().produce(3);
        fixture.awaitCaptured(4);

        fixture.zerocopy.reclaimHeld();
        gated.open();
        fixture.source().produce(2);

        eventually(() -> gated.received() == 3);
        assertEquals(List.of(0L, 4L, 5L), gated.sequences(), "the three frames taken back while queued are skipped");
        ListenerStats stats = fixture.listenerStats("gated");
        assertEquals(3, stats.dropped());
        assertEquals(0, stats.errors());
        assertEquals(3, stats.delivered());
    }

    /**
     * A listener that subscribes while the camera runs is offered the frames from then on, not those captured
     * before it came (the soak once printed a replaced subscriber "captured 15992 delivered 4003 dropped 0 queued
     * 0", comparing the camera's count with the subscriber's): its own figures add up exactly.
     */
    @Test
    void aLateSubscriberIsOfferedOnlyTheFramesAfterItCameAndItsFiguresAddUp() {
        RecordingListener early = fixture.listen("early", "kapture.queue.capacity", 1024, "kapture.drop.policy",
                "BLOCK");
        fixture.running();
        fixture.source().produce(100);
        eventually(() -> early.received() == 100);
        RecordingListener late = fixture.listen("late", "kapture.queue.capacity", 1024, "kapture.drop.policy",
                "BLOCK");

        fixture.source().produce(50);
        eventually(() -> early.received() == 150 && late.received() == 50);

        ListenerStats lateStats = fixture.listenerStats("late");
        ListenerStats earlyStats = fixture.listenerStats("early");
        assertEquals(150, fixture.stats().captured());
        assertEquals(150, earlyStats.offered());
        assertEquals(50, lateStats.offered(), "offered from when it subscribed: " + lateStats);
        for (ListenerStats stats : List.of(earlyStats, lateStats)) {
            assertEquals(stats.offered(), stats.delivered() + stats.dropped() + stats.queued(), stats.toString());
        }
    }

    @Test
    void aRemovedListenersQueuedFramesGoBackToTheDriver() throws InterruptedException {
        RecordingListener gated = fixture.listen(new RecordingListener(SessionFixture.CAMERA).blockingOnFirstFrame(),
                "gated", "kapture.queue.capacity", 4);
        fixture.running("delivery", "zerocopy", "buffers", 8);
        fixture.source().produce(1);
        gated.awaitBlocked();
        fixture.source().produce(3);
        fixture.awaitCaptured(4);
        assertEquals(4, fixture.source().queuedBuffers(), "four zero-copy frames hold four of eight buffers");

        fixture.session.removeListener(gated);

        fixture.session.awaitSettled();

        assertEquals(8, fixture.source().queuedBuffers());
        assertTrue(fixture.stats().listeners().isEmpty());
        assertEquals(List.of(), SessionFixture.streamThreads().stream().filter(name -> name.endsWith("gated"))
                .toList());
    }

    @Test
    void listenersComeAndGoWhileFramesFlow() throws InterruptedException {
        RecordingListener steady = fixture.listen("steady", "kapture.queue.capacity", 1024, "kapture.drop.policy",
                "BLOCK");
        fixture.running();
        AtomicBoolean producing = new AtomicBoolean(true);
        AtomicInteger produced = new AtomicInteger();
        Thread producer = new Thread(() -> {
            while (producing.get()) {
                fixture.source().produce(1);
                produced.incrementAndGet();
            }
        }, "test-producer");
        producer.start();
        List<RecordingListener> transient_ = new ArrayList<>();
        try {
            for (int round = 0; round < 30; round++) {
                RecordingListener listener = fixture.listen("transient" + round, "kapture.queue.capacity", 2);
                transient_.add(listener);
                int target = produced.get() + 5;
                eventually(() -> produced.get() >= target);
                fixture.session.removeListener(listener);
                fixture.session.awaitSettled();
            }
        } finally {
            producing.set(false);
            producer.join();
        }

        fixture.awaitCaptured(produced.get());
        eventually(() -> steady.received() == produced.get());
        assertEquals(LongStream.range(0, produced.get()).boxed().toList(), steady.sequences());
        for (RecordingListener listener : transient_) {
            assertEquals(0, listener.badFrames());
            List<Long> seen = listener.sequences();
            for (int i = 1; i < seen.size(); i++) {
                assertTrue(seen.get(i) > seen.get(i - 1), "in order: " + seen);
            }
        }
        assertEquals(List.of("steady"), fixture.stats().listeners().stream().map(ListenerStats::name).toList());
        fixture.session.stop();
        assertEquals(0, fixture.copy.liveFrames(), "every frame handle released");
        assertEquals(0, fixture.source().outstandingAtStop());
        assertEquals(List.of(), SessionFixture.streamThreads());
    }
}
