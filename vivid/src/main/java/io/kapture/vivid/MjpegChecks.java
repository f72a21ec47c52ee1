package io.kapture.vivid;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;

import io.kapture.api.FrameListener;
import io.kapture.api.PixelFormat;
import io.kapture.engine.internal.session.CaptureSessionImpl;
import io.kapture.vivid.CompressedRecorder.Recorded;

/**
 * Compressed frames from a driver, as most USB cameras deliver them at 1080p: v4l2loopback (built for the guest's
 * kernel by {@code vivid/bin/build-loopback}) fed by ffmpeg, which encodes a moving test pattern to MJPEG and writes
 * it to the loopback's output side; Kapture's engine captures the capture side. Every frame must be one complete
 * JPEG (start and end markers, decoding to the configured size) of exactly the bytes the driver said it used, the
 * sizes must vary from frame to frame (a pattern that moves compresses differently), none flagged corrupted.
 *
 * <p>Threading contract: runs on the caller's thread; ffmpeg is a child process and the session runs its own
 * threads, all ended (and the module unloaded) before the check returns.
 */
final class MjpegChecks {

    private static final int WIDTH = 320;
    private static final int HEIGHT = 240;
    /** Slow enough that the reader, stalled by the emulated JVM, is not lapped by the writer in 32 buffers. */
    private static final double RATE = 5;
    private static final int FRAMES = 20;
    private static final long WAIT_SECONDS = LoopbackFeed.WAIT_SECONDS;

    private final Path out;

    MjpegChecks(Path out) {
        this.out = out;
    }

    /** {@code FRAMES} MJPEG frames from the loopback through the engine with {@code delivery}. */
    String loopback(String delivery) throws Exception {
        try (LoopbackFeed feed = LoopbackFeed.start(out, "loopback", WIDTH, HEIGHT, (int) RATE,
                List.of("-c:v", "mjpeg", "-q:v", "5"))) {
            return capture(delivery, feed);
        }
    }

    private String capture(String delivery, LoopbackFeed feed) throws Exception {
        try (EngineRig engine = new EngineRig(delivery)) {
            feed.awaitWriting(engine.provider());
            CompressedRecorder recorder = new CompressedRecorder(FRAMES, CompressedRecorder::wholeJpeg);
            engine.subscribe(recorder, Map.of(FrameListener.CAMERA, "loopback", FrameListener.QUEUE_CAPACITY,
                    FRAMES + 16, FrameListener.NAME, "vivid-mjpeg"));
            CaptureSessionImpl session = engine.session();
            session.configure(Map.of("name", "loopback", "device", LoopbackFeed.NODE, "width", WIDTH, "height",
                    HEIGHT, "pixel.format", PixelFormat.MJPEG.name(), "fps", RATE, "buffers", 4, "delivery", delivery));
            CheckFailure.require(recorder.await(WAIT_SECONDS, TimeUnit.SECONDS), "only "
                    + recorder.frames().size() + " of " + FRAMES + " MJPEG frames within " + WAIT_SECONDS
                    + " s; session " + session.state() + ", last error " + session.lastError().orElse("none"));
            long corruptedCounted = session.stats().corrupted();
            String effective = session.effectiveDelivery();
            session.stop();
            // configured zero-copy is delivered with pool: v4l2loopback cannot lend its buffers (LoopbackHoldChecks)
            return verify(delivery, recorder, corruptedCounted, out) + "; delivered with " + effective;
        }
    }

    /**
     * Every whole JPEG decodes and is not flagged; every frame that is not one whole JPEG (v4l2loopback 0.12.7 was
     * seen handing a new reader a first buffer whose bytesused is the whole sizeimage) is flagged corrupted, and the
     * session counted them.
     */
    private static String verify(String delivery, CompressedRecorder recorder, long corruptedCounted, Path out)
            throws IOException {
        CheckFailure.require(recorder.format().pixelFormat() == PixelFormat.MJPEG && recorder.format().width() == WIDTH
                && recorder.format().height() == HEIGHT, "frames are " + recorder.format());
        List<Recorded> frames = recorder.frames();
        List<Recorded> whole = frames.stream().filter(frame -> CompressedRecorder.wholeJpeg(frame.bytes())).toList();
        List<Recorded> broken = frames.stream().filter(frame -> !CompressedRecorder.wholeJpeg(frame.bytes())).toList();
        for (Recorded frame : broken) {
            String name = "mjpeg-" + delivery + "-frame-" + frame.sequence() + ".bin";
            Files.write(out.resolve(name), frame.bytes());
            CheckFailure.require(frame.corrupted(), "frame " + frame.sequence() + " (" + frame.bytes().length
                    + " bytes) is not one whole JPEG (no FFD8 at the start or no FFD9 at the end) and is not flagged "
                    + "corrupted; kept in " + name);
        }
        for (Recorded frame : whole) {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(frame.bytes()));
            CheckFailure.require(image != null && image.getWidth() == WIDTH && image.getHeight() == HEIGHT,
                    "frame " + frame.sequence() + " does not decode to " + WIDTH + "x" + HEIGHT);
            CheckFailure.require(!frame.corrupted(), "whole JPEG frame " + frame.sequence() + " is flagged corrupted");
        }
        CheckFailure.require(whole.size() >= FRAMES, "only " + whole.size() + " whole JPEGs among " + frames.size()
                + " frames");
        // the session may have counted more: frames after the recorder's window
        CheckFailure.require(corruptedCounted >= broken.size(), "the session counted " + corruptedCounted
                + " corrupted frames, but " + broken.size() + " came flagged");
        List<Integer> sizes = whole.stream().map(frame -> frame.bytes().length).toList();
        long distinct = sizes.stream().distinct().count();
        CheckFailure.require(distinct > 1, "every frame has " + sizes.get(0) + " bytes: bytesused does not vary");
        String flagged = broken.isEmpty() ? "none broken" : broken.size() + " broken and flagged corrupted, counted ("
                + broken.stream().map(frame -> "frame " + frame.sequence() + ": " + frame.bytes().length + " bytes")
                .collect(Collectors.joining(", ")) + ")";
        return delivery + ": " + whole.size() + " MJPEG " + WIDTH + "x" + HEIGHT + " frames from v4l2loopback fed by "
                + "ffmpeg, each exactly bytesused, one whole JPEG that decodes; " + flagged + "; " + distinct
                + " distinct sizes, " + sizes.stream().mapToInt(Integer::intValue).min().orElse(0) + ".."
                + sizes.stream().mapToInt(Integer::intValue).max().orElse(0) + " bytes (first: "
                + sizes.stream().limit(5).map(String::valueOf).collect(Collectors.joining(", ")) + ")";
    }
}
