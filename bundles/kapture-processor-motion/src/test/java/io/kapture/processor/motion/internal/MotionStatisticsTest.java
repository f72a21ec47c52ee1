package io.kapture.processor.motion.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.kapture.api.FrameFlags;
import io.kapture.api.FrameFormat;
import io.kapture.api.PixelFormat;
import io.kapture.processor.motion.MotionActivity;
import io.kapture.processor.motion.MotionEvents;
import io.kapture.testing.ComponentConfig;
import io.kapture.testing.FeedFixture;
import io.kapture.testing.SyntheticFeed;
import io.kapture.testing.TestFrame;

/**
 * What {@code MotionStatistics} tells: the synthetic camera's box moves, stops and moves again, and the counts
 * follow the events the detector posts (a START counted as it is posted, an END with the duration it carries, in
 * its duration class); a detector stopped during motion counts the END it posts; the service lists detectors by
 * camera as SCR binds them; frames the detector refuses are counted with the newest reason.
 */
class MotionStatisticsTest extends FeedFixture {

    private static final ComponentConfig<Config> CAM0 = ComponentConfig.of(Config.class).with("camera", "cam0")
            .with("adaptation", 1.0);

    private final FakeEventAdmin events = new FakeEventAdmin();

    @Test
    void countsFollowTheEventsThroughTwoPeriods() {
        MotionComponent detector = new MotionComponent(registrar, events, CAM0.as(DetectorSettings::from));
        feed = SyntheticFeed.timeline("cam0", "box", 640, 480, PixelFormat.YUYV);
        assertEquals(new MotionActivity("cam0", false, 0, 0, 0, 0, List.of(0L, 0L, 0L, 0L, 0L)), detector.activity());

        TestFrame last = moveFor(20);
        MotionActivity moving = detector.activity();
        assertEquals(List.of(MotionEvents.TOPIC_START), events.topics());
        assertTrue(moving.active());
        assertEquals(1, moving.periods());
        assertEquals(events.events.get(0).getProperty(MotionEvents.TIME), moving.lastStartMillis());
        assertEquals(0, moving.periodsEnded());

        last = standStill(last, 31);
        assertEquals(List.of(MotionEvents.TOPIC_START, MotionEvents.TOPIC_END), events.topics());
        long duration = (Long) events.events.get(1).getProperty(MotionEvents.DURATION_MILLIS);
        assertEquals(600, duration, 1, "frames 1 to 19 of 30 fps");
        assertEquals(new MotionActivity("cam0", false, 1, moving.lastStartMillis(), 1, duration,
                List.of(1L, 1L, 1L, 1L, 1L)), detector.activity(), "0.6 s is within every bound");

        // the box moves on from where it stood, for 2 s this time, and stops again
        long restart = last.sequence();
        for (int i = 0; i < 61; i++) {
            feed.next();
        }
        last = moveFor(61);
        standStill(last, 31);
        MotionActivity twice = detector.activity();
        long second = (Long) events.events.get(3).getProperty(MotionEvents.DURATION_MILLIS);
        assertTrue(second > 1_000 && second <= 5_000, "second period " + second + " ms after frame " + restart);
        assertEquals(new MotionActivity("cam0", false, 2, (Long) events.events.get(2).getProperty(MotionEvents.TIME),
                2, duration + second, List.of(1L, 2L, 2L, 2L, 2L)), twice);
    }

    @Test
    void aDetectorStoppedDuringMotionCountsTheEndItPosts() {
        MotionComponent detector = new MotionComponent(registrar, events, CAM0.as(DetectorSettings::from));
        feed = SyntheticFeed.timeline("cam0", "box", 640, 480, PixelFormat.YUYV);
        moveFor(10);

        detector.deactivate();

        assertEquals(List.of(MotionEvents.TOPIC_START, MotionEvents.TOPIC_END), events.topics());
        MotionActivity stopped = detector.activity();
        assertFalse(stopped.active());
        assertEquals(1, stopped.periodsEnded());
        assertEquals(events.events.get(1).getProperty(MotionEvents.DURATION_MILLIS), stopped.motionMillis());
    }

    @Test
    void framesTheDetectorCannotAnalyseAreCountedWithTheNewestReason() {
        MotionComponent detector = new MotionComponent(registrar, events, CAM0.as(DetectorSettings::from));
        FrameFormat h264 = FrameFormat.of(640, 480, PixelFormat.H264);
        registrar.deliver(TestFrame.of(h264, new byte[1000]));
        registrar.deliver(TestFrame.of(h264, new byte[1000]));

        MotionActivity compressed = detector.activity();
        assertEquals(2, compressed.framesSkipped());
        assertTrue(compressed.lastSkipReason().startsWith("H264 frames are compressed"), compressed.lastSkipReason());
        assertTrue(compressed.line().endsWith("; 2 frames not analysed, the last: " + compressed.lastSkipReason()),
                compressed.line());

        // a raw frame whose buffer is shorter than its format says: the same count, a newer reason
        registrar.deliver(TestFrame.of(FrameFormat.of(640, 480, PixelFormat.YUYV), new byte[100]));
        MotionActivity truncated = detector.activity();
        assertEquals(3, truncated.framesSkipped());
        assertTrue(truncated.lastSkipReason().endsWith("the buffer holds 100"), truncated.lastSkipReason());

        feed = SyntheticFeed.timeline("cam0", "box", 640, 480, PixelFormat.YUYV);
        moveFor(5);
        assertEquals(List.of(MotionEvents.TOPIC_START), events.topics(), "the detector goes on with good frames");
        assertEquals(3, detector.activity().framesSkipped(), "analysed frames are not skipped ones");
    }

    @Test
    void framesTheDriverFlagsCorruptedAreCountedNotTakenForMotion() {
        MotionComponent detector = new MotionComponent(registrar, events, CAM0.as(DetectorSettings::from));
        feed = SyntheticFeed.timeline("cam0", "box", 640, 480, PixelFormat.YUYV);
        TestFrame still = standStill(moveFor(1), 10);
        byte[] garbled = new byte[still.format().width() * still.format().height() * 2];
        Arrays.fill(garbled, (byte) 0xFF); // a white frame where the box stood on black: motion, were it analysed
        TestFrame flagged = TestFrame.of(still.format(), garbled).toBuilder().camera("cam0")
                .sequence(still.sequence() + 1).timestampNanos(still.timestampNanos() + SyntheticFeed.FRAME_NANOS)
                .flags(FrameFlags.ERROR).build();
        registrar.deliver(flagged);

        assertEquals(List.of(), events.topics(), "a frame the driver flagged corrupted is no motion");
        MotionActivity skipped = detector.activity();
        assertEquals(1, skipped.framesSkipped());
        assertTrue(skipped.lastSkipReason().contains("corrupted"), skipped.lastSkipReason());

        registrar.deliver(flagged.toBuilder().sequence(flagged.sequence() + 1).flags(0).build());
        assertEquals(List.of(MotionEvents.TOPIC_START), events.topics(), "the same picture unflagged is motion");
    }

    @Test
    void theServiceListsTheDetectorsByCameraAsTheyAreBound() {
        MotionStatisticsService service = new MotionStatisticsService();
        MotionComponent cam1 = new MotionComponent(registrar, events, CAM0.with("camera", "cam1")
                .as(DetectorSettings::from));
        MotionComponent cam0 = new MotionComponent(registrar, events, CAM0.as(DetectorSettings::from));
        assertEquals(List.of(), service.detectors());

        service.addDetector(cam1);
        service.addDetector(cam0);
        assertEquals(List.of("cam0", "cam1"), service.detectors().stream().map(MotionActivity::camera).toList());

        service.removeDetector(cam0);
        assertEquals(List.of("cam1"), service.detectors().stream().map(MotionActivity::camera).toList());
    }

    @Test
    void aLineTellsWhetherThereIsMotionAndHowMuchThereWas() {
        assertEquals("cam0: motion since 2024-12-05T04:01:00.500Z, 5 periods; 97.5 s of motion in the 4 ended",
                new MotionActivity("cam0", true, 5, 1_733_371_260_500L, 4, 97_500, List.of(1L, 2L, 3L, 3L, 4L))
                        .line());
        assertEquals("cam1: still, 1 period; 0.6 s of motion in the 1 ended",
                new MotionActivity("cam1", false, 1, 1_733_371_260_500L, 1, 600, List.of(1L, 1L, 1L, 1L, 1L))
                        .line());
    }

    @Test
    void twoDetectorsOfOneCameraAddUp() {
        MotionActivity still = new MotionActivity("cam0", false, 3, 1_733_371_200_000L, 3, 7_500,
                List.of(1L, 2L, 3L, 3L, 3L));
        MotionActivity moving = new MotionActivity("cam0", true, 2, 1_733_371_260_500L, 1, 90_000,
                List.of(0L, 0L, 0L, 0L, 1L));

        assertEquals(new MotionActivity("cam0", true, 5, 1_733_371_260_500L, 4, 97_500, List.of(1L, 2L, 3L, 3L, 4L)),
                still.plus(moving));
        assertEquals(still.plus(moving), moving.plus(still));

        MotionActivity skipping = new MotionActivity("cam0", false, 0, 0, 0, 0, List.of(0L, 0L, 0L, 0L, 0L), 7,
                "H264 frames are compressed");
        MotionActivity both = still.plus(skipping);
        assertEquals(7, both.framesSkipped());
        assertEquals("H264 frames are compressed", both.lastSkipReason(), "the reason of the one that skipped");
        assertEquals(both, skipping.plus(still));
    }

    @Test
    void anActivityNeedsOneCountPerDurationBound() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new MotionActivity("cam0", false, 0, 0, 0, 0, List.of(0L)));
        assertTrue(refused.getMessage().contains("needs 5 counts"), refused.getMessage());
    }

    /** Delivers {@code frames} frames of the moving box; returns the last. */
    private TestFrame moveFor(int frames) {
        TestFrame last = null;
        for (int i = 0; i < frames; i++) {
            last = feed.next();
            registrar.deliver(last);
        }
        return last;
    }

    /** Delivers {@code frames} copies of {@code last}, 30 fps on from it: the box stands still. */
    private TestFrame standStill(TestFrame last, int frames) {
        TestFrame still = last;
        for (int i = 1; i <= frames; i++) {
            still = last.toBuilder().sequence(last.sequence() + i)
                    .timestampNanos(last.timestampNanos() + i * SyntheticFeed.FRAME_NANOS).build();
            registrar.deliver(still);
        }
        return still;
    }
}
