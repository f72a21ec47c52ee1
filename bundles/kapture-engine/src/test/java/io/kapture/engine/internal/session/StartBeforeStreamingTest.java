package io.kapture.engine.internal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import io.kapture.engine.internal.fakes.RecordingListener;

/**
 * What is slow the first time is done before the source streams: when the device's STREAMON is reached (the fake
 * source's {@code start}), the capture thread and every listener's delivery thread already run and the delivery
 * path has been rehearsed, so the first real frames find warm code instead of filling the driver's few buffers while
 * threads start and classes load. Before this, both threads were started after STREAMON and the first real frame was
 * the first ever through the strategy.
 */
class StartBeforeStreamingTest {

    @Test
    void threadsRunAndTheDeliveryPathIsRehearsedBeforeTheSourceStreams() {
        try (SessionFixture fixture = new SessionFixture().withServices()) {
            RecordingListener listener = fixture.listen("first");
            AtomicReference<List<String>> threadsAtStart = new AtomicReference<>();
            AtomicLong wrapsAtStart = new AtomicLong(-1);
            fixture.provider.onStart(() -> {
                threadsAtStart.set(SessionFixture.streamThreads());
                wrapsAtStart.set(fixture.copy.rehearsals());
            });
            fixture.running();
            fixture.source().produce(3);
            fixture.awaitCaptured(3);
            SessionFixture.eventually(() -> listener.received() == 3);

            assertTrue(threadsAtStart.get().contains("kapture-capture-" + SessionFixture.CAMERA),
                    "capture thread running at STREAMON: " + threadsAtStart.get());
            assertTrue(threadsAtStart.get().contains("kapture-" + SessionFixture.CAMERA + "-first"),
                    "the listener's delivery thread running at STREAMON: " + threadsAtStart.get());
            assertEquals(Rehearsal.FRAMES, wrapsAtStart.get(), "frames rehearsed through the strategy by STREAMON");
            assertEquals(List.of(0L, 1L, 2L), listener.sequences(), "the listener sees only the real frames");
            assertEquals(3, fixture.copy.wraps(), "device frames wrapped");
            assertEquals(3, fixture.stats().captured(), "the rehearsal is not counted");
            assertEquals(0, fixture.stats().sequenceGaps());
            assertEquals(3, fixture.listenerStats("first").delivered());
        }
    }
}
