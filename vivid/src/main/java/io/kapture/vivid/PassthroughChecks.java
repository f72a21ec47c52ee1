package io.kapture.vivid;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.osgi.framework.BundleContext;

import io.kapture.api.FrameListener;
import io.kapture.api.PixelFormat;
import io.kapture.api.storage.StorageRoot;
import io.kapture.engine.internal.session.CaptureSessionImpl;
import io.kapture.processor.recorder.internal.CameraRecorder;
import io.kapture.processor.snapshot.internal.SnapshotComponent;
import io.kapture.vivid.CompressedRecorder.Recorded;

/**
 * The snapshot and recorder processors pass an MJPEG camera's frames through without re-encoding them, on a real
 * driver (v4l2loopback fed MJPEG by ffmpeg, as in {@link MjpegChecks}): both components are made as SCR makes them,
 * with a {@link ListenerContext} for their bundle, and subscribe to the camera as Karaf would subscribe them, next to
 * a listener that copies every frame the camera delivered. Every snapshot file (JPEG format, one a second) must be
 * byte for byte one of the camera's frames, and the recorder's AVI file must hold, frame for frame and in order,
 * the camera's JPEGs byte for byte (its queue may drop some; it never changes one).
 *
 * <p>Threading contract: runs on the caller's thread; the session and the processors' deliveries run on the engine's
 * threads, all ended (and the module unloaded) before the check returns.
 */
final class PassthroughChecks {

    private static final int WIDTH = 320;
    private static final int HEIGHT = 240;
    private static final int RATE = 5;
    /** Frames the processors see before they are deactivated. */
    private static final int PROCESSED = 20;
    /** Frames the copying listener keeps: those the processors saw, and some after, so it has every one of them. */
    private static final int COPIED = PROCESSED + 10;
    private static final int MIN_RECORDED = PROCESSED / 2;

    private final Path out;

    PassthroughChecks(Path out) {
        this.out = out;
    }

    String mjpegProcessors(String delivery) throws Exception {
        Path storage = Files.createTempDirectory(out, "passthrough-" + delivery + "-");
        try (LoopbackFeed feed = LoopbackFeed.start(out, "passthrough", WIDTH, HEIGHT, RATE,
                List.of("-c:v", "mjpeg", "-q:v", "5"));
                EngineRig engine = new EngineRig(delivery)) {
            feed.awaitWriting(engine.provider());
            CompressedRecorder camera = new CompressedRecorder(COPIED, CompressedRecorder::wholeJpeg);
            engine.subscribe(camera, Map.of(FrameListener.CAMERA, "loopback", FrameListener.QUEUE_CAPACITY,
                    COPIED * 2 + 8, FrameListener.NAME, "vivid-camera-frames"));
            BundleContext context = ListenerContext.of(engine, Map.of(StorageRoot.PROPERTY, storage.toString()));
            SnapshotComponent snapshots = Components.activate(SnapshotComponent.class, Map.of("camera", "loopback",
                    "interval_seconds", 1, "folder", "snapshots", "retention", 0), context);
            CameraRecorder recorder;
            try {
                recorder = Components.activate(CameraRecorder.class, Map.of("camera", "loopback",
                        "folder", "recordings"), context);
            } catch (RuntimeException e) {
                Components.deactivate(snapshots);
                throw e;
            }
            CaptureSessionImpl session = engine.session();
            try {
                session.configure(Map.of("name", "loopback", "device", LoopbackFeed.NODE, "width", WIDTH, "height",
                        HEIGHT, "pixel.format", PixelFormat.MJPEG.name(), "fps", RATE, "buffers", 4, "delivery",
                        delivery));
                awaitCopies(camera, PROCESSED, session);
            } finally {
                Components.deactivate(recorder);
                Components.deactivate(snapshots);
            }
            CheckFailure.require(camera.await(LoopbackFeed.WAIT_SECONDS, TimeUnit.SECONDS), "only "
                    + camera.frames().size() + " of " + COPIED + " frames copied within " + LoopbackFeed.WAIT_SECONDS
                    + " s");
            session.stop();
            List<Recorded> delivered = camera.frames().stream()
                    .filter(frame -> !frame.corrupted() && CompressedRecorder.wholeJpeg(frame.bytes())).toList();
            return snapshotsOf(storage.resolve("snapshots"), delivered) + "; "
                    + recordingOf(storage.resolve("recordings"), delivered);
        }
    }

    private static void awaitCopies(CompressedRecorder camera, int count, CaptureSessionImpl session)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(LoopbackFeed.WAIT_SECONDS);
        while (camera.frames().size() < count) {
            CheckFailure.require(System.nanoTime() < deadline, "only " + camera.frames().size() + " of " + count
                    + " MJPEG frames within " + LoopbackFeed.WAIT_SECONDS + " s; session " + session.state()
                    + ", last error " + session.lastError().orElse("none"));
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    /** Every snapshot file is one of the camera's frames, byte for byte. */
    private static String snapshotsOf(Path folder, List<Recorded> delivered) throws IOException {
        List<Path> files = files(folder, ".jpg");
        CheckFailure.require(!files.isEmpty(), "no snapshot in " + folder);
        List<Long> matched = new ArrayList<>();
        for (Path file : files) {
            byte[] image = Files.readAllBytes(file);
            Recorded same = delivered.stream().filter(frame -> Arrays.equals(frame.bytes(), image)).findFirst()
                    .orElseThrow(() -> new CheckFailure("snapshot " + file.getFileName() + " (" + image.length
                            + " bytes) is none of the " + delivered.size() + " frames the camera delivered: re-encoded?"));
            matched.add(same.sequence());
        }
        return "snapshot: " + files.size() + " JPEG files, each byte-identical to a camera frame (sequences "
                + matched + ")";
    }

    /** The recorder's one AVI holds camera frames byte for byte, in the camera's order. */
    private static String recordingOf(Path folder, List<Recorded> delivered) throws IOException {
        List<Path> files = files(folder, ".avi");
        CheckFailure.require(files.size() == 1, "expected one AVI in " + folder + ", found " + files);
        List<byte[]> frames = AviFrames.read(files.get(0));
        CheckFailure.require(frames.size() >= MIN_RECORDED, files.get(0).getFileName() + " holds " + frames.size()
                + " frames, fewer than " + MIN_RECORDED);
        int next = 0;
        long first = -1;
        long last = -1;
        for (int i = 0; i < frames.size(); i++) {
            byte[] stored = frames.get(i);
            int at = next;
            while (at < delivered.size() && !Arrays.equals(delivered.get(at).bytes(), stored)) {
                at++;
            }
            if (at == delivered.size()) {
                String earlier = delivered.stream().filter(frame -> Arrays.equals(frame.bytes(), stored))
                        .map(frame -> "it is frame " + frame.sequence() + ", out of order").findFirst()
                        .orElse("it is none of the " + delivered.size() + " frames the camera delivered: re-encoded?");
                throw new CheckFailure("AVI frame " + i + " (" + stored.length + " bytes) is not among the camera's "
                        + "frames after sequence " + last + ": " + earlier);
            }
            first = first < 0 ? delivered.get(at).sequence() : first;
            last = delivered.get(at).sequence();
            next = at + 1;
        }
        return "recorder: " + files.get(0).getFileName() + " holds " + frames.size() + " frames, each byte-identical "
                + "to the camera's JPEG, in order (sequences " + first + ".." + last + ", "
                + (last - first + 1 - frames.size()) + " left out by its queue)";
    }

    private static List<Path> files(Path folder, String extension) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(path -> path.getFileName().toString().endsWith(extension)).sorted().toList();
        }
    }
}
