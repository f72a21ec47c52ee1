package io.kapture.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;

import org.apache.karaf.features.FeaturesService;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import io.kapture.api.CaptureSession;
import io.kapture.api.FrameFormat;
import io.kapture.api.PixelFormat;
import io.kapture.api.SessionState;
import io.kapture.api.encoder.VideoEncoderFactory;

/**
 * The distribution's RTSP server with its software H.264 encoder, watched by real clients: ffprobe (codec, size,
 * frame count) and ffmpeg copying the stream into an MP4 that ffprobe reads back. The container listens on a free
 * port ({@link KaptureTestSupport} sets {@code port} in {@code etc/io.kapture.rtsp.cfg}).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class KaptureRtspIT extends KaptureTestSupport {

    @Inject
    private FeaturesService features;

    @Test
    public void theDistributionEncodesH264WithOpenH264() throws Exception {
        for (String feature : List.of("kapture-h264", "kapture-rtsp")) {
            assertTrue(feature + " is installed", features.isInstalled(features.getFeature(feature)));
        }
        VideoEncoderFactory encoder = service(VideoEncoderFactory.class);
        assertEquals("openh264", encoder.name());
        FrameFormat vga = FrameFormat.of(640, 480, PixelFormat.YUYV);
        assertEquals("", encoder.unavailableReason(vga));
    }

    @Test
    public void ffprobeReadsTheSyntheticCameraOverRtsp() throws Exception {
        CaptureSession camera = awaitSession(SYNTHETIC_CAMERA, SessionState.RUNNING);
        String output = run(List.of("ffprobe", "-v", "error", "-rtsp_transport", "tcp", "-read_intervals", "%+3",
                "-count_frames", "-select_streams", "v:0", "-show_entries",
                "stream=codec_name,width,height,nb_read_frames", "-of", "default=noprint_wrappers=1", url()));

        Map<String, String> stream = keyValues(output);
        assertEquals(output, "h264", stream.get("codec_name"));
        assertEquals(output, "640", stream.get("width"));
        assertEquals(output, "480", stream.get("height"));
        assertTrue(output, Integer.parseInt(stream.get("nb_read_frames")) >= 30);
        await("the RTSP listener unsubscribed after the client left").atMost(TIMEOUT)
                .until(() -> listenerStats(camera, "rtsp:" + SYNTHETIC_CAMERA).isEmpty());
    }

    @Test
    public void ffmpegCopiesTheStreamIntoAnMp4ThatFfprobeReadsBack() throws Exception {
        awaitSession(SYNTHETIC_CAMERA, SessionState.RUNNING);
        Path mp4 = Files.createTempDirectory("kapture-rtsp-it").resolve("copy.mp4");
        try {
            run(List.of("ffmpeg", "-v", "error", "-rtsp_transport", "tcp", "-i", url(), "-frames:v", "60", "-c",
                    "copy", mp4.toString()));

            Map<String, String> stream = keyValues(run(List.of("ffprobe", "-v", "error", "-count_frames",
                    "-select_streams", "v:0", "-show_entries", "stream=codec_name,width,nb_read_frames", "-of",
                    "default=noprint_wrappers=1", mp4.toString())));
            assertEquals("h264", stream.get("codec_name"));
            assertEquals("640", stream.get("width"));
            assertEquals("60", stream.get("nb_read_frames"));
        } finally {
            Files.deleteIfExists(mp4);
            Files.deleteIfExists(mp4.getParent());
        }
    }

    private String url() throws IOException {
        return "rtsp://127.0.0.1:" + configuredPort(RTSP_PID, "port") + "/" + SYNTHETIC_CAMERA;
    }

    /** Runs a client to its end (at most a minute), returning its output; a failure says what it printed. */
    private static String run(List<String> command) throws IOException, InterruptedException {
        File log = File.createTempFile("kapture-rtsp-client", ".log");
        try {
            Process process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true)
                    .redirectOutput(log).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError(command + " did not finish within 60 s: " + read(log));
            }
            String output = read(log);
            assertEquals(command + " failed: " + output, 0, process.exitValue());
            return output;
        } finally {
            Files.deleteIfExists(log.toPath());
        }
    }

    private static String read(File file) throws IOException {
        return new String(Files.readAllBytes(file.toPath()), StandardCharsets.UTF_8);
    }

    private static Map<String, String> keyValues(String output) {
        Map<String, String> values = new HashMap<>();
        for (String line : output.split("\\R")) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                values.putIfAbsent(line.substring(0, equals).trim(), line.substring(equals + 1).trim());
            }
        }
        return values;
    }
}
