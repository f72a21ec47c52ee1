package io.kapture.shell.internal.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.kapture.api.FrameFormat;
import io.kapture.api.FrameListener;
import io.kapture.api.PixelFormat;
import io.kapture.api.SessionState;
import io.kapture.convert.ImageEncoding;
import io.kapture.shell.internal.testing.Console;
import io.kapture.shell.internal.testing.FakeBundleContext;
import io.kapture.shell.internal.testing.Failures;
import io.kapture.shell.internal.testing.FakeCaptureSession;
import io.kapture.shell.internal.testing.FakeProvider;
import io.kapture.testing.TestFrame;

/**
 * kapture:snapshot with the real kapture-convert on the class path; the test plays the engine by delivering a
 * frame to the listener the command registers.
 */
class SnapshotCommandTest {

    /** 2x1 RGB24: a red pixel, then a blue one. */
    private static final byte[] RED_BLUE = {(byte) 255, 0, 0, 0, 0, (byte) 255};

    @TempDir
    Path directory;

    private final FakeBundleContext context = new FakeBundleContext();
    private final FakeCaptureSession cam0 = new FakeCaptureSession("cam0", "synthetic");
    private final AtomicLong sequence = new AtomicLong(41);

    @BeforeEach
    void running() {
        context.withSessions(cam0);
        cam0.state = SessionState.RUNNING;
    }

    /** Delivers frames in this format to every frame listener subscribed to cam0, on a thread of its own. */
    private void engineDelivers(FrameFormat format, byte[] data) {
        context.onRegistration(entry -> {
            if (entry.service instanceof FrameListener listener
                    && "cam0".equals(entry.getProperty(FrameListener.CAMERA))) {
                Thread delivery = new Thread(() -> {
                    for (int i = 0; i < 3 && entry.isRegistered(); i++) {
                        TestFrame frame = TestFrame.builder(format, data).camera("cam0")
                                .sequence(sequence.incrementAndGet()).build();
                        listener.onFrame(frame);
                        frame.release();
                    }
                }, "fake-delivery");
                delivery.start();
            }
        });
    }

    @Test
    void writesTheNextFrameAsPngAndUnregistersItsListener() throws Exception {
        engineDelivers(FrameFormat.of(2, 1, PixelFormat.RGB24), RED_BLUE);
        Path file = directory.resolve("shot.png");
        try (Console console = Console.capture()) {
            snapshot(file.toString()).execute();
            assertEquals("", console.err());
            assertTrue(console.out().startsWith("Wrote " + file + " ("), console.out());
            assertTrue(console.out().trim().endsWith(", 2x1 RGB24 frame 42 of cam0)"), console.out());
        }
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(2, image.getWidth());
        assertEquals(0xff0000, image.getRGB(0, 0) & 0xffffff);
        assertEquals(0x0000ff, image.getRGB(1, 0) & 0xffffff);
        assertEquals(1, listeners(context.history).size());
        FakeBundleContext.Entry subscription = listeners(context.history).get(0);
        assertFalse(subscription.isRegistered());
        assertEquals(1, subscription.getProperty(FrameListener.QUEUE_CAPACITY));
        assertEquals("DROP_OLDEST", subscription.getProperty(FrameListener.DROP_POLICY));
        assertEquals(true, subscription.getProperty(FrameListener.DELIVERY_THREAD), "it encodes: never inline");
    }

    @Test
    void writesJpegByExtension() throws Exception {
        engineDelivers(FrameFormat.of(16, 8, PixelFormat.GREY), new byte[16 * 8]);
        Path file = directory.resolve("shot.JPEG");
        try (Console console = Console.capture()) {
            snapshot(file.toString()).execute();
            assertEquals("", console.err());
        }
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(16, image.getWidth());
        assertEquals(8, image.getHeight());
        byte[] head = Files.readAllBytes(file);
        assertEquals((byte) 0xff, head[0]);
        assertEquals((byte) 0xd8, head[1]);
    }

    @Test
    void anMjpegFrameIsWrittenAsItCameForAJpegFile() throws Exception {
        byte[] jpeg = ImageEncoding.encodeJpeg(new BufferedImage(16, 8, BufferedImage.TYPE_INT_RGB), 0.3f);
        engineDelivers(FrameFormat.of(16, 8, PixelFormat.MJPEG), jpeg);
        Path file = directory.resolve("shot.jpg");
        try (Console console = Console.capture()) {
            snapshot(file.toString()).execute();
            assertEquals("", console.err());
        }
        assertArrayEquals(jpeg, Files.readAllBytes(file), "not decoded and encoded again");
    }

    @Test
    void noFrameInTimeIsOneLineAndLeavesNoListener() throws Exception {
        SnapshotCommand command = snapshot(directory.resolve("none.png").toString());
        command.timeoutSeconds = 0.2;
        try (Console console = Console.capture()) {
            assertEquals("No frame from camera cam0 within 0.2 s; check that it delivers with kapture:stats cam0",
                    Failures.message(command));
        }
        assertEquals(List.of(), listeners(context.registered()));
        assertFalse(Files.exists(directory.resolve("none.png")));
    }

    @Test
    void aFrameThatCannotBeConvertedIsOneLine() throws Exception {
        engineDelivers(FrameFormat.of(16, 8, PixelFormat.H264), new byte[64]);
        try (Console console = Console.capture()) {
            String error = Failures.message(snapshot(directory.resolve("h264.png").toString()));
            assertTrue(error.startsWith("Cannot turn the frame into an image: frame 42 of camera cam0: H264"), error);
            assertFalse(error.contains("\n"), error);
        }
        assertEquals(List.of(), listeners(context.registered()));
        assertFalse(Files.exists(directory.resolve("h264.png")));
    }

    @Test
    void aStoppedCameraIsRefusedWithoutSubscribing() throws Exception {
        cam0.state = SessionState.STOPPED;
        try (Console console = Console.capture()) {
            assertEquals("Camera cam0 is STOPPED, so it delivers no frames; start it with kapture:start cam0",
                    Failures.message(snapshot(directory.resolve("x.png").toString())));
        }
        assertEquals(List.of(), listeners(context.history));
    }

    @Test
    void aCameraWhoseDeviceIsMissingSaysSoAndThatItIsWatchedFor() throws Exception {
        FakeProvider v4l2 = new FakeProvider("v4l2", "/dev/");
        v4l2.add("/dev/video1", "Other Camera");
        FakeCaptureSession unplugged = new FakeCaptureSession("front", "/dev/video0");
        unplugged.state = SessionState.FAILED;
        unplugged.lastError = "camera front: device '/dev/video0' failed while capturing: the device went away";
        context.withSessions(unplugged).withProviders(v4l2);
        SnapshotCommand command = snapshot(directory.resolve("x.png").toString());
        command.camera = "front";
        try (Console console = Console.capture()) {
            String message = Failures.message(command);
            assertTrue(message.startsWith("Camera front delivers no frames: its device /dev/video0 is missing "
                    + "(unplugged, or its driver unbound). Kapture watches for the device and restarts the camera "
                    + "when it returns; kapture:start cannot help until then (last error: "), message);
            assertFalse(message.contains("start it with"), message);
        }
        assertEquals(List.of(), listeners(context.history));
    }

    @Test
    void aFailedCameraWhoseDeviceIsThereGivesItsLastError() throws Exception {
        FakeProvider v4l2 = new FakeProvider("v4l2", "/dev/");
        v4l2.add("/dev/video0", "Front Camera");
        FakeCaptureSession failed = new FakeCaptureSession("front", "/dev/video0");
        failed.state = SessionState.FAILED;
        failed.lastError = "format 1000x700 refused";
        context.withSessions(failed).withProviders(v4l2);
        SnapshotCommand command = snapshot(directory.resolve("x.png").toString());
        command.camera = "front";
        try (Console console = Console.capture()) {
            assertEquals("Camera front is FAILED, so it delivers no frames (last error: format 1000x700 refused)",
                    Failures.message(command));
        }
    }

    @Test
    void anUnknownExtensionIsRefusedWithoutSubscribing() throws Exception {
        try (Console console = Console.capture()) {
            assertEquals("Cannot tell the image format of x.gif: name the file .png, .jpg or .jpeg",
                    Failures.message(snapshot(directory.resolve("x.gif").toString())));
        }
        assertEquals(List.of(), listeners(context.history));
    }

    @Test
    void aMissingDirectoryIsOneLine() throws Exception {
        engineDelivers(FrameFormat.of(2, 1, PixelFormat.RGB24), RED_BLUE);
        Path file = directory.resolve("missing").resolve("x.png");
        try (Console console = Console.capture()) {
            assertEquals("Cannot write " + file + ": directory " + file.getParent() + " does not exist",
                    Failures.message(snapshot(file.toString())));
        }
        assertEquals(List.of(), listeners(context.history));
    }

    private SnapshotCommand snapshot(String file) {
        SnapshotCommand command = new SnapshotCommand();
        command.camera = "cam0";
        command.file = file;
        command.context = context;
        return command;
    }

    /** The frame listeners among these registrations: the ones the command made. */
    private static List<FakeBundleContext.Entry> listeners(List<FakeBundleContext.Entry> registrations) {
        return registrations.stream().filter(entry -> entry.service instanceof FrameListener).toList();
    }
}
