package io.kapture.web.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.kapture.api.FrameFormat;
import io.kapture.api.FrameListener;
import io.kapture.api.PixelFormat;
import io.kapture.synthetic.SyntheticFrames;
import io.kapture.testing.ComponentConfig;
import io.kapture.testing.RecordingRegistrar;
import io.kapture.testing.SyntheticFeed;
import io.kapture.testing.TestFrame;

/** One browser's stream: the preview rate, the one-image slot, and what closing releases. */
class PreviewClientTest {

    private static final ComponentConfig<Config> DEFAULTS = ComponentConfig.of(Config.class);

    private final RecordingRegistrar engine = new RecordingRegistrar();
    private final List<PreviewClient> closed = new ArrayList<>();
    private SyntheticFeed feed;

    @AfterEach
    void closeFeed() {
        if (feed != null) {
            feed.close();
        }
    }

    @Test
    void subscribesWithAQueueOfOneThatDropsTheOldest() {
        client(DEFAULTS.as(PreviewSettings::from));

        assertEquals(Map.of(FrameListener.CAMERA, "cam0", FrameListener.QUEUE_CAPACITY, 1, FrameListener.DROP_POLICY,
                "DROP_OLDEST", FrameListener.NAME, "web-preview:cam0",
                FrameListener.DELIVERY_THREAD, true), engine.subscriber().properties());
    }

    @Test
    void aThirtyFpsCameraIsPreviewedAtTheConfiguredTenFps() throws InterruptedException, IOException {
        PreviewClient client = client(DEFAULTS.as(PreviewSettings::from));
        feed = SyntheticFeed.timeline("cam0", "box", 320, 240, PixelFormat.YUYV);

        List<Long> shown = new ArrayList<>();
        for (int i = 0; i < 90; i++) {
            engine.deliver(feed.next());
            byte[] image = client.next(0);
            if (image != null) {
                shown.add(SyntheticFrames.sequenceOf(ImageIO.read(new ByteArrayInputStream(image))));
            }
        }

        assertEquals(30, client.encoded(), "3 s at 10 fps");
        List<Long> everyThird = new ArrayList<>();
        for (long sequence = 0; sequence < 90; sequence += 3) {
            everyThird.add(sequence + (sequence == 0 ? 0 : 1));
        }
        assertEquals(everyThird.subList(0, 5), shown.subList(0, 5), "the frames at or after each 100 ms mark");
        assertEquals(0, feed.retains(), "frames are never kept");
    }

    @Test
    void aSlowBrowserGetsTheNewestImageNotABacklog() throws InterruptedException, IOException {
        PreviewClient client = client(DEFAULTS.as(PreviewSettings::from));
        feed = SyntheticFeed.timeline("cam0", "bars", 320, 240, PixelFormat.GREY);

        for (int i = 0; i < 30; i++) {
            engine.deliver(feed.next());
        }

        byte[] image = client.next(0);
        assertEquals(28, SyntheticFrames.sequenceOf(ImageIO.read(new ByteArrayInputStream(image))));
        assertNull(client.next(0), "nothing older is waiting");
    }

    @Test
    void mjpegFramesAreSentAsTheyCome() throws InterruptedException {
        PreviewClient client = client(DEFAULTS.as(PreviewSettings::from));
        feed = SyntheticFeed.timeline("cam0", "bars", 320, 240, PixelFormat.MJPEG);
        TestFrame frame = feed.next();
        byte[] jpeg = new byte[frame.bytesUsed()];
        frame.data().get(0, jpeg);

        engine.deliver(frame);

        assertArrayEquals(jpeg, client.next(0));
    }

    @Test
    void closingUnregistersDropsTheImageAndWakesTheReader() throws InterruptedException {
        PreviewClient client = client(DEFAULTS.as(PreviewSettings::from));
        feed = SyntheticFeed.timeline("cam0", "bars", 320, 240, PixelFormat.GREY);
        engine.deliver(feed.next());
        assertTrue(client.holdsImage());

        client.close();
        client.close();

        assertEquals(List.of(), engine.subscribers());
        assertFalse(client.holdsImage(), "no image is kept");
        assertNull(client.next(60_000), "a closed client answers at once");
        assertEquals(List.of(client), closed, "told once");
        client.onFrame(feed.next());
        assertFalse(client.holdsImage(), "a frame in flight after closing is ignored");
    }

    @Test
    void framesThatCannotBeShownAreSkipped() throws InterruptedException {
        PreviewClient client = client(DEFAULTS.as(PreviewSettings::from));

        engine.deliver(TestFrame.of(FrameFormat.of(320, 240, PixelFormat.H264), new byte[100]));

        assertNull(client.next(0));
        assertEquals(0, client.encoded());
    }

    private PreviewClient client(PreviewSettings settings) {
        PreviewClient client = new PreviewClient("cam0", settings, closed::add);
        client.subscribe(engine);
        return client;
    }
}
