package io.kapture.processor.recorder.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.kapture.api.Frame;
import io.kapture.api.FrameFormat;
import io.kapture.api.PixelFormat;
import io.kapture.api.encoder.AccessUnitSink;
import io.kapture.api.encoder.EncoderRanking;
import io.kapture.api.encoder.EncoderSettings;
import io.kapture.api.encoder.H264Parameters;
import io.kapture.api.encoder.VideoEncoder;
import io.kapture.api.encoder.VideoEncoderFactory;
import io.kapture.encoder.openh264.internal.OpenH264EncoderFactory;
import io.kapture.testing.ComponentConfig;
import io.kapture.testing.ProcessorFixture;
import io.kapture.testing.TestFrame;
import io.kapture.testing.VideoProbe;

/**
 * The H.264 encoder of a recording is told the rate the camera's frames come at, measured from their capture
 * times, not a fixed 30 fps: the real OpenH264, seen through a factory that notes every rate it is given, and the
 * recording read back by ffprobe (average frame rate, and a bitrate near the target rather than a third of it).
 */
class H264FrameRateTest extends ProcessorFixture {

    private static final int BITRATE_KBPS = 2000;
    private static final ComponentConfig<Config> H264 = ComponentConfig.of(Config.class).with("camera", "cam0")
            .with("format", "h264").with("h264.bitrate.kbps", BITRATE_KBPS).with("h264.keyframe.interval", 30);

    private final List<Double> ratesTold = new CopyOnWriteArrayList<>();

    @Test
    void aTenFpsCameraIsEncodedAtTenFpsAndItsBitrate() throws Exception {
        // told 30 fps, OpenH264 made 677 kbit/s of a 2000 kbit/s target; told 10 fps, 1939 (one run each)
        assertRecordedAt(10, record(10, 100, 4));
    }

    @Test
    void aSixtyFpsCameraIsEncodedAtSixtyFpsAndItsBitrate() throws Exception {
        // told 30 fps, OpenH264 made 4016 kbit/s of a 2000 kbit/s target; told 60 fps, 2197 (one run each)
        assertRecordedAt(60, record(60, 300, 8));
    }

    /** The encoder was last told {@code fps}; ffprobe finds that average rate, and a bitrate near the target. */
    private void assertRecordedAt(int fps, Path file) {
        double kbps = Double.parseDouble(probe(file, "format=bit_rate")) / 1000;
        assertEquals(fps, ratesTold.get(ratesTold.size() - 1), 0.01, "rates told: " + ratesTold + ", " + kbps
                + " kbit/s");
        assertEquals(fps + "/1", probe(file, "stream=avg_frame_rate"));
        assertTrue(kbps > 0.7 * BITRATE_KBPS && kbps < 1.3 * BITRATE_KBPS, kbps + " kbit/s");
    }

    @Test
    void anEncoderThatCannotChangeItsRateLiveIsOpenedAnewOnceTheRateIsMeasured() {
        FrameFormat format = FrameFormat.of(320, 240, PixelFormat.YUYV);
        try (H264FrameEncoder encoder = new H264FrameEncoder("cam0", noting(false)::choice,
                H264.as(RecorderSettings::from).h264())) {
            for (int n = 0; n < 40; n++) {
                TestFrame frame = TestFrame.builder(format, new byte[format.imageSize()]).camera("cam0").sequence(n)
                        .timestampNanos(n * 100_000_000L).build();
                try {
                    assertEquals(1, encoder.encode(frame).size(), "frame " + n);
                } finally {
                    frame.release();
                }
                assertEquals(n < FrameRateMeter.WINDOW - 1 ? 30 : 10, encoder.encoderFps(), 0.01, "frame " + n);
            }
        }
        // opened at the configured rate, then once anew when 16 frames had told the rate; never more
        assertEquals(List.of(30.0, 10.0), ratesTold);
    }

    @Test
    void theMeterFollowsCaptureTimesAndBeginsAnewAfterAStall() {
        FrameRateMeter meter = new FrameRateMeter();
        meter.add(0);
        assertTrue(meter.fps().isEmpty(), "one frame tells no rate");
        for (int n = 1; n < 40; n++) {
            meter.add(n * 40_000_000L);
        }
        assertEquals(25.0, meter.fps().getAsDouble(), 1e-9);
        meter.add(40 * 40_000_000L + 5_000_000_000L); // a 5 s stall: the rate before it no longer says anything
        assertTrue(meter.fps().isEmpty());
        assertEquals(1, meter.frames());
    }

    /**
     * {@code frames} of fresh blocky noise (every picture new, so the rate control, not the content, sets the bitrate)
     * captured at {@code fps}, recorded into one MP4 file.
     */
    private Path record(double fps, int frames, int block) throws IOException {
        CameraRecorder recorder = new CameraRecorder(registrar, root, H264.as(RecorderSettings::from), noting(true));
        FrameFormat format = FrameFormat.of(320, 240, PixelFormat.YUYV);
        Random random = new Random(42);
        for (int n = 0; n < frames; n++) {
            byte[] image = H264Frames.blocks(format, random, block);
            TestFrame frame = TestFrame.builder(format, image).camera("cam0").sequence(n)
                    .timestampNanos(Math.round(n * 1e9 / fps)).build();
            try {
                registrar.deliver(frame);
            } finally {
                frame.release();
            }
        }
        recorder.deactivate();
        try (Stream<Path> files = Files.list(root.folder("folder", "recordings"))) {
            List<Path> all = files.toList();
            assertEquals(1, all.size(), all.toString());
            return all.get(0);
        }
    }

    private static String probe(Path file, String entry) {
        return VideoProbe.run(List.of("ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries", entry,
                "-of", "csv=p=0", file.toString()), 60).trim();
    }

    /**
     * OpenH264, noting the frame rate of every open and live reconfiguration; unless {@code live}, refusing to be
     * reconfigured (as an encoder that cannot change its rate while running).
     */
    private EncoderRanking noting(boolean live) {
        VideoEncoderFactory openh264 = new OpenH264EncoderFactory();
        VideoEncoderFactory factory = new VideoEncoderFactory() {
            @Override
            public String name() {
                return "noting";
            }

            @Override
            public boolean accepts(FrameFormat input) {
                return openh264.accepts(input);
            }

            @Override
            public String unavailableReason(FrameFormat input) {
                return openh264.unavailableReason(input);
            }

            @Override
            public VideoEncoder open(FrameFormat input, EncoderSettings settings, AccessUnitSink sink) {
                ratesTold.add(settings.frameRate());
                return new Noting(openh264.open(input, settings, sink), live);
            }
        };
        EncoderRanking ranking = new EncoderRanking();
        ranking.add(factory, Map.of(VideoEncoderFactory.CODEC, VideoEncoderFactory.H264));
        return ranking;
    }

    private final class Noting implements VideoEncoder {
        private final VideoEncoder encoder;
        private final boolean live;

        Noting(VideoEncoder encoder, boolean live) {
            this.encoder = encoder;
            this.live = live;
        }

        @Override
        public void encode(Frame frame) {
            encoder.encode(frame);
        }

        @Override
        public boolean reconfigure(EncoderSettings settings) {
            if (!live || !encoder.reconfigure(settings)) {
                return false;
            }
            ratesTold.add(settings.frameRate());
            return true;
        }

        @Override
        public void requestKeyframe() {
            encoder.requestKeyframe();
        }

        @Override
        public Optional<H264Parameters> parameters() {
            return encoder.parameters();
        }

        @Override
        public void close() {
            encoder.close();
        }
    }
}
