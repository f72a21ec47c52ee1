package io.kapture.processor.recorder.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The pre-roll ring with frames that are not all key frames (H.264): it begins at a key frame, goes out a group at a
 * time, and covers at least its span when it can.
 */
class PrerollRingTest {

    private static final long FRAME = 100_000_000L; // 10 fps

    @Test
    void aGroupGoesOutOnlyOnceAllOfItIsOlderThanTheSpan() {
        PrerollRing ring = new PrerollRing(10 * FRAME, 1_000_000);
        for (int n = 0; n <= 25; n++) {
            ring.add(frame(n, n % 8 == 0, 100));
        }
        // groups begin at 0, 8, 16, 24; at frame 25 the group 0..7 lies wholly beyond 1 s (25 - 7 > 10), the group
        // 8..15 not (25 - 15 = 10): the ring begins at 8, 1.7 s back
        List<EncodedFrame> drained = ring.drain();
        assertEquals(8, drained.get(0).sequence());
        assertEquals(18, drained.size());
        assertEquals(0, ring.frames());
    }

    @Test
    void theByteBoundPushesOutWholeGroupsAndCountsTheirFrames() {
        PrerollRing ring = new PrerollRing(100 * FRAME, 1000);
        for (int n = 0; n < 12; n++) {
            ring.add(frame(n, n % 4 == 0, 100));
        }
        // 1200 bytes: the group 0..3 goes, 800 remain
        assertEquals(800, ring.bytes());
        assertEquals(4, ring.droppedForMemory());
        assertEquals(4, ring.drain().get(0).sequence());
    }

    @Test
    void framesBeforeTheFirstKeyFrameAreNotKept() {
        PrerollRing ring = new PrerollRing(10 * FRAME, 1_000_000);
        ring.add(frame(0, false, 100));
        ring.add(frame(1, false, 100));
        assertEquals(0, ring.frames());
        ring.add(frame(2, true, 100));
        ring.add(frame(3, false, 100));
        assertTrue(ring.drain().get(0).keyFrame());
    }

    @Test
    void withOnlyKeyFramesTheSpanIsExact() {
        PrerollRing ring = new PrerollRing(10 * FRAME, 1_000_000);
        for (int n = 0; n <= 25; n++) {
            ring.add(frame(n, true, 100));
        }
        List<EncodedFrame> drained = ring.drain();
        assertEquals(15, drained.get(0).sequence());
        assertEquals(11, drained.size());
    }

    private static EncodedFrame frame(long n, boolean key, int size) {
        return new EncodedFrame(ByteBuffer.allocate(size).asReadOnlyBuffer(), n * FRAME, 0, n, 16, 16, key);
    }
}
