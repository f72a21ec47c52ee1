package io.kapture.engine.internal.session;

import static io.kapture.engine.internal.session.SessionFixture.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.kapture.api.CaptureStats;
import io.kapture.api.DropPolicy;
import io.kapture.api.FrameFormat;
import io.kapture.api.FramePool;
import io.kapture.api.FramePoolStats;
import io.kapture.api.ListenerStats;
import io.kapture.api.PixelFormat;
import io.kapture.engine.internal.fakes.RecordingListener;

/** Frames reach listeners in order with their content, per camera filter, and are counted. */
class FrameFlowTest {

    private final SessionFixture fixture = new SessionFixture().withServices();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void framesReachAListenerInOrderWithTheirContent() {
        RecordingListener listener = fixture.listen("recorder", "kapture.queue.capacity", 64,
                "kapture.drop.policy", "BLOCK");
        fixture.running();

        fixture.source().produce(100);

        fixture.awaitCaptured(100);
        eventually(() -> listener.received() == 100);
        assertEquals(LongStream.range(0, 100).boxed().toList(), listener.sequences());
        assertEquals(0, listener.badFrames());
        assertEquals(FrameFormat.of(16, 4, PixelFormat.GREY), fixture.session.format().orElseThrow());
        CaptureStats stats = fixture.stats();
        assertEquals(100, stats.captured());
        assertEquals(0, stats.sequenceGaps());
        ListenerStats recorder = fixture.listenerStats("recorder");
        eventually(() -> fixture.listenerStats("recorder").delivered() == 100);
        assertEquals(DropPolicy.BLOCK, recorder.policy());
        assertEquals(64, recorder.queueCapacity());
        assertEquals("test.bundle", recorder.bundle());
        assertTrue(fixture.listenerStats("recorder").latencyMaxNanos() >= fixture.listenerStats("recorder")
                .latencyP50Nanos());
    }

    @Test
    void listenersGetOnlyTheCamerasTheyAskFor() {
        RecordingListener all = fixture.listen("all", "kapture.camera", "*");
        RecordingListener unfiltered = fixture.listen("unfiltered");
        RecordingListener listed = fixture.listen("listed", "kapture.camera", new String[] { "cam9", "cam0" });
        RecordingListener other = fixture.listen(new RecordingListener("cam1"), "other", "kapture.camera", "cam1");
        fixture.running();

        fixture.source().produce(5);

        eventually(() -> all.received() == 5 && unfiltered.received() == 5 && listed.received() == 5);
        assertEquals(0, other.received());
        assertEquals(List.of("all", "unfiltered", "listed"),
                fixture.stats().listeners().stream().map(ListenerStats::name).toList());
        assertEquals("cam9,cam0", fixture.listenerStats("listed").cameraFilter());
    }

    @Test
    void sequenceGapsAndCorruptedFramesAreCounted() {
        RecordingListener listener = fixture.listen("recorder");
        fixture.running();

        fixture.source().produce(3);
        fixture.source().skip(4);
        fixture.source().corruptNext();
        fixture.source().produce(2);
        fixture.source().skip(1);
        fixture.source().produce(1);

        fixture.awaitCaptured(6);
        CaptureStats stats = fixture.stats();
        assertEquals(5, stats.sequenceGaps());
        assertEquals(1, stats.corrupted());
        eventually(() -> listener.received() == 6);
        assertEquals(List.of(0L, 1L, 2L, 7L, 8L, 10L), listener.sequences());
    }

    /** Issue 18: a listener saw 0, 0, 1, 2, 14. The driver numbered two frames alike; each is still one frame. */
    @Test
    void aRepeatedSequenceNumberIsCountedAsARepeatAndEachFrameDeliveredOnce() {
        RecordingListener first = fixture.listen("first", "kapture.queue.capacity", 16, "kapture.drop.policy",
                "BLOCK");
        RecordingListener second = fixture.listen("second", "kapture.queue.capacity", 16, "kapture.drop.policy",
                "BLOCK");
        fixture.running();

        fixture.source().produce(1);
        fixture.source().numberNext(0);
        fixture.source().produce(3);
        fixture.source().skip(11);
        fixture.source().produce(1);

        fixture.awaitCaptured(5);
        eventually(() -> first.received() == 5 && second.received() == 5);
        assertEquals(List.of(0L, 0L, 1L, 2L, 14L), first.sequences());
        assertEquals(List.of(0L, 0L, 1L, 2L, 14L), second.sequences());
        assertEquals(0, first.badFrames() + second.badFrames());
        CaptureStats stats = fixture.stats();
        assertEquals(5, stats.captured());
        assertEquals(11, stats.sequenceGaps(), "only 3..13 are missing; the repeated 0 is no gap");
        assertEquals(1, stats.sequenceRepeats());
        eventually(() -> fixture.listenerStats("first").delivered() == 5
                && fixture.listenerStats("second").delivered() == 5);
        assertEquals(0, stats.dropped());
    }

    @Test
    void aSequenceNumberThatGoesBackIsCountedAsARepeatAndGapsCountOnFromIt() {
        RecordingListener listener = fixture.listen("recorder", "kapture.queue.capacity", 16, "kapture.drop.policy",
                "BLOCK");
        fixture.running();

        fixture.source().numberNext(5);
        fixture.source().produce(1);
        fixture.source().numberNext(3);
        fixture.source().produce(2);
        fixture.source().skip(1);
        fixture.source().produce(1);

        fixture.awaitCaptured(4);
        eventually(() -> listener.received() == 4);
        assertEquals(List.of(5L, 3L, 4L, 6L), listener.sequences());
        CaptureStats stats = fixture.stats();
        assertEquals(1, stats.sequenceRepeats());
        assertEquals(1, stats.sequenceGaps(), "5 to 3 is no gap; 4 to 6 is one");
    }

    @Test
    void statsShowTheDriverBuffersAndTheBoundPool() {
        fixture.running();
        assertEquals(4, fixture.stats().bufferCount());
        assertEquals(4, fixture.stats().queuedBuffers());
        assertTrue(fixture.stats().pool().isEmpty());
        FramePoolStats poolStats = new FramePoolStats(10, 9, 2, 1, 4096, 1 << 20);
        FramePool pool = new FramePool() {
            @Override
            public ByteBuffer acquire(int minCapacity, BufferKind kind) {
                throw new UnsupportedOperationException("the engine only reads the pool's statistics");
            }

            @Override
            public void release(ByteBuffer buffer) {
                throw new UnsupportedOperationException("the engine only reads the pool's statistics");
            }

            @Override
            public FramePoolStats stats() {
                return poolStats;
            }
        };

        fixture.session.setPool(pool);
        assertEquals(poolStats, fixture.stats().pool().orElseThrow());
        fixture.session.unsetPool(pool);
        assertTrue(fixture.stats().pool().isEmpty());
    }

    @Test
    void theProviderGetsTheWholeConfiguration() {
        fixture.running("synthetic.pattern", "noise");

        assertEquals("noise", fixture.provider.lastOptions().get("synthetic.pattern"));
        assertEquals("fake0", fixture.provider.lastOptions().get("device"));
    }
}
