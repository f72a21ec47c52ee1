package io.kapture.processor.motion.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.osgi.service.event.Event;

import io.kapture.api.FrameFormat;
import io.kapture.api.FrameListener;
import io.kapture.api.PixelFormat;
import io.kapture.processor.motion.MotionEvents;
import io.kapture.testing.ComponentConfig;
import io.kapture.testing.FeedFixture;
import io.kapture.testing.SyntheticFeed;
import io.kapture.testing.TestFrame;

/**
 * The whole detector as a component, fed by the synthetic camera: its bouncing box must start motion, a still
 * scene must stay silent, and motion must end after the quiet time (and when the detector stops).
 */
class MotionEventsTest extends FeedFixture {

    private static final ComponentConfig<Config> CAM0 = ComponentConfig.of(Config.class).with("camera", "cam0");

    private final FakeEventAdmin events = new FakeEventAdmin();

    @Test
    void subscribesToItsCameraWithAShortQueueThatDropsTheOldest() {
        new MotionComponent(registrar, events, CAM0.as(DetectorSettings::from));

        assertEquals(Map.of(FrameListener.CAMERA, "cam0", FrameListener.QUEUE_CAPACITY, 2, FrameListener.DROP_POLICY,
                "DROP_OLDEST", FrameListener.NAME, "motion:cam0",
                FrameListener.DELIVERY_THREAD, true), registrar.subscriber().properties());
    }

    @ParameterizedTest
    @EnumSource(value = PixelFormat.class, names = { "YUYV", "NV12", "GREY", "MJPEG" })
    void theMovingBoxStartsMotionWithItsBoundingBox(PixelFormat pixelFormat) {
        // The region leaves out the sequence code and digits at the top, which change in every frame.
        new MotionComponent(registrar, events, CAM0.with("roi", "0,10,100,90").as(DetectorSettings::from));
        feed = SyntheticFeed.timeline("cam0", "box", 640, 480, pixelFormat);
        for (int i = 0; i < 40; i++) {
            feed.next();
        }

        deliver(30);

        assertEquals(List.of(MotionEvents.TOPIC_START), events.topics(), "one START, no END while it moves");
        Event start = events.events.get(0);
        assertEquals("cam0", start.getProperty(MotionEvents.CAMERA));
        assertEquals(41L, start.getProperty(MotionEvents.SEQUENCE), "the first frame after the reference moved");
        assertEquals(1_700_000_000_000L + 41 * SyntheticFeed.FRAME_NANOS / 1_000_000,
                start.getProperty(MotionEvents.TIME));
        double score = (Double) start.getProperty(MotionEvents.SCORE);
        assertTrue(score >= 0.005 && score < 0.05, "score " + score);
        int x = (Integer) start.getProperty(MotionEvents.BBOX_X);
        int y = (Integer) start.getProperty(MotionEvents.BBOX_Y);
        int width = (Integer) start.getProperty(MotionEvents.BBOX_WIDTH);
        int height = (Integer) start.getProperty(MotionEvents.BBOX_HEIGHT);
        // The synthetic box is 80 px square and moves 4 px right and down a frame: at frame 40 it is at 160,160.
        assertTrue(x >= 152 && x <= 168 && y >= 152 && y <= 168 && width >= 80 && width <= 96 && height >= 80
                && height <= 96, "box " + x + "," + y + " " + width + "x" + height);
        assertEquals(0, feed.retains(), "frames are never kept");
    }

    @Test
    void aStillPatternStaysSilent() {
        // The sequence code and digits at the top change every frame; the region leaves them out.
        new MotionComponent(registrar, events, CAM0.with("roi", "0,10,100,90").as(DetectorSettings::from));
        feed = SyntheticFeed.timeline("cam0", "bars", 640, 480, PixelFormat.YUYV);

        deliver(90);

        assertEquals(List.of(), events.topics());
    }

    @Test
    void theSameRegionSeesTheBoxMove() {
        new MotionComponent(registrar, events, CAM0.with("roi", "0,10,100,90").as(DetectorSettings::from));
        feed = SyntheticFeed.timeline("cam0", "box", 640, 480, PixelFormat.YUYV);

        deliver(90);

        assertEquals(List.of(MotionEvents.TOPIC_START), events.topics());
    }

    @Test
    void motionEndsAfterTheQuietTimeWithTheUnionOfItsBoxes() {
        new MotionComponent(registrar, events, CAM0.with("adaptation", 1.0).as(DetectorSettings::from));
        feed = SyntheticFeed.timeline("cam0", "box", 640, 480, PixelFormat.YUYV);
        TestFrame last = null;
        for (int i = 0; i < 20; i++) {
            last = feed.next();
            registrar.deliver(last);
        }
        long lastMoving = last.timestampNanos();
        long sequence = last.sequence();

        // The box stops: the camera keeps sending the same picture. 30 frames are 999,999,990 ns, 10 ns short of
        // the quiet time of 1 s, so the 31st still frame ends the motion.
        for (int i = 1; i <= 30; i++) {
            registrar.deliver(last.toBuilder().sequence(sequence + i)
                    .timestampNanos(lastMoving + i * SyntheticFeed.FRAME_NANOS).build());
        }
        assertEquals(List.of(MotionEvents.TOPIC_START), events.topics(), "still within the quiet time");
        registrar.deliver(last.toBuilder().sequence(sequence + 31)
                .timestampNanos(lastMoving + 31 * SyntheticFeed.FRAME_NANOS).build());

        assertEquals(List.of(MotionEvents.TOPIC_START, MotionEvents.TOPIC_END), events.topics());
        Event end = events.events.get(1);
        assertEquals(sequence + 31, end.getProperty(MotionEvents.SEQUENCE));
        assertEquals(0, end.getProperty(MotionEvents.BBOX_X));
        assertEquals(0, end.getProperty(MotionEvents.BBOX_Y));
        int right = (Integer) end.getProperty(MotionEvents.BBOX_WIDTH);
        int bottom = (Integer) end.getProperty(MotionEvents.BBOX_HEIGHT);
        assertTrue(right >= 80 + 19 * 4 && bottom >= 80 + 19 * 4, "the union covers the box's path: " + right
                + "x" + bottom);
        long duration = (Long) end.getProperty(MotionEvents.DURATION_MILLIS);
        assertEquals(18 * SyntheticFeed.FRAME_NANOS / 1_000_000, duration, 1, "from frame 1 to frame 19");
    }

    @Test
    void stoppingDuringMotionPostsTheEndAndUnregisters() {
        MotionComponent component = new MotionComponent(registrar, events, CAM0.as(DetectorSettings::from));
        feed = SyntheticFeed.timeline("cam0", "box", 640, 480, PixelFormat.YUYV);
        deliver(5);
        FrameListener listener = registrar.subscriber().listener();

        component.deactivate();

        assertEquals(1, registrar.unregistrations());
        assertEquals(List.of(MotionEvents.TOPIC_START, MotionEvents.TOPIC_END), events.topics());
        assertEquals(4L, events.events.get(1).getProperty(MotionEvents.SEQUENCE));
        listener.onFrame(feed.next());
        assertEquals(2, events.events.size(), "a frame still in flight after stopping is ignored");
    }

    @Test
    void stoppingWhileQuietPostsNothing() {
        MotionComponent component = new MotionComponent(registrar, events, CAM0.as(DetectorSettings::from));

        component.deactivate();

        assertEquals(List.of(), events.topics());
    }

    @Test
    void h264FramesAreSkippedWithoutStoppingTheDetector() {
        new MotionComponent(registrar, events, CAM0.as(DetectorSettings::from));
        FrameFormat h264 = FrameFormat.of(640, 480, PixelFormat.H264);

        registrar.deliver(TestFrame.of(h264, new byte[1000]));
        feed = SyntheticFeed.timeline("cam0", "box", 640, 480, PixelFormat.YUYV);
        deliver(5);

        assertEquals(List.of(MotionEvents.TOPIC_START), events.topics());
    }
}
