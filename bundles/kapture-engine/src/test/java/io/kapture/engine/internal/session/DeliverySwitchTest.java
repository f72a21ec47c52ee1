package io.kapture.engine.internal.session;

import static io.kapture.engine.internal.session.SessionFixture.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.kapture.api.SessionState;
import io.kapture.engine.internal.fakes.RecordingListener;

/** The delivery strategy is chosen by name, switches live without losing a frame, and may be missing. */
class DeliverySwitchTest {

    private final SessionFixture fixture = new SessionFixture().withServices();

    @AfterEach
    void close() {
        fixture.close();
    }

    private RecordingListener lossless() {
        return fixture.listen("lossless", "kapture.queue.capacity", 1024, "kapture.drop.policy", "BLOCK");
    }

    @Test
    void switchingDeliveryAppliesFromTheNextFrameWithoutARestart() {
        RecordingListener listener = lossless();
        fixture.running();

        fixture.source().produce(20);
        fixture.awaitCaptured(20);
        fixture.configure("delivery", "zerocopy");
        fixture.source().produce(20);
        fixture.awaitCaptured(40);
        fixture.configure("delivery", "copy");
        fixture.source().produce(20);

        eventually(() -> listener.received() == 60);
        assertEquals(LongStream.range(0, 60).boxed().toList(), listener.sequences());
        assertEquals(0, listener.badFrames());
        assertEquals(40, fixture.copy.wraps());
        assertEquals(20, fixture.zerocopy.wraps());
        assertEquals(1, fixture.provider.openAttempts(), "the stream was never restarted");
        assertEquals("copy", fixture.session.delivery());
    }

    @Test
    void switchingBackAndForthUnderLoadLosesAndDuplicatesNothing() throws InterruptedException {
        RecordingListener listener = lossless();
        fixture.running("buffers", 8);
        AtomicBoolean producing = new AtomicBoolean(true);
        AtomicInteger produced = new AtomicInteger();
        Thread producer = new Thread(() -> {
            while (producing.get()) {
                fixture.source().produce(1);
                produced.incrementAndGet();
            }
        }, "test-producer");
        producer.start();
        try {
            for (int round = 0; round < 20; round++) {
                fixture.configure("delivery", round % 2 == 0 ? "zerocopy" : "copy");
                int target = produced.get() + 10;
                eventually(() -> produced.get() >= target);
            }
        } finally {
            producing.set(false);
            producer.join();
        }

        eventually(() -> listener.received() == produced.get());
        assertEquals(LongStream.range(0, produced.get()).boxed().toList(), listener.sequences());
        assertEquals(0, fixture.stats().sequenceGaps());
        assertEquals(produced.get(), fixture.copy.wraps() + fixture.zerocopy.wraps());
        assertTrue(fixture.copy.wraps() > 0 && fixture.zerocopy.wraps() > 0);
        assertEquals(1, fixture.provider.openAttempts());
        fixture.session.stop();
        assertEquals(0, fixture.source().outstandingAtStop(), "both strategies gave every buffer back");
        assertEquals(0, fixture.source().duplicateQueues());
    }

    @Test
    void aMissingStrategyMakesTheCameraWaitAndItsArrivalStartsIt() {
        fixture.configure("delivery", "pool");

        fixture.awaitState(SessionState.WAITING);
        assertEquals("camera cam0: delivery strategy 'pool' is not available; available: copy, zerocopy",
                fixture.session.lastError().orElseThrow());
        assertEquals(0, fixture.provider.openAttempts());

        fixture.session.addStrategy(fixture.copy, "pool");

        fixture.session.awaitSettled();

        fixture.awaitState(SessionState.RUNNING);
        assertTrue(fixture.session.lastError().isEmpty());
    }

    @Test
    void switchingARunningCameraToAMissingStrategyIsRejectedAndTheCameraKeepsDelivering() {
        fixture.running();
        fixture.source().produce(2);
        fixture.awaitCaptured(2);

        fixture.configure("delivery", "turbo");

        assertEquals(SessionState.RUNNING, fixture.session.state());
        assertFalse(fixture.source().isClosed());
        assertEquals("copy", fixture.session.delivery());
        assertEquals("camera cam0: delivery 'turbo' is not registered; available: copy, zerocopy; still delivering"
                + " with 'copy'", fixture.session.lastError().orElseThrow());
        fixture.source().produce(3);
        fixture.awaitCaptured(5);
        assertEquals(5, fixture.copy.wraps());
    }

    @Test
    void losingTheStrategyInUseStopsTheStreamAndWaits() {
        fixture.running("delivery", "zerocopy");
        fixture.source().produce(3);
        fixture.awaitCaptured(3);

        fixture.session.removeStrategy(fixture.zerocopy);

        fixture.session.awaitSettled();

        assertEquals(SessionState.WAITING, fixture.session.state());
        assertTrue(fixture.source().isClosed());
        assertEquals(0, fixture.source().outstandingAtStop());
        fixture.session.addStrategy(fixture.zerocopy, "zerocopy");
        fixture.session.awaitSettled();
        fixture.awaitState(SessionState.RUNNING);
        assertEquals(2, fixture.provider.opened().size());
    }
}
