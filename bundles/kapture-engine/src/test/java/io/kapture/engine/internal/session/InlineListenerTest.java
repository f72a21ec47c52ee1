package io.kapture.engine.internal.session;

import static io.kapture.engine.internal.session.SessionFixture.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.LongStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.kapture.api.Frame;
import io.kapture.api.FrameListener;
import io.kapture.api.ListenerPlacement;
import io.kapture.api.ListenerStats;
import io.kapture.api.SessionState;
import io.kapture.engine.internal.fakes.RecordingListener;

/**
 * A stream's first listener that does not ask for a thread of its own is called on the capture thread ("inline"),
 * last for each frame; a slow one moves to its own delivery thread, a stuck one is taken over and capture goes on
 * on a new thread; in every case the listener is never called twice at once, gets its frames in order, and its
 * figures add up.
 */
class InlineListenerTest {

    private static final String CAPTURE_THREAD = "kapture-capture-" + SessionFixture.CAMERA;
    private static final String WATCHDOG = "kapture-" + SessionFixture.CAMERA + "-watchdog";

    private final SessionFixture fixture = new SessionFixture().withServices();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void theFirstListenerIsCalledOnTheCaptureThreadAndTheNextOnItsOwn() {
        Probe first = fixture.listen(new Probe(), "first");
        Probe second = fixture.listen(new Probe(), "second", "kapture.queue.capacity", 1024, "kapture.drop.policy",
                "BLOCK");
        fixture.running();

        fixture.source().produce(200);
        eventually(() -> first.frames.get() == 200 && second.frames.get() == 200);

        assertEquals(Set.of(CAPTURE_THREAD), first.threads);
        assertEquals(Set.of("kapture-" + SessionFixture.CAMERA + "-second"), second.threads);
        first.assertInOrderAndNeverConcurrent(200);
        ListenerStats stats = fixture.listenerStats("first");
        assertEquals(ListenerPlacement.INLINE, stats.placement());
        assertEquals("", stats.placementReason());
        assertEquals(ListenerPlacement.OWN_THREAD, fixture.listenerStats("second").placement());
        assertEquals(200, stats.offered());
        assertEquals(200, stats.delivered());
        assertEquals(0, stats.dropped() + stats.queued(), stats.toString());
    }

    @Test
    void theInlineCallComesAfterEveryOtherListenerWasOfferedTheFrame() {
        List<String> calls = new CopyOnWriteArrayList<>();
        fixture.listen(frame -> calls.add("inline " + frame.sequence()), "inline");
        fixture.listen(frame -> calls.add("asked " + frame.sequence()), "asked", FrameListener.CAPTURE_THREAD, true);
        fixture.running();

        fixture.source().produce(3);
        eventually(() -> calls.size() == 6);

        assertEquals(List.of("asked 0", "inline 0", "asked 1", "inline 1", "asked 2", "inline 2"), calls);
        assertEquals(ListenerPlacement.CAPTURE_THREAD, fixture.listenerStats("asked").placement());
        assertEquals(ListenerPlacement.INLINE, fixture.listenerStats("inline").placement());
    }

    @Test
    void aListenerThatAsksForItsOwnThreadLeavesTheSlotToTheNext() {
        Probe own = fixture.listen(new Probe(), "own", FrameListener.DELIVERY_THREAD, true, "kapture.queue.capacity",
                1024, "kapture.drop.policy", "BLOCK");
        Probe next = fixture.listen(new Probe(), "next");
        fixture.running();

        fixture.source().produce(20);
        eventually(() -> own.frames.get() == 20 && next.frames.get() == 20);

        assertEquals(Set.of("kapture-" + SessionFixture.CAMERA + "-own"), own.threads);
        assertEquals(Set.of(CAPTURE_THREAD), next.threads);
        assertEquals(ListenerPlacement.OWN_THREAD, fixture.listenerStats("own").placement());
    }

    @Test
    void aSlowListenerMovesToItsOwnThreadAndThenCostsOnlyItself() {
        // 60 ms a frame: 200 frames on the capture thread would take 12 s, beyond what the test waits
        Probe slow = fixture.listen(new Probe().taking(TimeUnit.MILLISECONDS.toNanos(60)), "slow",
                "kapture.queue.capacity", 2, "kapture.drop.policy", "DROP_OLDEST");
        RecordingListener fast = fixture.listen("fast", "kapture.queue.capacity", 1024, "kapture.drop.policy",
                "BLOCK");
        fixture.running();
        assertTrue(SessionFixture.streamThreads().contains(WATCHDOG), "watched while a listener is inline");

        fixture.source().produce(3);
        eventually(() -> fixture.listenerStats("slow").placement() == ListenerPlacement.DEMOTED);
        // demoted by the capture thread itself: the watchdog's next look finds no inline listener and ends it
        eventually(() -> !SessionFixture.streamThreads().contains(WATCHDOG));
        fixture.source().produce(200);

        fixture.awaitCaptured(203);
        eventually(() -> fast.received() == 203);
        assertEquals(LongStream.range(0, 203).boxed().toList(), fast.sequences());
        assertEquals(0, fixture.stats().sequenceGaps(), "capture kept up once the slow listener had moved");
        ListenerStats moved = fixture.listenerStats("slow");
        assertTrue(moved.placementReason().contains("3 calls in a row took over half the frame interval"),
                moved.placementReason());
        assertTrue(moved.dropped() > 0, "its own queue dropped what it could not take: " + moved);
        assertEquals(moved.offered(), moved.delivered() + moved.dropped() + moved.queued(), moved.toString());
        assertTrue(slow.threads.containsAll(Set.of(CAPTURE_THREAD, "kapture-" + SessionFixture.CAMERA + "-slow")),
                slow.threads.toString());
        fixture.session.stop();
        slow.assertInOrderAndNeverConcurrent(-1);
        assertEquals(0, fixture.copy.liveFrames(), "every frame handle released");
    }

    @Test
    void aStuckListenerIsTakenOverAndCaptureTheOthersAndTheStatsGoOn() throws InterruptedException {
        Probe stuck = fixture.listen(new Probe().blockingOnFirstFrame(), "stuck", "kapture.queue.capacity", 4,
                "kapture.drop.policy", "DROP_OLDEST");
        RecordingListener fast = fixture.listen("fast", "kapture.queue.capacity", 1024, "kapture.drop.policy",
                "BLOCK");
        fixture.running();
        fixture.source().produce(1);
        stuck.awaitBlocked();

        // with 4 buffers this waits for the take-over: the capture thread is in the listener's call
        fixture.source().produce(99);

        eventually(() -> fast.received() == 100);
        fixture.awaitCaptured(100);
        assertEquals(LongStream.range(0, 100).boxed().toList(), fast.sequences());
        ListenerStats taken = fixture.listenerStats("stuck");
        assertEquals(ListenerPlacement.DEMOTED, taken.placement());
        assertTrue(taken.placementReason().contains("did not return from onFrame on the capture thread within"),
                taken.placementReason());
        assertEquals(taken.offered(), taken.delivered() + taken.dropped() + taken.queued(), taken.toString());
        assertEquals(1, stuck.frames.get(), "its delivery thread waits while the taken-over call has not returned");
        assertEquals(2, SessionFixture.streamThreads().stream().filter(CAPTURE_THREAD::equals).count(),
                "the old capture thread in the call and the new one: " + SessionFixture.streamThreads());

        stuck.open();
        // then the frames of its own queue (4, dropping the oldest), after the one its thread held while waiting
        eventually(() -> stuck.sequences.size() >= 5 && stuck.sequences.get(stuck.sequences.size() - 1) == 99);
        List<Long> seen = List.copyOf(stuck.sequences);
        assertEquals(0L, seen.get(0));
        assertEquals(List.of(96L, 97L, 98L, 99L), seen.subList(seen.size() - 4, seen.size()), seen.toString());
        eventually(() -> SessionFixture.streamThreads().stream().filter(CAPTURE_THREAD::equals).count() == 1);
        fixture.source().produce(10);
        eventually(() -> fast.received() == 110 && fixture.listenerStats("stuck").queued() == 0);
        ListenerStats after = fixture.listenerStats("stuck");
        assertEquals(110, after.offered());
        assertEquals(after.offered(), after.delivered() + after.dropped(), after.toString());
        stuck.assertInOrderAndNeverConcurrent(-1);
        fixture.session.stop();
        assertEquals(0, fixture.copy.liveFrames(), "every frame handle released");
        assertEquals(List.of(), SessionFixture.streamThreads());
    }

    @Test
    void stopCompletesWhileTheInlineListenerIsStuckAndInterruptsIt() throws InterruptedException {
        Probe stuck = fixture.listen(new Probe().blockingOnFirstFrame(), "stuck");
        fixture.running("delivery", "zerocopy", "buffers", 8);
        fixture.source().produce(1);
        stuck.awaitBlocked();

        fixture.session.stop();

        assertEquals(SessionState.STOPPED, fixture.session.state());
        assertTrue(stuck.interrupted.get(), "the thread left in the call was interrupted");
        eventually(() -> SessionFixture.streamThreads().isEmpty());
        assertTrue(fixture.source().isClosed(), "the device was closed: nothing dequeues from it any more");
        assertEquals(0, fixture.source().outstandingAtStop(), "every driver buffer given back");
        ListenerStats stats = fixture.listenerStats("stuck");
        assertEquals(ListenerPlacement.DEMOTED, stats.placement());
        assertTrue(stats.placementReason().contains("camera stopped"), stats.placementReason());
        assertEquals(stats.offered(), stats.delivered() + stats.dropped() + stats.queued(), stats.toString());
    }

    @Test
    void unsubscribingAStuckInlineListenerLetsCaptureGoOnAndInterruptsIt() throws InterruptedException {
        Probe stuck = fixture.listen(new Probe().blockingOnFirstFrame(), "stuck");
        RecordingListener fast = fixture.listen("fast", "kapture.queue.capacity", 1024, "kapture.drop.policy",
                "BLOCK");
        fixture.running("delivery", "zerocopy", "buffers", 8);
        fixture.source().produce(1);
        stuck.awaitBlocked();

        fixture.session.removeListener(stuck);
        fixture.session.awaitSettled();
        fixture.source().produce(50);

        eventually(() -> fast.received() == 51);
        assertTrue(stuck.interrupted.get(), "the thread left in the call was interrupted");
        assertEquals(1, stuck.frames.get());
        assertEquals(List.of("fast"), fixture.stats().listeners().stream().map(ListenerStats::name).toList());
        eventually(() -> SessionFixture.streamThreads().stream().filter(CAPTURE_THREAD::equals).count() == 1);
        fixture.session.stop();
        assertEquals(0, fixture.source().outstandingAtStop(), "every driver buffer given back");
    }

    /**
     * Records the threads that call it, its sequences, and the most calls in progress at once; optionally takes
     * a while per frame (parks: it stands for a listener that works) or blocks in its first call until opened or
     * interrupted.
     */
    private static final class Probe implements FrameListener {
        final Set<String> threads = ConcurrentHashMap.newKeySet();
        final AtomicInteger frames = new AtomicInteger();
        final List<Long> sequences = new CopyOnWriteArrayList<>();
        final AtomicBoolean interrupted = new AtomicBoolean();
        private final AtomicInteger inCall = new AtomicInteger();
        private final AtomicInteger mostInCall = new AtomicInteger();
        private final CountDownLatch entered = new CountDownLatch(1);
        private final CountDownLatch gate = new CountDownLatch(1);
        private long takesNanos;
        private boolean blockFirst;

        Probe taking(long nanos) {
            takesNanos = nanos;
            return this;
        }

        Probe blockingOnFirstFrame() {
            blockFirst = true;
            return this;
        }

        @Override
        public void onFrame(Frame frame) {
            mostInCall.accumulateAndGet(inCall.incrementAndGet(), Math::max);
            try {
                threads.add(Thread.currentThread().getName());
                sequences.add(frame.sequence());
                frames.incrementAndGet();
                if (blockFirst && frames.get() == 1) {
                    entered.countDown();
                    try {
                        gate.await();
                    } catch (InterruptedException e) {
                        interrupted.set(true);
                    }
                }
                if (takesNanos > 0) {
                    LockSupport.parkNanos(takesNanos);
                }
            } finally {
                inCall.decrementAndGet();
            }
        }

        void awaitBlocked() throws InterruptedException {
            if (!entered.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("listener never got its first frame");
            }
        }

        void open() {
            gate.countDown();
        }

        /** Sequences strictly increasing (all of 0..count-1 when count is not negative), one call at a time. */
        void assertInOrderAndNeverConcurrent(int count) {
            assertEquals(1, mostInCall.get(), "never two calls at once");
            List<Long> seen = List.copyOf(sequences);
            for (int i = 1; i < seen.size(); i++) {
                assertTrue(seen.get(i) > seen.get(i - 1), "in order: " + seen);
            }
            if (count >= 0) {
                assertEquals(LongStream.range(0, count).boxed().toList(), seen);
            }
        }
    }
}
