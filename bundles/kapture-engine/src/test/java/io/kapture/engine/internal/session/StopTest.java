package io.kapture.engine.internal.session;

import static io.kapture.engine.internal.session.SessionFixture.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.kapture.api.CaptureStats;
import io.kapture.api.Frame;
import io.kapture.api.SessionState;
import io.kapture.engine.internal.fakes.FakeSource;
import io.kapture.engine.internal.fakes.LeasingStrategy;
import io.kapture.engine.internal.fakes.RecordingListener;

/** Stopping gives every buffer back, leaves nothing queued and no thread behind, and late releases are harmless. */
class StopTest {

    private final SessionFixture fixture = new SessionFixture().withServices();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void stopGivesEveryBufferBackAndReleasesEveryQueuedFrame() throws InterruptedException {
        RecordingListener keeper = fixture.listen(new RecordingListener(SessionFixture.CAMERA).retainingAll(),
                "keeper", "kapture.queue.capacity", 8);
        RecordingListener gated = fixture.listen(new RecordingListener(SessionFixture.CAMERA).blockingOnFirstFrame(),
                "gated", "kapture.queue.capacity", 8);
        fixture.running("delivery", "zerocopy", "buffers", 8);
        FakeSource source = fixture.source();
        source.produce(1);
        gated.awaitBlocked();
        source.produce(3);
        fixture.awaitCaptured(4);
        eventually(() -> keeper.retained().size() == 4);
        assertEquals(3, fixture.listenerStats("gated").queued());

        fixture.session.stop();

        assertEquals(SessionState.STOPPED, fixture.session.state());
        assertEquals(0, source.outstandingAtStop(), "every buffer was requeued or reclaimed before the stop");
        assertEquals(0, source.duplicateQueues());
        assertTrue(source.isClosed());
        CaptureStats stats = fixture.stats();
        assertEquals(4, stats.reclaimedLeases(), "the keeper's four frames were taken back");
        assertEquals(0, stats.listeners().stream().mapToInt(listener -> listener.queued()).sum());
        for (Frame kept : keeper.retained()) {
            assertTrue(kept.isReleased());
            assertThrows(IllegalStateException.class, kept::data);
            kept.release();
        }
        assertEquals(0, source.queuesAfterClose());
        assertEquals(List.of(), SessionFixture.streamThreads());
    }

    @Test
    void aFrameReleasedAfterStopNeverReachesTheClosedSource() {
        fixture.session.addStrategy(new LeasingStrategy(false), "lazy");
        fixture.session.awaitSettled();
        RecordingListener keeper = fixture.listen(new RecordingListener(SessionFixture.CAMERA).retainingAll(),
                "keeper");
        fixture.running("delivery", "lazy", "buffers", 8);
        FakeSource source = fixture.source();
        source.produce(2);
        eventually(() -> keeper.retained().size() == 2);

        fixture.session.stop();
        keeper.retained().forEach(Frame::release);

        assertEquals(2, source.outstandingAtStop(), "the strategy kept them; the source took them back at stop");
        assertEquals(0, source.queuesAfterClose());
    }

    @Test
    void aClosedSessionStaysStopped() throws InterruptedException {
        fixture.running();
        FakeSource source = fixture.source();

        fixture.session.close();
        fixture.session.awaitClosed(30_000);
        fixture.configure("width", 32);
        fixture.session.start();
        fixture.session.addProvider(fixture.provider);
        fixture.session.awaitSettled();

        assertEquals(SessionState.STOPPED, fixture.session.state());
        assertTrue(source.isClosed());
        assertEquals(1, fixture.provider.openAttempts());
        assertEquals(List.of(), SessionFixture.streamThreads());
    }
}
