package io.kapture.vivid;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.kapture.api.FrameListener;
import io.kapture.api.PixelFormat;
import io.kapture.api.encoder.AnnexB;
import io.kapture.api.encoder.H264Nal;
import io.kapture.api.spi.FormatDescription;
import io.kapture.engine.internal.session.CaptureSessionImpl;
import io.kapture.vivid.CompressedRecorder.Recorded;

/**
 * H.264 from a driver, as H.264 webcams and encoders behind a V4L2 node deliver it: v4l2loopback fed by ffmpeg
 * encoding a moving test pattern with libx264 (SPS and PPS in band before every keyframe, as a V4L2 writer gets them),
 * captured by Kapture's engine as H.264. Every frame must be one complete access unit in Annex B form, parsed with
 * kapture-api's {@link AnnexB} and {@link H264Nal}: NAL units with valid headers after start codes, exactly one
 * picture (one slice with {@code first_mb_in_slice} 0), and an SPS and a PPS before every IDR slice; the sizes
 * vary; any other frame must be flagged corrupted and counted. The stream from the first keyframe on, written out,
 * must read back with ffprobe as H.264 of the captured size with every frame.
 *
 * <p>Threading contract: runs on the caller's thread; ffmpeg and ffprobe are child processes and the session runs its
 * own threads, all ended (and the module unloaded) before the check returns.
 */
final class H264Checks {

    private static final int WIDTH = 320;
    private static final int HEIGHT = 240;
    /** As the MJPEG checks: slow enough that the emulated reader is not lapped by the writer in 32 buffers. */
    private static final int RATE = 5;
    /** A keyframe every 2 s, so 20 frames hold at least one wherever the reader joins. */
    private static final int KEYFRAME_INTERVAL = 10;
    private static final int FRAMES = 20;

    private final Path out;

    H264Checks(Path out) {
        this.out = out;
    }

    /** {@code FRAMES} H.264 frames from the loopback through the engine with {@code delivery}. */
    String loopback(String delivery) throws Exception {
        List<String> encoder = List.of("-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency", "-g",
                String.valueOf(KEYFRAME_INTERVAL), "-bf", "0", "-pix_fmt", "yuv420p");
        try (LoopbackFeed feed = LoopbackFeed.start(out, "h264", WIDTH, HEIGHT, RATE, encoder);
                EngineRig engine = new EngineRig(delivery)) {
            feed.awaitWriting(engine.provider());
            List<String> offered = engine.provider().formats(LoopbackFeed.NODE).stream()
                    .map(FormatDescription::fourccString).toList();
            CheckFailure.require(offered.contains(PixelFormat.H264.fourccString()), LoopbackFeed.NODE
                    + " offers " + offered + " for capture, not H264");
            CompressedRecorder recorder = new CompressedRecorder(FRAMES, H264Checks::wholeAccessUnit);
            engine.subscribe(recorder, Map.of(FrameListener.CAMERA, "loopback", FrameListener.QUEUE_CAPACITY,
                    FRAMES * 2 + 8, FrameListener.NAME, "vivid-h264"));
            CaptureSessionImpl session = engine.session();
            session.configure(Map.of("name", "loopback", "device", LoopbackFeed.NODE, "width", WIDTH, "height",
                    HEIGHT, "pixel.format", PixelFormat.H264.name(), "fps", RATE, "buffers", 4, "delivery", delivery));
            CheckFailure.require(recorder.await(LoopbackFeed.WAIT_SECONDS, TimeUnit.SECONDS), "only "
                    + recorder.frames().size() + " of " + FRAMES + " H.264 frames within " + LoopbackFeed.WAIT_SECONDS
                    + " s; session " + session.state() + ", last error " + session.lastError().orElse("none"));
            long corruptedCounted = session.stats().corrupted();
            String effective = session.effectiveDelivery();
            // zero-copy is delivered with pool: v4l2loopback cannot lend its buffers (LoopbackHoldChecks)
            CheckFailure.require(!delivery.equals("zerocopy") || effective.equals("pool"), "configured zerocopy on "
                    + "v4l2loopback is delivered with " + effective + ", not pool; " + session.deliveryFallback()
                    .orElse("no reason given"));
            session.stop();
            return verify(delivery, recorder, corruptedCounted) + "; delivered with " + effective + "; "
                    + readBack(delivery, recorder.frames());
        }
    }

    /**
     * Whether the bytes are one whole access unit: Annex B, every NAL unit's header valid, exactly one picture start
     * among the coded slices, and an SPS and a PPS before an IDR slice.
     */
    static boolean wholeAccessUnit(byte[] bytes) {
        List<byte[]> nals;
        try {
            nals = AnnexB.split(ByteBuffer.wrap(bytes));
        } catch (IllegalArgumentException notAnnexB) {
            return false;
        }
        int pictures = 0;
        boolean sps = false;
        boolean pps = false;
        for (byte[] nal : nals) {
            int type = H264Nal.type(nal);
            if ((nal[0] & 0x80) != 0 || type == 0) {
                return false;
            }
            sps |= type == H264Nal.SPS;
            pps |= type == H264Nal.PPS;
            if (type >= H264Nal.SLICE && type <= H264Nal.IDR) {
                // first_mb_in_slice is the slice header's first field, ue(v): a leading 1 bit codes 0
                boolean startsPicture = nal.length > 1 && (nal[1] & 0x80) != 0;
                pictures += startsPicture ? 1 : 0;
                if (type == H264Nal.IDR && !(sps && pps)) {
                    return false;
                }
            }
        }
        return pictures == 1;
    }

    private String verify(String delivery, CompressedRecorder recorder, long corruptedCounted) throws IOException {
        CheckFailure.require(recorder.format().pixelFormat() == PixelFormat.H264 && recorder.format().width() == WIDTH
                && recorder.format().height() == HEIGHT, "frames are " + recorder.format());
        List<Recorded> frames = recorder.frames();
        List<Recorded> whole = frames.stream().filter(frame -> wholeAccessUnit(frame.bytes())).toList();
        List<Recorded> broken = frames.stream().filter(frame -> !wholeAccessUnit(frame.bytes())).toList();
        for (Recorded frame : broken) {
            String name = "h264-" + delivery + "-frame-" + frame.sequence() + ".bin";
            Files.write(out.resolve(name), frame.bytes());
            CheckFailure.require(frame.corrupted(), "frame " + frame.sequence() + " (" + frame.bytes().length
                    + " bytes) is not one whole access unit and is not flagged corrupted; kept in " + name);
        }
        for (Recorded frame : whole) {
            CheckFailure.require(!frame.corrupted(), "whole access unit " + frame.sequence() + " is flagged corrupted");
        }
        CheckFailure.require(whole.size() >= FRAMES, "only " + whole.size() + " whole access units among "
                + frames.size() + " frames");
        CheckFailure.require(corruptedCounted >= broken.size(), "the session counted " + corruptedCounted
                + " corrupted frames, but " + broken.size() + " came flagged");
        List<Recorded> keyframes = whole.stream().filter(H264Checks::keyframe).toList();
        CheckFailure.require(!keyframes.isEmpty(), "no IDR among " + whole.size() + " access units (a keyframe is "
                + "written every " + KEYFRAME_INTERVAL + " frames)");
        List<Integer> sizes = whole.stream().map(frame -> frame.bytes().length).toList();
        long distinct = sizes.stream().distinct().count();
        CheckFailure.require(distinct > 1, "every frame has " + sizes.get(0) + " bytes: bytesused does not vary");
        String flagged = broken.isEmpty() ? "none broken" : broken.size() + " broken and flagged corrupted, counted ("
                + broken.stream().map(frame -> "frame " + frame.sequence() + ": " + frame.bytes().length + " bytes")
                .collect(Collectors.joining(", ")) + ")";
        return delivery + ": " + whole.size() + " H.264 " + WIDTH + "x" + HEIGHT + " access units, each one picture "
                + "after Annex B start codes; " + keyframes.size() + " IDR with SPS and PPS in front ("
                + keyframes.stream().map(frame -> frame.bytes().length + " bytes").collect(Collectors.joining(", "))
                + "); " + flagged + "; " + distinct + " distinct sizes, "
                + sizes.stream().mapToInt(Integer::intValue).min().orElse(0) + ".."
                + sizes.stream().mapToInt(Integer::intValue).max().orElse(0) + " bytes";
    }

    /**
     * The longest run of whole access units that starts with a keyframe and has no gap in the sequence, written as
     * one Annex B file, read back by ffprobe: H.264 at the captured size, every written frame decoded.
     */
    private String readBack(String delivery, List<Recorded> frames) throws IOException, InterruptedException {
        List<Recorded> stream = new ArrayList<>();
        List<Recorded> run = new ArrayList<>();
        for (Recorded frame : frames) {
            boolean whole = wholeAccessUnit(frame.bytes());
            if (keyframe(frame)) {
                run = new ArrayList<>(List.of(frame));
            } else if (!run.isEmpty() && whole && frame.sequence() == run.get(run.size() - 1).sequence() + 1) {
                run.add(frame);
            } else {
                run = new ArrayList<>();
            }
            stream = run.size() > stream.size() ? run : stream;
        }
        CheckFailure.require(stream.size() >= 2, "fewer than 2 contiguous whole access units after an IDR; sequences "
                + frames.stream().map(frame -> frame.sequence() + (keyframe(frame) ? "(IDR)" : ""))
                .toList());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (Recorded frame : stream) {
            bytes.write(frame.bytes());
        }
        Path file = out.resolve("h264-" + delivery + ".h264");
        Files.write(file, bytes.toByteArray());
        List<String> probed = Command.run(List.of("ffprobe", "-v", "error", "-f", "h264", "-count_frames",
                "-select_streams", "v:0", "-show_entries", "stream=codec_name,width,height,nb_read_frames",
                "-of", "default=noprint_wrappers=1", file.toString()), "reading the captured stream with ffprobe");
        String expected = "codec_name=h264 width=" + WIDTH + " height=" + HEIGHT + " nb_read_frames=" + stream.size();
        String seen = String.join(" ", probed);
        CheckFailure.require(seen.equals(expected), "ffprobe read " + file.getFileName() + " as '" + seen
                + "', expected '" + expected + "'");
        return "ffprobe reads the " + stream.size() + " frames from IDR " + stream.get(0).sequence() + " on ("
                + bytes.size() + " bytes, "
                + file.getFileName() + ") as " + seen;
    }

    /** Whether the frame is a whole access unit with an IDR slice. */
    private static boolean keyframe(Recorded frame) {
        return wholeAccessUnit(frame.bytes()) && H264Nal.containsIdr(AnnexB.split(ByteBuffer.wrap(frame.bytes())));
    }
}
