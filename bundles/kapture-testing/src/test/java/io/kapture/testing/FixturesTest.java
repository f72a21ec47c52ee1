package io.kapture.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.kapture.api.FrameFormat;
import io.kapture.api.FrameListener;
import io.kapture.api.PixelFormat;
import io.kapture.api.listener.ListenerRegistrar;
import io.kapture.api.listener.ListenerRegistrar.Registration;

/** The synthetic feed's timeline and the recording registrar's deliveries. */
class FixturesTest {

    @Test
    void aTimelineFeedStampsFramesAThirtiethOfASecondApart() {
        try (SyntheticFeed feed = SyntheticFeed.timeline("front", "bars", 160, 120, PixelFormat.GREY)) {
            TestFrame first = feed.next();
            TestFrame second = feed.next();
            second.retain().release();

            assertEquals("front", first.camera());
            assertEquals(160 * 120, first.bytesUsed());
            assertEquals(1, second.sequence() - first.sequence());
            assertEquals(SyntheticFeed.FRAME_NANOS, second.timestampNanos());
            assertEquals(1, feed.retains());
        }
    }

    @Test
    void framesGoToTheListenersOfTheirCameraOnly() {
        RecordingRegistrar registrar = new RecordingRegistrar();
        List<String> got = new ArrayList<>();
        registrar.register(frame -> got.add("cam0"), ListenerRegistrar.subscription("cam0", "a", 1));
        Registration other = registrar.register(frame -> got.add("cam1"),
                ListenerRegistrar.subscription("cam1", "b", 1));
        registrar.register(frame -> got.add("all"), Map.of(FrameListener.CAMERA, new String[] { "*" }));
        TestFrame frame = TestFrame.of(FrameFormat.of(2, 2, PixelFormat.GREY), new byte[4]);

        assertEquals(2, registrar.deliver(frame));
        other.close();
        other.close();

        assertEquals(List.of("cam0", "all"), got);
        assertEquals(3, registrar.registrations());
        assertEquals(1, registrar.unregistrations());
        assertEquals(2, registrar.subscribers().size());
        assertThrows(IllegalStateException.class, registrar::subscriber);
    }
}
