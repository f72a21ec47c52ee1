package io.kapture.engine.internal.session;

import static io.kapture.engine.internal.session.SessionFixture.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.kapture.api.Frame;
import io.kapture.engine.internal.fakes.RecordingListener;

/**
 * A source that cannot lend its buffers (here a fake that, like v4l2loopback, writes its buffers in turn whether or
 * not they came back) is delivered with a copying strategy when the configuration asks for zero-copy, at start and
 * on a live switch, and the session says so; a device that lends safely gets zero-copy again.
 */
class LendingRefusedTest {

    private static final String WHY = "driver 'fake loopback' writes into buffers it handed out";

    private final SessionFixture fixture = new SessionFixture().withServices();

    @AfterEach
    void close() {
        fixture.close();
    }

    private RecordingListener keeper() {
        return fixture.listen(new RecordingListener(SessionFixture.CAMERA).retainingAll(), "keeper",
                "kapture.queue.capacity", 1024, "kapture.drop.policy", "BLOCK");
    }

    /** Frames one at a time, each captured before the next is written: no frame overwritten before its dequeue. */
    private void produceOneByOne(int count) {
        long captured = fixture.stats().captured();
        for (int i = 1; i <= count; i++) {
            fixture.source().produce(1);
            fixture.awaitCaptured(captured + i);
        }
    }

    @Test
    void framesAListenerHoldsKeepTheirBytesWhenZeroCopyIsConfiguredOnASourceThatCannotLend() {
        fixture.provider.likeLoopback("fake0", WHY);
        RecordingListener keeper = keeper();
        fixture.running("delivery", "zerocopy");

        produceOneByOne(9);

        eventually(() -> keeper.received() == 9);
        List<Frame> held = keeper.retained();
        for (Frame frame : held) {
            assertEquals(frame.sequence(), frame.data().getLong(0), "frame " + frame.sequence()
                    + " was written over while its listener held it");
        }
        held.forEach(Frame::release);
        assertEquals(LongStream.range(0, 9).boxed().toList(), keeper.sequences());
        assertEquals(0, fixture.zerocopy.wraps());
        assertEquals(9, fixture.copy.wraps());
        assertEquals("zerocopy", fixture.session.delivery());
        assertEquals("copy", fixture.session.effectiveDelivery());
        assertEquals(Optional.of("delivering with copy instead of zerocopy: " + WHY),
                fixture.session.deliveryFallback());
        assertTrue(fixture.session.lastError().isEmpty(), "a fallback is no error");
    }

    @Test
    void aLiveSwitchToZeroCopyOnSuchASourceDeliversWithACopyingStrategyAndBackToTheConfiguredOne() {
        fixture.provider.likeLoopback("fake0", WHY);
        fixture.running("delivery", "copy");
        produceOneByOne(2);
        assertEquals(Optional.empty(), fixture.session.deliveryFallback());

        fixture.configure("delivery", "zerocopy");
        produceOneByOne(3);

        assertEquals(0, fixture.zerocopy.wraps());
        assertEquals(5, fixture.copy.wraps());
        assertEquals("copy", fixture.session.effectiveDelivery());
        assertTrue(fixture.session.deliveryFallback().orElseThrow().endsWith(WHY));
        assertEquals(1, fixture.provider.openAttempts(), "switched without a restart");

        fixture.configure("delivery", "copy");

        assertEquals("copy", fixture.session.effectiveDelivery());
        assertEquals(Optional.empty(), fixture.session.deliveryFallback());
    }

    @Test
    void aDeviceThatLendsSafelyGetsZeroCopyAgain() {
        fixture.provider.likeLoopback("fake0", WHY);
        fixture.running("delivery", "zerocopy");
        assertEquals("copy", fixture.session.effectiveDelivery());

        fixture.running("device", "fake1");
        eventually(() -> fixture.source().isStreaming());
        fixture.source().produce(3);
        fixture.awaitCaptured(3);

        assertEquals(2, fixture.provider.opened().size());
        assertEquals("zerocopy", fixture.session.effectiveDelivery());
        assertEquals(Optional.empty(), fixture.session.deliveryFallback());
        assertEquals(3, fixture.zerocopy.wraps());
    }

    @Test
    void aStoppedCameraShowsItsConfiguredDelivery() {
        fixture.provider.likeLoopback("fake0", WHY);
        fixture.running("delivery", "zerocopy");

        fixture.session.stop();

        assertEquals("zerocopy", fixture.session.effectiveDelivery());
        assertEquals(Optional.empty(), fixture.session.deliveryFallback());
    }
}
