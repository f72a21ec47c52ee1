package io.kapture.rtsp.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.kapture.api.PixelFormat;
import io.kapture.api.encoder.EncoderSettings;
import io.kapture.encoder.openh264.internal.OpenH264EncoderFactory;

/**
 * How sessions end, as the camera's figures count them: a set-up session is counted while it lasts; one whose
 * client falls silent past the session timeout is closed and counted as timed out; a TEARDOWN is not a timeout.
 */
class SessionEndingsTest {

    @Test
    void aSilentClientsSessionTimesOutAndIsCounted() throws Exception {
        try (LiveRtspServer live = new LiveRtspServer(320, 240, PixelFormat.YUYV, 60,
                List.of(new OpenH264EncoderFactory()), EncoderSettings.DEFAULT, Duration.ofSeconds(2));
                Socket silent = new Socket("127.0.0.1", live.server.port());
                Socket polite = new Socket("127.0.0.1", live.server.port())) {
            setUp(live, silent);
            String politeSession = setUp(live, polite);
            await("both sessions set up").atMost(Duration.ofSeconds(10)).until(() -> figures(live).sessions() == 2);

            RtspLoadTest.request(polite.getOutputStream(), new DataInputStream(polite.getInputStream()),
                    "TEARDOWN " + live.url() + " RTSP/1.0\r\nCSeq: 3\r\nSession: " + politeSession + "\r\n\r\n");
            await("the silent session timed out").atMost(Duration.ofSeconds(10))
                    .until(() -> figures(live).sessionTimeouts() == 1);
            assertEquals(0, figures(live).sessions());
            assertEquals(1, figures(live).sessionTimeouts(), "the TEARDOWN is no timeout");
        }
    }

    /** DESCRIBE and SETUP (interleaved, not playing); the session id. */
    private static String setUp(LiveRtspServer live, Socket socket) throws IOException {
        socket.setSoTimeout(30_000);
        OutputStream out = socket.getOutputStream();
        DataInputStream in = new DataInputStream(socket.getInputStream());
        RtspLoadTest.request(out, in, "DESCRIBE " + live.url() + " RTSP/1.0\r\nCSeq: 1\r\n\r\n");
        String setup = RtspLoadTest.request(out, in, "SETUP " + live.url() + "/" + Sdp.TRACK + " RTSP/1.0\r\n"
                + "CSeq: 2\r\nTransport: RTP/AVP/TCP;unicast;interleaved=0-1\r\n\r\n");
        return setup.replaceAll("(?s).*Session: ([0-9a-f]+).*", "$1");
    }

    private static StreamFigures figures(LiveRtspServer live) {
        return StreamFigures.of(LiveRtspServer.CAMERA, live.counters().stream(LiveRtspServer.CAMERA),
                live.feeds.feed(LiveRtspServer.CAMERA));
    }
}
