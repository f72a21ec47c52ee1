package io.kapture.engine.internal.session;

import static io.kapture.engine.internal.session.SessionFixture.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.kapture.api.FrameListener;
import io.kapture.api.ListenerStats;
import io.kapture.engine.internal.fakes.RecordingListener;

/**
 * Each drop policy drops exactly what it promises: a listener blocked on frame 0 with a queue of two, then a
 * known number of frames, then the listener released; which sequences it got and what was counted are exact.
 */
class DropPolicyTest {

    private final SessionFixture fixture = new SessionFixture().withServices();

    @AfterEach
    void close() {
        fixture.close();
    }

    private RecordingListener blockedListener(String policy, Object... more) throws InterruptedException {
        Object[] properties = new Object[6 + more.length];
        properties[0] = "kapture.queue.capacity";
        properties[1] = 2;
        properties[2] = "kapture.drop.policy";
        properties[3] = policy;
        System.arraycopy(more, 0, properties, 4, more.length);
        // a queue's policy is the subject: the listener asks for its own thread, never the capture thread's
        properties[properties.length - 2] = FrameListener.DELIVERY_THREAD;
        properties[properties.length - 1] = true;
        RecordingListener listener = fixture.listen(new RecordingListener(SessionFixture.CAMERA)
                .blockingOnFirstFrame(), "gated", properties);
        fixture.running();
        fixture.source().produce(1);
        listener.awaitBlocked();
        return listener;
    }

    @Test
    void dropNewestKeepsTheOldestRunAndDropsTheRest() throws InterruptedException {
        RecordingListener listener = blockedListener("DROP_NEWEST");

        fixture.source().produce(5);
        fixture.awaitCaptured(6);
        ListenerStats whileBlocked = fixture.listenerStats("gated");
        listener.open();

        assertEquals(1, whileBlocked.delivered());
        assertEquals(3, whileBlocked.dropped());
        assertEquals(2, whileBlocked.queued());
        eventually(() -> listener.received() == 3);
        assertEquals(List.of(0L, 1L, 2L), listener.sequences());
        assertDeliveredPlusDroppedIsCaptured();
    }

    @Test
    void dropOldestKeepsTheNewestFrames() throws InterruptedException {
        RecordingListener listener = blockedListener("DROP_OLDEST");

        fixture.source().produce(5);
        fixture.awaitCaptured(6);
        ListenerStats whileBlocked = fixture.listenerStats("gated");
        listener.open();

        assertEquals(3, whileBlocked.dropped());
        assertEquals(2, whileBlocked.queued());
        eventually(() -> listener.received() == 3);
        assertEquals(List.of(0L, 4L, 5L), listener.sequences());
        assertDeliveredPlusDroppedIsCaptured();
    }

    @Test
    void blockDropsAFrameOnlyWhenTheWaitTimesOut() throws InterruptedException {
        RecordingListener listener = blockedListener("BLOCK", "kapture.block.timeout.ms", 50L);

        fixture.source().produce(3);
        fixture.awaitCaptured(4);
        assertEquals(1, fixture.listenerStats("gated").dropped());
        listener.open();
        eventually(() -> listener.received() == 3);
        fixture.source().produce(1);

        eventually(() -> listener.received() == 4);
        assertEquals(List.of(0L, 1L, 2L, 4L), listener.sequences());
        assertEquals(1, fixture.listenerStats("gated").dropped());
        assertDeliveredPlusDroppedIsCaptured();
    }

    @Test
    void blockHoldsCaptureBackInsteadOfDropping() throws InterruptedException {
        RecordingListener listener = blockedListener("BLOCK", "kapture.block.timeout.ms", 60_000L);

        fixture.source().produce(3);
        fixture.awaitCaptured(3);
        ListenerStats whileBlocked = fixture.listenerStats("gated");
        listener.open();

        assertEquals(2, whileBlocked.queued(), "frames 1 and 2 queued while capture waits with frame 3");
        assertEquals(0, whileBlocked.dropped());
        eventually(() -> listener.received() == 4);
        assertEquals(List.of(0L, 1L, 2L, 3L), listener.sequences());
        assertEquals(0, fixture.listenerStats("gated").dropped());
        assertDeliveredPlusDroppedIsCaptured();
    }

    @Test
    void theCamerasDefaultPolicyAndCapacityApplyWhenTheListenerSetsNone() throws InterruptedException {
        fixture.configure("queue.capacity", 3, "drop.policy", "DROP_NEWEST");
        RecordingListener listener = fixture.listen(new RecordingListener(SessionFixture.CAMERA)
                .blockingOnFirstFrame(), "defaults", FrameListener.DELIVERY_THREAD, true);
        fixture.running();
        fixture.source().produce(1);
        listener.awaitBlocked();

        fixture.source().produce(6);
        fixture.awaitCaptured(7);
        listener.open();

        eventually(() -> listener.received() == 4);
        assertEquals(List.of(0L, 1L, 2L, 3L), listener.sequences());
        assertEquals(3, fixture.listenerStats("defaults").dropped());
        assertEquals(3, fixture.listenerStats("defaults").queueCapacity());
    }

    private void assertDeliveredPlusDroppedIsCaptured() {
        eventually(() -> fixture.listenerStats("gated").queued() == 0);
        ListenerStats stats = fixture.listenerStats("gated");
        assertEquals(fixture.stats().captured(), stats.delivered() + stats.dropped() + stats.queued());
    }
}
