package io.kapture.synthetic.internal;

import static io.kapture.synthetic.internal.Sources.now;
import static io.kapture.synthetic.internal.Sources.painted;
import static io.kapture.synthetic.internal.Sources.streaming;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.kapture.api.FrameFlags;
import io.kapture.api.FrameFormat;
import io.kapture.api.PixelFormat;
import io.kapture.api.spi.DriverBuffer;
import io.kapture.api.spi.FormatRequest;

class SyntheticSourceTest {
    private static final long MS = 1_000_000L;
    private final FakeClock clock = new FakeClock();
    private final SyntheticSourceProvider provider = new SyntheticSourceProvider(clock);
    private final FrameFormat format = FrameFormat.of(64, 48, PixelFormat.YUYV);

    private SyntheticSource start(double fps, int buffers) {
        return streaming(provider, "synthetic", Map.of(), 64, 48, PixelFormat.YUYV, fps, buffers);
    }

    @Test
    void framesDueWithNoBufferQueuedAreLostAsSequenceGaps() throws InterruptedException {
        SyntheticSource source = start(100, 2);
        assertNull(now(source), "nothing is due before the first period");
        clock.advanceMillis(10);
        DriverBuffer first = now(source);
        clock.advanceMillis(10);
        DriverBuffer second = now(source);
        assertEquals(0, first.sequence());
        assertEquals(1, second.sequence());
        assertEquals(0, source.queuedBuffers());

        clock.advanceMillis(30);
        source.queue(first);
        assertEquals(3, source.lostFrames(), "ticks at 30, 40 and 50 ms came before the buffer was back");
        assertEquals(1, source.queuedBuffers());

        clock.advanceMillis(10);
        DriverBuffer next = now(source);
        assertEquals(5, next.sequence(), "sequence skips the three lost frames");
        assertEquals(FakeClock.START + 60 * MS, next.timestampNanos(), "timestamp is the tick's due time");
        assertEquals(5, painted(next, format), "the image carries its sequence number");
        assertNull(now(source));
    }

    @Test
    void aLongPauseLosesFramesWithoutAFrameEachOfWork() throws InterruptedException {
        SyntheticSource source = start(1000, 1);
        clock.advanceMillis(1);
        DriverBuffer buffer = now(source);
        assertEquals(0, buffer.sequence());
        clock.advanceMillis(10_000);
        source.queue(buffer);
        assertEquals(10_000, source.lostFrames());
        clock.advanceMillis(1);
        assertEquals(10_001, now(source).sequence());
    }

    @Test
    void buffersAreFilledInTheOrderTheyWereQueued() throws InterruptedException {
        SyntheticSource source = start(100, 4);
        clock.advanceMillis(40);
        List<DriverBuffer> buffers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            DriverBuffer buffer = now(source);
            assertEquals(i, buffer.index());
            assertEquals(i, buffer.sequence());
            buffers.add(buffer);
        }
        source.queue(buffers.get(2));
        source.queue(buffers.get(0));
        source.queue(buffers.get(3));
        clock.advanceMillis(30);
        assertEquals(2, now(source).index());
        assertEquals(0, now(source).index());
        DriverBuffer last = now(source);
        assertEquals(3, last.index());
        assertEquals(6, last.sequence());
        assertEquals(6, painted(last, format));
    }

    @Test
    void filledBuffersDescribeTheirFrame() throws InterruptedException {
        SyntheticSource source = start(100, 2);
        clock.advanceMillis(10);
        DriverBuffer buffer = now(source);
        assertEquals(format.imageSize(), buffer.bytesUsed());
        assertEquals(format.imageSize(), buffer.memory().capacity());
        assertEquals(0, buffer.memory().position());
        assertEquals(FrameFlags.TIMESTAMP_MONOTONIC, buffer.flags());
        assertEquals(2, source.bufferCount());

        buffer.memory().position(100).limit(200);
        source.queue(buffer);
        clock.advanceMillis(20);
        now(source);
        DriverBuffer again = now(source);
        assertEquals(buffer.index(), again.index());
        assertEquals(0, again.memory().position(), "a careless caller's position does not stick");
        assertEquals(again.memory().capacity(), again.memory().limit());
    }

    @Test
    void dequeueTimesOutWithNull() throws InterruptedException {
        SyntheticSource source = start(100, 2);
        assertNull(source.dequeue(30, TimeUnit.MILLISECONDS), "the frozen clock never makes a frame due");
        assertEquals(2, source.queuedBuffers());
    }

    @Test
    void dequeueWakesUpWhenTheClockReachesTheNextTick() throws InterruptedException {
        SyntheticSource source = streaming(new SyntheticSourceProvider(), "synthetic", Map.of(), 64, 48,
                PixelFormat.YUYV, 200, 2);
        DriverBuffer buffer = source.dequeue(5, TimeUnit.SECONDS);
        assertNotNull(buffer, "a frame is due 5 ms after start on the real clock");
        assertEquals(0, buffer.sequence());
        source.close();
    }

    @Test
    void unthrottledMakesAFrameWheneverABufferIsQueued() throws InterruptedException {
        SyntheticSource source = start(0, 2);
        DriverBuffer first = now(source);
        DriverBuffer second = now(source);
        assertEquals(0, first.sequence());
        assertEquals(1, second.sequence());
        assertNull(now(source));
        clock.advanceMillis(1000);
        source.queue(second);
        DriverBuffer third = now(source);
        assertEquals(1, third.index());
        assertEquals(2, third.sequence());
        assertEquals(0, source.lostFrames());
        assertEquals(2, painted(third, format));
    }

    @Test
    void queueRefusesBuffersThatAreNotDequeuedOrNotOurs() throws InterruptedException {
        SyntheticSource source = start(100, 2);
        SyntheticSource other = start(100, 2);
        clock.advanceMillis(10);
        DriverBuffer mine = now(source);
        DriverBuffer theirs = now(other);

        assertThrows(IllegalArgumentException.class, () -> source.queue(theirs));
        IllegalArgumentException foreign = assertThrows(IllegalArgumentException.class,
                () -> source.queue(new ForeignBuffer(1)));
        assertTrue(foreign.getMessage().contains("index 1"), foreign.getMessage());
        assertThrows(IllegalArgumentException.class, () -> source.queue(null));

        source.queue(mine);
        IllegalStateException twice = assertThrows(IllegalStateException.class, () -> source.queue(mine));
        assertTrue(twice.getMessage().contains("already queued"), twice.getMessage());
        assertEquals(2, source.queuedBuffers());
    }

    @Test
    void queueAfterStopAndBuffersOfAnEarlierRunAreIgnored() throws InterruptedException {
        SyntheticSource source = start(100, 2);
        clock.advanceMillis(10);
        DriverBuffer old = now(source);
        source.stop();
        source.queue(old);
        assertEquals(0, source.bufferCount());
        assertEquals(0, source.queuedBuffers());

        source.start(3);
        source.queue(old);
        assertEquals(3, source.queuedBuffers(), "a buffer of the earlier run does not join the new ring");
        clock.advanceMillis(10);
        assertEquals(0, now(source).sequence(), "sequence numbers restart with the stream");
    }

    @Test
    void lifeCycleViolationsAreRefusedWithClearMessages() {
        SyntheticSource source = (SyntheticSource) provider.open("synthetic", Map.of());
        IllegalStateException early = assertThrows(IllegalStateException.class, () -> source.start(2));
        assertTrue(early.getMessage().contains("negotiate"), early.getMessage());
        assertThrows(IllegalStateException.class, () -> now(source));

        source.negotiate(new FormatRequest(64, 48, PixelFormat.GREY, 30));
        assertThrows(IllegalArgumentException.class, () -> source.start(0));
        assertThrows(IllegalArgumentException.class, () -> source.start(33));
        source.start(2);
        assertThrows(IllegalStateException.class, () -> source.start(2));
        IllegalStateException streaming = assertThrows(IllegalStateException.class,
                () -> source.negotiate(new FormatRequest(64, 48, PixelFormat.GREY, 30)));
        assertTrue(streaming.getMessage().contains("stop()"), streaming.getMessage());

        source.stop();
        source.stop();
        assertThrows(IllegalStateException.class, () -> now(source));
        source.close();
        source.close();
        IllegalStateException closed = assertThrows(IllegalStateException.class,
                () -> source.negotiate(new FormatRequest(64, 48, PixelFormat.GREY, 30)));
        assertTrue(closed.getMessage().contains("closed"), closed.getMessage());
        assertEquals(0, provider.openSources());
    }

    @Test
    void jitterDelaysEachFrameWithinItsBoundAndKeepsTimestampsInOrder() throws InterruptedException {
        SyntheticSource source = streaming(provider, "synthetic", Map.of("synthetic.fault.jitter.ms", "5"), 64, 48,
                PixelFormat.GREY, 100, 4);
        long previous = Long.MIN_VALUE;
        int frames = 0;
        while (frames < 200) {
            clock.advanceNanos(MS / 2);
            DriverBuffer buffer = now(source);
            if (buffer == null) {
                continue;
            }
            long base = FakeClock.START + (buffer.sequence() + 1) * 10 * MS;
            assertTrue(buffer.timestampNanos() >= base && buffer.timestampNanos() <= base + 5 * MS,
                    "frame " + buffer.sequence() + " at " + (buffer.timestampNanos() - base) + " ns after its tick");
            assertTrue(buffer.timestampNanos() >= previous);
            assertEquals(frames, buffer.sequence(), "jitter loses no frame while buffers are queued");
            previous = buffer.timestampNanos();
            frames++;
            source.queue(buffer);
        }
    }

    /** A buffer from somewhere else. */
    private record ForeignBuffer(int index) implements DriverBuffer {
        @Override
        public ByteBuffer memory() {
            return ByteBuffer.allocate(16);
        }

        @Override
        public int bytesUsed() {
            return 16;
        }

        @Override
        public long sequence() {
            return 0;
        }

        @Override
        public long timestampNanos() {
            return 0;
        }

        @Override
        public int flags() {
            return 0;
        }
    }
}
