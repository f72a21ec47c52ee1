package io.kapture.rtsp.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.kapture.api.PixelFormat;

/** RTSP requests written by hand: what the server answers, to right and to wrong requests. */
class RtspProtocolTest {

    private static LiveRtspServer live;

    @BeforeAll
    static void start() throws Exception {
        live = new LiveRtspServer(320, 240, PixelFormat.YUYV, 60);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        live.close();
    }

    @Test
    void optionsListsTheMethods() throws IOException {
        try (Connection connection = new Connection()) {
            String response = connection.send("OPTIONS * RTSP/1.0\r\nCSeq: 7\r\n\r\n");

            assertTrue(response.startsWith("RTSP/1.0 200 OK\r\n"), response);
            assertTrue(response.contains("CSeq: 7\r\n"), response);
            assertTrue(response.contains("Public: OPTIONS, DESCRIBE, SETUP, PLAY, PAUSE, TEARDOWN, GET_PARAMETER"),
                    response);
        }
    }

    @Test
    void describeAnswersWithTheStreamsParameterSets() throws IOException {
        try (Connection connection = new Connection()) {
            String response = connection.send("DESCRIBE " + live.url() + " RTSP/1.0\r\nCSeq: 2\r\n"
                    + "Accept: application/sdp\r\n\r\n");

            assertTrue(response.startsWith("RTSP/1.0 200 OK"), response);
            assertTrue(response.contains("Content-Base: " + live.url() + "/\r\n"), response);
            assertTrue(response.contains("Content-Type: application/sdp"), response);
            assertTrue(response.contains("m=video 0 RTP/AVP 96\r\n"), response);
            assertTrue(response.contains("a=rtpmap:96 H264/90000\r\n"), response);
            // constrained baseline from OpenH264: profile_idc 66 (0x42), constraint_set1 (0xc0)
            assertTrue(response.matches("(?s).*a=fmtp:96 packetization-mode=1;profile-level-id=42c0[0-9a-f]{2};"
                    + "sprop-parameter-sets=Z[A-Za-z0-9+/=]+,aM[A-Za-z0-9+/=]+\r\n.*"), response);
            assertTrue(response.contains("a=control:trackID=0\r\n"), response);
        }
    }

    @Test
    void anUnknownCameraIsNotFoundAndNothingIsLeftOpen() throws IOException {
        try (Connection connection = new Connection()) {
            String response = connection.send("DESCRIBE rtsp://127.0.0.1/nope RTSP/1.0\r\nCSeq: 1\r\n\r\n");

            assertTrue(response.startsWith("RTSP/1.0 404 Not Found"), response);
            assertTrue(response.contains("there is no camera 'nope'"), response);
        }
    }

    @Test
    void playBeforeSetupAndWrongSessionsAreRefused() throws IOException {
        try (Connection connection = new Connection()) {
            assertTrue(connection.send("PLAY " + live.url() + " RTSP/1.0\r\nCSeq: 1\r\nSession: 1234\r\n\r\n")
                    .startsWith("RTSP/1.0 454 Session Not Found"));
            String setup = connection.send("SETUP " + live.url() + "/trackID=0 RTSP/1.0\r\nCSeq: 2\r\n"
                    + "Transport: RTP/AVP;multicast;port=5000-5001\r\n\r\n");
            assertTrue(setup.startsWith("RTSP/1.0 461 Unsupported Transport"), setup);
            setup = connection.send("SETUP " + live.url() + "/trackID=0 RTSP/1.0\r\nCSeq: 3\r\n"
                    + "Transport: RTP/AVP/TCP;unicast;interleaved=4-5\r\n\r\n");
            assertTrue(setup.contains("Transport: RTP/AVP/TCP;unicast;interleaved=4-5\r\n"), setup);
            assertTrue(setup.matches("(?s).*Session: [0-9a-f]+;timeout=60\r\n.*"), setup);
            String session = setup.replaceAll("(?s).*Session: ([0-9a-f]+).*", "$1");
            assertTrue(connection.send("PLAY " + live.url() + " RTSP/1.0\r\nCSeq: 4\r\nSession: ffff\r\n\r\n")
                    .startsWith("RTSP/1.0 454"));
            String keepAlive = connection.send("GET_PARAMETER " + live.url() + " RTSP/1.0\r\nCSeq: 5\r\nSession: "
                    + session + "\r\n\r\n");
            assertTrue(keepAlive.startsWith("RTSP/1.0 200 OK"), keepAlive);
            assertTrue(connection.send("TEARDOWN " + live.url() + " RTSP/1.0\r\nCSeq: 6\r\nSession: " + session
                    + "\r\n\r\n").startsWith("RTSP/1.0 200 OK"));
            assertTrue(connection.send("RECORD " + live.url() + " RTSP/1.0\r\nCSeq: 7\r\n\r\n")
                    .startsWith("RTSP/1.0 405"));
        }
        await("feed closed").atMost(Duration.ofSeconds(20)).until(() -> live.feeds.openFeeds() == 0);
    }

    @Test
    void somethingThatIsNotRtspGets400AndTheConnectionCloses() throws IOException {
        try (Connection connection = new Connection()) {
            String response = connection.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n");

            assertTrue(response.startsWith("RTSP/1.0 400 Bad Request"), response);
            assertTrue(response.contains("not an RTSP/1.0 request line"), response);
            assertEquals(-1, connection.in.read(), "the server closed the connection");
        }
    }

    /** A raw RTSP connection to the live server. */
    private static final class Connection implements AutoCloseable {
        final Socket socket;
        final InputStream in;
        final OutputStream out;

        Connection() throws IOException {
            socket = new Socket("127.0.0.1", live.server.port());
            socket.setSoTimeout(30_000);
            in = socket.getInputStream();
            out = socket.getOutputStream();
        }

        String send(String request) throws IOException {
            return RtspLoadTest.request(out, in, request);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

}
