package io.kapture.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;

import org.junit.jupiter.api.Test;

import io.kapture.api.Frame;
import io.kapture.api.FrameFlags;
import io.kapture.api.FrameFormat;
import io.kapture.api.PixelFormat;

/** Test frames keep the rules of Kapture's frames: read-only views, counted retains, no use after release. */
class TestFrameTest {

    private static final FrameFormat GREY = FrameFormat.of(2, 2, PixelFormat.GREY);

    @Test
    void defaultsFollowTheCaptureTime() {
        TestFrame frame = TestFrame.builder(GREY, new byte[] { 1, 2, 3, 4 }).timestampNanos(2_000_000_000L).build();

        assertEquals(TestFrame.CAMERA, frame.camera());
        assertEquals(TestFrame.EPOCH_MILLIS + 2000, frame.wallClockMillis());
        assertEquals(2_000_000_000L, frame.receivedNanos());
        assertEquals(4, frame.bytesUsed());
        assertFalse(frame.isCorrupted());
    }

    @Test
    void dataAreReadOnlyViewsOfTheirOwn() {
        TestFrame frame = TestFrame.builder(GREY, new byte[] { 1, 2, 3, 4 }).direct().build();
        ByteBuffer first = frame.data();
        first.position(3);

        assertTrue(first.isReadOnly() && first.isDirect());
        assertEquals(0, frame.data().position());
        byte[] copy = new byte[4];
        frame.data().get(copy);
        assertArrayEquals(new byte[] { 1, 2, 3, 4 }, copy);
    }

    @Test
    void aReleasedHandleRefusesEveryAccessorButOthersStayValid() {
        TestFrame frame = TestFrame.builder(GREY, new byte[4]).sequence(7).build();
        Frame kept = frame.retain("test");

        frame.release();
        frame.release();

        assertTrue(frame.isReleased());
        String message = assertThrows(IllegalStateException.class, frame::data).getMessage();
        assertEquals("frame 7 of camera cam0 is already released", message);
        assertThrows(IllegalStateException.class, frame::sequence);
        assertThrows(IllegalStateException.class, () -> frame.retain("late"));
        assertEquals(7, kept.sequence());
        assertEquals(1, frame.retains());
    }

    @Test
    void aRebuiltFrameKeepsTheImageAndTheCounter() {
        TestFrame frame = TestFrame.builder(GREY, new byte[] { 9, 9, 9, 9 }).camera("front").sequence(3).build();

        TestFrame corrupted = frame.toBuilder().flags(FrameFlags.ERROR).build();
        corrupted.retain().release();

        assertTrue(corrupted.isCorrupted());
        assertEquals("front", corrupted.camera());
        assertEquals(3, corrupted.sequence());
        assertEquals(1, frame.retains(), "the rebuilt frame counts into the same counter");
    }
}
