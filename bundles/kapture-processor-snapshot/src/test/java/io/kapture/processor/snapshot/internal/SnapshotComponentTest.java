package io.kapture.processor.snapshot.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import io.kapture.api.FrameFlags;
import io.kapture.api.FrameListener;
import io.kapture.api.PixelFormat;
import io.kapture.synthetic.SyntheticFrames;
import io.kapture.testing.ComponentConfig;
import io.kapture.testing.ProcessorFixture;
import io.kapture.testing.SyntheticFeed;
import io.kapture.testing.TestFrame;

/**
 * Scheduled snapshots of the synthetic camera: which frames are taken, what the files hold (read back with
 * ImageIO, and the synthetic camera's sequence code says exactly which frame it was), and retention.
 */
class SnapshotComponentTest extends ProcessorFixture {

    private static final ComponentConfig<Config> CAM0 = ComponentConfig.of(Config.class).with("camera", "cam0");

    @Test
    void subscribesToItsCameraWithAQueueOfOneThatDropsTheOldest() throws IOException {
        new SnapshotComponent(registrar, root, CAM0.as(SnapshotSettings::from));

        assertEquals(Map.of(FrameListener.CAMERA, "cam0", FrameListener.QUEUE_CAPACITY, 1, FrameListener.DROP_POLICY,
                "DROP_OLDEST", FrameListener.NAME, "snapshot:cam0",
                FrameListener.DELIVERY_THREAD, true), registrar.subscriber().properties());
        assertTrue(Files.isDirectory(root.path().resolve("snapshots")), "the folder exists from the start");
    }

    @Test
    void takesTheFirstFrameAndThenOneEveryIntervalKeepingTheNewest() throws IOException {
        ComponentConfig<Config> config = CAM0.with("interval.seconds", 2).with("format", "png").with("retention", 3);
        SnapshotComponent component = new SnapshotComponent(registrar, root, config.as(SnapshotSettings::from));
        feed = SyntheticFeed.timeline("cam0", "bars+box", 320, 240, PixelFormat.YUYV);

        // 10 s at 30 fps; frames are 33,333,333 ns apart, so each 2 s mark falls just before a frame.
        for (int i = 0; i < 300; i++) {
            registrar.deliver(feed.next());
        }

        List<Long> sequences = new ArrayList<>();
        for (Path file : snapshots()) {
            BufferedImage image = ImageIO.read(file.toFile());
            assertNotNull(image, file + " is a PNG");
            assertEquals(320, image.getWidth());
            sequences.add(SyntheticFrames.sequenceOf(image));
        }
        List<Long> firstAtOrAfterMarks = new ArrayList<>();
        long frame = SyntheticFeed.FRAME_NANOS;
        for (long mark = 2_000_000_000L; mark <= 8_000_000_000L; mark += 2_000_000_000L) {
            firstAtOrAfterMarks.add((mark + frame - 1) / frame);
        }
        assertEquals(List.of(61L, 121L, 181L, 241L), firstAtOrAfterMarks);
        assertEquals(firstAtOrAfterMarks.subList(1, 4), sequences, "0 and four marks taken, the newest three kept");
        assertEquals(0, feed.retains(), "no frame is kept");
        component.deactivate();
    }

    @Test
    void mjpegFramesAreSavedAsTheyCome() throws IOException {
        new SnapshotComponent(registrar, root, CAM0.as(SnapshotSettings::from));
        feed = SyntheticFeed.timeline("cam0", "bars", 320, 240, PixelFormat.MJPEG);
        TestFrame frame = feed.next();
        byte[] jpeg = new byte[frame.bytesUsed()];
        frame.data().get(0, jpeg);

        registrar.deliver(frame);

        assertArrayEquals(jpeg, Files.readAllBytes(snapshots().get(0)));
    }

    @Test
    void uncompressedFramesBecomeJpegFiles() throws IOException {
        new SnapshotComponent(registrar, root, CAM0.as(SnapshotSettings::from));
        feed = SyntheticFeed.timeline("cam0", "bars", 640, 480, PixelFormat.NV12);

        registrar.deliver(feed.next());

        BufferedImage image = ImageIO.read(snapshots().get(0).toFile());
        assertEquals(640, image.getWidth());
        assertEquals(0, SyntheticFrames.sequenceOf(image));
    }

    @Test
    void aCorruptedFrameIsSkippedInFavourOfTheNext() throws IOException {
        new SnapshotComponent(registrar, root, CAM0.as(SnapshotSettings::from));
        feed = SyntheticFeed.timeline("cam0", "bars", 320, 240, PixelFormat.GREY);

        registrar.deliver(feed.next().toBuilder().flags(FrameFlags.ERROR).build());
        registrar.deliver(feed.next());

        assertEquals(1L, SyntheticFrames.sequenceOf(ImageIO.read(snapshots().get(0).toFile())));
    }

    @Test
    void aFailedWriteDoesNotStopLaterSnapshots() throws IOException {
        ComponentConfig<Config> config = CAM0.with("interval.seconds", 1);
        new SnapshotComponent(registrar, root, config.as(SnapshotSettings::from));
        feed = SyntheticFeed.timeline("cam0", "bars", 320, 240, PixelFormat.GREY);
        Path folder = root.path().resolve("snapshots");
        Files.delete(folder);
        Files.writeString(folder, "a file where the folder was");

        for (int i = 0; i < 31; i++) {
            registrar.deliver(feed.next());
        }
        Files.delete(folder);
        for (int i = 0; i < 30; i++) {
            registrar.deliver(feed.next());
        }

        List<Path> written = snapshots();
        assertEquals(1, written.size(), "the first snapshot failed, the next one a second later was written");
        assertEquals(31L, SyntheticFrames.sequenceOf(ImageIO.read(written.get(0).toFile())));
    }

    @Test
    void aFolderOutsideTheStorageRootFailsActivation() {
        ComponentConfig<Config> config = CAM0.with("folder", "../../somewhere");

        String message = assertThrows(IllegalArgumentException.class,
                () -> new SnapshotComponent(registrar, root, config.as(SnapshotSettings::from))).getMessage();

        assertTrue(message.contains("lies outside the storage directory"), message);
        assertTrue(registrar.subscribers().isEmpty(), "no listener was registered");
    }

    @Test
    void afterDeactivationNothingIsWritten() throws IOException {
        SnapshotComponent component = new SnapshotComponent(registrar, root, CAM0.as(SnapshotSettings::from));
        feed = SyntheticFeed.timeline("cam0", "bars", 320, 240, PixelFormat.GREY);
        FrameListener listener = registrar.subscriber().listener();

        component.deactivate();
        listener.onFrame(feed.next());

        assertEquals(1, registrar.unregistrations());
        assertEquals(List.of(), snapshots());
    }

    private List<Path> snapshots() throws IOException {
        return new SnapshotFiles(root, CAM0.as(SnapshotSettings::from)).snapshots(root.path().resolve("snapshots"));
    }
}
