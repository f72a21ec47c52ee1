package io.kapture.rtsp.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.kapture.api.PixelFormat;
import io.kapture.api.encoder.EncoderSettings;
import io.kapture.api.encoder.H264Profile;
import io.kapture.encoder.openh264.internal.OpenH264EncoderFactory;
import io.kapture.testing.VideoProbe;

/** Many clients at once, a client killed mid-stream and a client that stops reading, against one camera. */
class RtspLoadTest {

    @TempDir
    Path folder;

    @Test
    void eightFfmpegClientsAtOnceShareOneListenerAndOneEncoder() throws Exception {
        try (LiveRtspServer live = new LiveRtspServer(320, 240, PixelFormat.NV12, 60)) {
            List<Process> clients = new ArrayList<>();
            try {
                for (int i = 0; i < 8; i++) {
                    clients.add(ffmpeg(live, folder.resolve("client" + i + ".mp4"), 60));
                }
                await("8 clients playing").atMost(Duration.ofSeconds(60))
                        .until(() -> live.feeds.feed(LiveRtspServer.CAMERA) != null
                                && live.feeds.feed(LiveRtspServer.CAMERA).clients() == 8);
                assertEquals(1, live.registrar.registrations(), "one frame listener for all clients");
                for (int i = 0; i < 8; i++) {
                    assertTrue(clients.get(i).waitFor(60, TimeUnit.SECONDS), "client " + i + " finished");
                    assertEquals(0, clients.get(i).exitValue(), "client " + i + " exit status");
                    assertEquals(60, VideoProbe.probe(folder.resolve("client" + i + ".mp4")).frames(), "client " + i);
                }
            } finally {
                for (Process client : clients) {
                    client.destroyForcibly().waitFor();
                }
            }
            await("feed closed").atMost(Duration.ofSeconds(20)).until(() -> live.feeds.openFeeds() == 0);
            assertEquals(1, live.registrar.unregistrations());
        }
    }

    @Test
    void aClientKilledMidStreamLeavesTheOthersPlayingAndIsCleanedUp() throws Exception {
        try (LiveRtspServer live = new LiveRtspServer(320, 240, PixelFormat.YUYV, 60)) {
            Process doomed = ffmpeg(live, folder.resolve("doomed.mp4"), 100_000);
            Process survivor = ffmpeg(live, folder.resolve("survivor.mp4"), 150);
            try {
                await("both playing").atMost(Duration.ofSeconds(60))
                        .until(() -> live.feeds.feed(LiveRtspServer.CAMERA) != null
                                && live.feeds.feed(LiveRtspServer.CAMERA).clients() == 2);
                doomed.destroyForcibly().waitFor();

                await("the killed client's session is gone").atMost(Duration.ofSeconds(30))
                        .until(() -> live.server.connections() == 1
                                && live.feeds.feed(LiveRtspServer.CAMERA).clients() == 1);
                assertTrue(survivor.waitFor(60, TimeUnit.SECONDS), "the other client finished");
                assertEquals(0, survivor.exitValue());
                assertEquals(150, VideoProbe.probe(folder.resolve("survivor.mp4")).frames());
            } finally {
                doomed.destroyForcibly().waitFor();
                survivor.destroyForcibly().waitFor();
            }
            await("feed closed").atMost(Duration.ofSeconds(20)).until(() -> live.feeds.openFeeds() == 0);
        }
    }

    /**
     * With a keyframe only every 3600 frames (two minutes), a client joining a running stream could decode nothing
     * until the next one; the server asks the encoder for a keyframe when a client starts, so the late joiner decodes
     * every frame it records, its first one a keyframe.
     */
    @Test
    void aLateJoinerGetsAKeyframeAtOnce() throws Exception {
        EncoderSettings rareKeyframes = new EncoderSettings(1_000_000, 3600, H264Profile.BASELINE, 30);
        try (LiveRtspServer live = new LiveRtspServer(320, 240, PixelFormat.YUYV, 60,
                List.of(new OpenH264EncoderFactory()), rareKeyframes)) {
            Process first = ffmpeg(live, folder.resolve("first.mp4"), 100_000);
            Process joiner = null;
            try {
                await("the first client playing").atMost(Duration.ofSeconds(60))
                        .until(() -> live.feeds.feed(LiveRtspServer.CAMERA) != null
                                && live.feeds.feed(LiveRtspServer.CAMERA).framesEncoded() > 60);
                Path late = folder.resolve("late.mp4");
                joiner = ffmpeg(live, late, 30);

                assertTrue(joiner.waitFor(60, TimeUnit.SECONDS), "the late joiner finished");
                assertEquals(0, joiner.exitValue());
                assertEquals(30, VideoProbe.probe(late).frames());
                assertTrue(VideoProbe.keyFrames(late).get(0), "the late joiner's first frame is a keyframe");
            } finally {
                first.destroyForcibly().waitFor();
                if (joiner != null) {
                    joiner.destroyForcibly().waitFor();
                }
            }
        }
    }

    /**
     * The queue is the default two seconds: a healthy ffmpeg on a loaded machine must never be mistaken for a stuck
     * client, while the stuck one, behind a small receive buffer and the server's 128 KiB send buffer, overflows it
     * within seconds.
     */
    @Test
    void aClientThatStopsReadingIsDroppedWhileAnotherKeepsPlaying() throws Exception {
        try (LiveRtspServer live = new LiveRtspServer(640, 480, PixelFormat.YUYV, 60);
                Socket stuck = new Socket()) {
            stuck.setReceiveBufferSize(4096);
            stuck.connect(new InetSocketAddress(live.server.context().address(), live.server.port()));
            OutputStream out = stuck.getOutputStream();
            InputStream in = stuck.getInputStream();
            String url = live.url();
            request(out, in, "DESCRIBE " + url + " RTSP/1.0\r\nCSeq: 1\r\n\r\n");
            String setup = request(out, in, "SETUP " + url + "/trackID=0 RTSP/1.0\r\nCSeq: 2\r\n"
                    + "Transport: RTP/AVP/TCP;unicast;interleaved=0-1\r\n\r\n");
            String session = setup.replaceAll("(?s).*Session: ([0-9a-f]+).*", "$1");
            out.write(("PLAY " + url + " RTSP/1.0\r\nCSeq: 3\r\nSession: " + session + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            // and never read again
            Process watcher = ffmpeg(live, folder.resolve("watcher.mp4"), 90);
            try {
                await("the stuck client dropped").atMost(Duration.ofSeconds(60))
                        .until(() -> live.counters().slowClientsDropped.get() == 1);
                assertTrue(watcher.waitFor(60, TimeUnit.SECONDS));
                assertEquals(0, watcher.exitValue());
                assertEquals(90, VideoProbe.probe(folder.resolve("watcher.mp4")).frames());
            } finally {
                watcher.destroyForcibly().waitFor();
            }
        }
    }

    static String request(OutputStream out, InputStream in, String request) throws IOException {
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        StringBuilder response = new StringBuilder();
        while (!response.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("connection closed after: " + response);
            }
            response.append((char) c);
        }
        String head = response.toString();
        Matcher matcher = Pattern.compile("Content-Length: (\\d+)").matcher(head);
        if (matcher.find()) {
            int length = Integer.parseInt(matcher.group(1));
            response.append(new String(in.readNBytes(length), StandardCharsets.UTF_8));
        }
        return response.toString();
    }

    private static Process ffmpeg(LiveRtspServer live, Path output, int frames) throws IOException {
        return new ProcessBuilder("ffmpeg", "-v", "error", "-rtsp_transport", "tcp", "-i", live.url(), "-frames:v",
                Integer.toString(frames), "-c", "copy", output.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }
}
