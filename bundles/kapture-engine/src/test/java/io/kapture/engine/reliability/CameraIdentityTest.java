package io.kapture.engine.reliability;

import static io.kapture.engine.reliability.Pipeline.configuration;
import static io.kapture.engine.reliability.Pipeline.eventually;
import static io.kapture.engine.reliability.Pipeline.subscribe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.kapture.api.FrameFormat;
import io.kapture.api.FrameListener;
import io.kapture.api.PixelFormat;
import io.kapture.engine.internal.session.CaptureSessionImpl;

/**
 * Frames are never shared across cameras by mistake: four cameras stream at once through one frame pool, two
 * with pool delivery, one with zero-copy (whose fallback copies are pooled too) and one with copy delivery, at
 * four sizes that all fall into the pool's 40 KiB size class, so that pooled buffers pass from camera to camera
 * all the time. One subscriber takes every camera
 * (its calls for different cameras interleave on four delivery threads) and one subscriber per camera takes only
 * its own; every frame must name the right camera, have that camera's size and carry in its pixels the sequence
 * number its metadata says.
 *
 * <p>Runs on the test thread; the cameras run their own threads.
 */
class CameraIdentityTest {

    private static final long FRAMES_EACH = 300;

    private final Pipeline pipeline = new Pipeline();

    @AfterEach
    void tearDown() {
        pipeline.close();
    }

    @Test
    void everyFrameReachesOnlyItsCameraSubscribersWithItsOwnContent() {
        Map<String, FrameFormat> formats = new LinkedHashMap<>();
        formats.put("cam-a", FrameFormat.of(160, 120, PixelFormat.YUYV));
        formats.put("cam-b", FrameFormat.of(168, 120, PixelFormat.YUYV));
        formats.put("cam-c", FrameFormat.of(160, 128, PixelFormat.YUYV));
        formats.put("cam-d", FrameFormat.of(152, 128, PixelFormat.YUYV));
        List<String> deliveries = List.of("pool", "pool", "zerocopy", "copy");
        CheckingSubscriber everyCamera = new CheckingSubscriber(formats);
        Map<String, CheckingSubscriber> own = new LinkedHashMap<>();
        int index = 0;
        for (Map.Entry<String, FrameFormat> camera : formats.entrySet()) {
            CaptureSessionImpl session = pipeline.camera();
            subscribe(session, everyCamera, "every-camera", FrameListener.CAMERA, FrameListener.ALL_CAMERAS);
            CheckingSubscriber mine = new CheckingSubscriber(Map.of(camera.getKey(), camera.getValue()));
            subscribe(session, mine, "own-" + camera.getKey(), FrameListener.CAMERA, camera.getKey());
            own.put(camera.getKey(), mine);
            session.configure(configuration(camera.getKey(), "width", camera.getValue().width(), "height",
                    camera.getValue().height(), "fps", 250.0, "delivery", deliveries.get(index++)));
            session.awaitSettled();
        }

        eventually(() -> own.values().stream().allMatch(subscriber -> subscriber.frames() >= FRAMES_EACH));

        assertEquals(0, everyCamera.bad(), everyCamera.firstBad());
        for (Map.Entry<String, CheckingSubscriber> mine : own.entrySet()) {
            assertEquals(0, mine.getValue().bad(), mine.getKey() + ": " + mine.getValue().firstBad());
        }
        assertTrue(everyCamera.frames() >= 4 * FRAMES_EACH - 4 * 8 * 4,
                "the every-camera subscriber got the frames of all four: " + everyCamera.frames());
        System.out.printf("[reliability] camera identity: %d frames to the every-camera subscriber and %s to the "
                + "per-camera ones, 0 with a wrong camera, size or content; pool hit rate %.3f%n",
                everyCamera.frames(), own.values().stream().map(CheckingSubscriber::frames).toList(),
                pipeline.pool.stats().hitRate());
    }
}
