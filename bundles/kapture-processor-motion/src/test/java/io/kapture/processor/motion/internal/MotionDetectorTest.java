package io.kapture.processor.motion.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import io.kapture.api.FrameFormat;
import io.kapture.api.PixelFormat;
import io.kapture.testing.ComponentConfig;

/** The differencing itself, on GREY images drawn by the tests so every expected cell is known. */
class MotionDetectorTest {

    private static final ComponentConfig<Config> CAM0 = ComponentConfig.of(Config.class).with("camera", "cam0");

    private static final FrameFormat GREY = FrameFormat.of(320, 240, PixelFormat.GREY);
    private final Measurement measurement = new Measurement();

    @Test
    void theFirstFrameOnlyPrimesTheReference() {
        MotionDetector detector = new MotionDetector(CAM0.as(DetectorSettings::from));

        assertFalse(detector.analyse(image(square(40, 40, 32)), GREY, measurement));
        assertTrue(detector.analyse(image(square(40, 40, 32)), GREY, measurement));
        assertEquals(0, measurement.changedCells);
    }

    @Test
    void aSquareThatAppearsIsFoundWithItsBoundingBox() {
        MotionDetector detector = new MotionDetector(CAM0.as(DetectorSettings::from));
        detector.analyse(image(background()), GREY, measurement);

        assertTrue(detector.analyse(image(square(80, 48, 32)), GREY, measurement));

        assertEquals(16, measurement.changedCells, "a 32x32 square covers 4x4 cells of 8 px");
        assertEquals(40 * 30, measurement.totalCells);
        assertEquals(80, measurement.x);
        assertEquals(48, measurement.y);
        assertEquals(32, measurement.width);
        assertEquals(32, measurement.height);
        assertEquals(16.0 / 1200, measurement.score(), 1e-9);
    }

    @Test
    void sensorNoiseBelowTheThresholdIsNotMotion() {
        MotionDetector detector = new MotionDetector(CAM0.as(DetectorSettings::from));
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 50; i++) {
            byte[] noisy = background();
            for (int p = 0; p < noisy.length; p++) {
                noisy[p] = (byte) (100 + random.nextInt(-12, 13));
            }
            if (detector.analyse(image(noisy), GREY, measurement)) {
                assertEquals(0, measurement.changedCells, "frame " + i);
            }
        }
    }

    @Test
    void changesOutsideTheRegionOfInterestAreIgnored() {
        MotionDetector detector = new MotionDetector(CAM0.with("roi", "50,0,50,100").as(DetectorSettings::from));
        detector.analyse(image(background()), GREY, measurement);

        detector.analyse(image(square(40, 40, 64)), GREY, measurement);
        assertEquals(0, measurement.changedCells, "the square is in the left half");
        assertEquals(20 * 30, measurement.totalCells);

        detector.analyse(image(square(200, 40, 64)), GREY, measurement);
        assertEquals(64, measurement.changedCells, "an 8x8-cell square in the right half");
        assertEquals(200, measurement.x);
    }

    @Test
    void withFullAdaptationEachFrameIsComparedWithThePreviousOne() {
        MotionDetector detector = new MotionDetector(CAM0.with("adaptation", 1.0).as(DetectorSettings::from));
        detector.analyse(image(background()), GREY, measurement);
        detector.analyse(image(square(80, 48, 32)), GREY, measurement);
        assertEquals(16, measurement.changedCells);

        detector.analyse(image(square(80, 48, 32)), GREY, measurement);

        assertEquals(0, measurement.changedCells, "the square stood still since the previous frame");
    }

    @Test
    void aSlowReferenceAbsorbsAChangeThatStays() {
        MotionDetector detector = new MotionDetector(CAM0.as(DetectorSettings::from));
        detector.analyse(image(background()), GREY, measurement);
        int frames = 0;
        do {
            detector.analyse(image(square(80, 48, 32)), GREY, measurement);
            frames++;
        } while (measurement.changedCells > 0 && frames < 100);

        assertTrue(frames > 5 && frames < 40, "a square that stays is background after " + frames + " frames");
    }

    @Test
    void aNewFrameSizeStartsANewReference() {
        MotionDetector detector = new MotionDetector(CAM0.as(DetectorSettings::from));
        detector.analyse(image(background()), GREY, measurement);
        FrameFormat larger = FrameFormat.of(640, 480, PixelFormat.GREY);

        assertFalse(detector.analyse(ByteBuffer.wrap(new byte[640 * 480]), larger, measurement));
        assertTrue(detector.analyse(ByteBuffer.wrap(new byte[640 * 480]), larger, measurement));
        assertEquals(80 * 60, measurement.totalCells);
    }

    /** Once the arrays exist, analysing a frame allocates next to nothing: no luma plane, no cell arrays. */
    @Test
    void theSteadyStateAllocatesNoImageSizedMemory() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory
                .getThreadMXBean();
        FrameFormat yuyv = FrameFormat.of(1280, 720, PixelFormat.YUYV);
        ByteBuffer still = ByteBuffer.allocateDirect(yuyv.imageSize());
        ByteBuffer moved = ByteBuffer.allocateDirect(yuyv.imageSize());
        for (int i = 0; i < yuyv.imageSize(); i++) {
            moved.put(i, (byte) (i % 5120 < 400 ? 200 : 60));
        }
        MotionDetector detector = new MotionDetector(CAM0.as(DetectorSettings::from));
        for (int i = 0; i < 200; i++) {
            detector.analyse(i % 2 == 0 ? still : moved, yuyv, measurement);
        }

        int frames = 500;
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < frames; i++) {
            detector.analyse(i % 2 == 0 ? still : moved, yuyv, measurement);
        }
        long perFrame = (threads.getCurrentThreadAllocatedBytes() - before) / frames;

        assertTrue(measurement.changedCells > 0, "the frames do differ");
        assertTrue(perFrame < 256, "allocated " + perFrame + " bytes per frame; a luma plane is "
                + 1280 * 720 + " bytes");
    }

    private static ByteBuffer image(byte[] pixels) {
        return ByteBuffer.wrap(pixels).asReadOnlyBuffer();
    }

    private static byte[] background() {
        byte[] pixels = new byte[320 * 240];
        Arrays.fill(pixels, (byte) 100);
        return pixels;
    }

    private static byte[] square(int left, int top, int side) {
        byte[] pixels = background();
        for (int y = top; y < top + side; y++) {
            for (int x = left; x < left + side; x++) {
                pixels[y * 320 + x] = (byte) 220;
            }
        }
        return pixels;
    }
}
