package io.kapture.rtsp.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.kapture.api.PixelFormat;
import io.kapture.testing.VideoProbe;

/**
 * The server against real clients nobody here wrote: ffprobe, ffmpeg and GStreamer's rtspsrc, reading the synthetic
 * camera encoded by OpenH264.
 */
class RtspClientsTest {

    private LiveRtspServer live;

    @TempDir
    Path folder;

    @BeforeEach
    void start() throws Exception {
        live = new LiveRtspServer(640, 480, PixelFormat.YUYV, 60);
    }

    @AfterEach
    void stop() throws InterruptedException {
        live.close();
    }

    @Test
    void ffprobeOverTcpSeesH264AtTheCamerasSize() {
        VideoProbe.Report report = VideoProbe.probe(live.url(), List.of("-rtsp_transport", "tcp", "-read_intervals",
                "%+3"), 60);

        assertEquals("h264", report.codec());
        assertEquals(640, report.width());
        assertEquals(480, report.height());
        assertTrue(report.frames() >= 30, "frames decoded in 3 s: " + report.frames());
        awaitAllClosed();
    }

    @Test
    void ffmpegCopiesTheStreamIntoAnMp4ThatFfprobeReadsBack() {
        Path mp4 = folder.resolve("copy.mp4");
        VideoProbe.run(List.of("ffmpeg", "-v", "error", "-rtsp_transport", "tcp", "-i", live.url(), "-frames:v", "45",
                "-c", "copy", mp4.toString()), 60);

        VideoProbe.Report report = VideoProbe.probe(mp4);
        assertEquals("h264", report.codec());
        assertEquals(640, report.width());
        assertEquals(45, report.frames());
        awaitAllClosed();
    }

    @Test
    void udpWhenAsked() {
        Path mp4 = folder.resolve("udp.mp4");
        VideoProbe.run(List.of("ffmpeg", "-v", "error", "-rtsp_transport", "udp", "-i", live.url(), "-frames:v", "30",
                "-c", "copy", mp4.toString()), 60);

        assertEquals(30, VideoProbe.probe(mp4).frames());
        awaitAllClosed();
    }

    @Test
    void gstreamerRtspsrcDepayloadsAndParses() {
        String output = VideoProbe.run(List.of("gst-launch-1.0", "-q", "rtspsrc", "location=" + live.url(),
                "protocols=tcp", "!", "rtph264depay", "!", "h264parse", "!", "video/x-h264,width=640,height=480", "!",
                "fakesink", "num-buffers=30"), 60);

        assertTrue(output.isEmpty() || !output.contains("ERROR"), output);
        awaitAllClosed();
    }

    /**
     * GStreamer's RTP session sends receiver reports within the 8 s it watches, over TCP (interleaved channel 1) and
     * UDP (to the server's RTCP port); their LSR field echoes our last sender report, which shows it parsed one.
     */
    @Test
    void rtspsrcReadsOurSenderReportsAndSendsReceiverReportsOverTcpAndUdp() {
        RtcpReceiver rtcp = live.counters().rtcp;
        for (String protocol : List.of("tcp", "udp")) {
            long before = rtcp.reports();
            VideoProbe.run(List.of("gst-launch-1.0", "-q", "rtspsrc", "location=" + live.url(), "protocols=" + protocol,
                    "!", "rtph264depay", "!", "h264parse", "!", "fakesink", "num-buffers=240"), 60);

            assertTrue(rtcp.reports() > before, protocol + ": no receiver report");
            assertTrue(rtcp.lastSenderReportSeen() > 0, protocol + ": LSR " + rtcp.lastSenderReportSeen());
            assertEquals(0, rtcp.malformed());
            awaitAllClosed();
        }
    }

    private void awaitAllClosed() {
        await("feeds closed after the client left").atMost(Duration.ofSeconds(20))
                .until(() -> live.feeds.openFeeds() == 0 && live.server.connections() == 0);
        assertEquals(live.registrar.registrations(), live.registrar.unregistrations());
    }
}
