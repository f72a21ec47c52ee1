package io.kapture.rtsp.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.kapture.api.PixelFormat;

/**
 * RTCP over the interleaved transport, read by a small client of the test's own that sees every byte: the server's
 * first sender report (RFC 3550 6.4.1) comes right after the first access unit on channel 1, with the stream's SSRC,
 * the client's exact packet and payload-octet counts, an NTP time that is now, an RTP time that follows the last
 * packet's, and an SDES CNAME; the client's receiver report and a malformed frame are read without harm, and its
 * BYE ends the stream while the connection stays usable. The camera's figures show the client by transport, its
 * report's loss and jitter while it plays, and the BYE. Over UDP the reports come from the port after the (even)
 * RTP port, and a BYE sent there ends the stream too.
 */
class RtcpTest {

    private LiveRtspServer live;

    @BeforeEach
    void start() throws Exception {
        live = new LiveRtspServer(320, 240, PixelFormat.YUYV, 60);
    }

    @AfterEach
    void stop() throws InterruptedException {
        live.close();
    }

    @Test
    void senderReportsCountWhatTheClientGotAndMapNtpToRtpTime() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", live.server.port())) {
            socket.setSoTimeout(30_000);
            DataInputStream in = new DataInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            String session = play(out, in);

            long packets = 0;
            long octets = 0;
            int ssrc = 0;
            int lastRtpTimestamp = 0;
            byte[] report;
            while (true) {
                byte[] frame = interleaved(in);
                int channel = frame[0];
                byte[] data = Arrays.copyOfRange(frame, 1, frame.length);
                if (channel == 0) {
                    packets++;
                    octets += data.length - RtpPacketizer.HEADER;
                    ssrc = ByteBuffer.wrap(data).getInt(8);
                    lastRtpTimestamp = ByteBuffer.wrap(data).getInt(4);
                } else {
                    assertEquals(1, channel, "RTCP on the channel SETUP named");
                    report = data;
                    break;
                }
            }
            Instant received = Instant.now();

            ByteBuffer sr = ByteBuffer.wrap(report);
            assertEquals(0x80, sr.get() & 0xFF, "version 2, no padding, no report blocks");
            assertEquals(200, sr.get() & 0xFF, "SR");
            assertEquals(6, sr.getShort(), "length in words minus one");
            assertEquals(ssrc, sr.getInt(), "the RTP packets' SSRC");
            long ntpSeconds = sr.getInt() & 0xFFFF_FFFFL;
            long ntpFraction = sr.getInt() & 0xFFFF_FFFFL;
            int rtpTimestamp = sr.getInt();
            assertEquals(packets, sr.getInt(), "packets sent to this client");
            assertEquals(octets, sr.getInt(), "payload octets sent to this client");
            double ntp = ntpSeconds - SenderReports.NTP_UNIX_OFFSET + ntpFraction / 4294967296.0;
            double now = received.getEpochSecond() + received.getNano() / 1e9;
            assertTrue(Math.abs(now - ntp) < 2, "NTP time " + ntp + " is now, " + now);
            int ticksAfterLastPacket = rtpTimestamp - lastRtpTimestamp;
            assertTrue(ticksAfterLastPacket >= 0 && ticksAfterLastPacket < 90_000,
                    "RTP time of the report follows the last packet's: " + ticksAfterLastPacket + " ticks");
            assertEquals(0x81, sr.get() & 0xFF, "SDES with one chunk");
            assertEquals(202, sr.get() & 0xFF);
            int words = sr.getShort();
            assertEquals(report.length, 28 + (words + 1) * 4, "the compound packet ends with the SDES");
            assertEquals(ssrc, sr.getInt());
            assertEquals(1, sr.get(), "CNAME");
            byte[] cname = new byte[sr.get()];
            sr.get(cname);
            assertEquals("kapture/" + LiveRtspServer.CAMERA, new String(cname, StandardCharsets.UTF_8));

            RtcpReceiver counts = live.counters().rtcp;
            write(out, 1, receiverReport(ssrc));
            write(out, 1, new byte[] { 1, 2, 3 });
            await("the receiver report read").atMost(Duration.ofSeconds(10)).until(() -> counts.reports() == 1);
            assertEquals(1, counts.malformed());
            assertEquals(12, counts.lastFractionLost());
            assertEquals(345, counts.lastJitter());
            assertEquals(1, live.feeds.feed(LiveRtspServer.CAMERA).clients());
            StreamFigures playing = figures();
            assertEquals(1, playing.sessions());
            assertEquals(1, playing.tcpClients());
            assertEquals(0, playing.udpClients());
            assertEquals(1, playing.receiverReports());
            assertEquals(12 / 256.0, playing.worstFractionLost(), 1e-9);
            assertEquals(3, playing.packetsLost());
            assertEquals(345 / 90.0, playing.maxJitterMillis(), 1e-9);
            assertTrue(playing.packetsSent() >= packets, playing.packetsSent() + " sent, " + packets + " seen");
            assertTrue(playing.bytesSent() >= octets + packets * RtpPacketizer.HEADER, playing.toString());
            assertTrue(playing.encoder().toLowerCase(java.util.Locale.ROOT).contains("openh264"), playing.encoder());

            write(out, 1, bye(ssrc ^ 1));
            await("BYE ends the stream").atMost(Duration.ofSeconds(10))
                    .until(() -> live.feeds.feed(LiveRtspServer.CAMERA).clients() == 0);
            assertEquals(1, counts.byes());
            StreamFigures paused = figures();
            assertEquals(1, paused.byes());
            assertEquals(0, paused.tcpClients());
            assertEquals(1, paused.sessions(), "a BYE ends the stream, not the session");
            assertEquals(0, paused.packetsLost(), "the client that left is forgotten");
            out.write(("GET_PARAMETER " + live.url() + " RTSP/1.0\r\nCSeq: 9\r\nSession: " + session + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String response = responseAfterFrames(in);
            assertTrue(response.startsWith("RTSP/1.0 200 OK") && response.contains("CSeq: 9"), response);
        }
    }

    /**
     * Over UDP: the server's RTP port is even and RTCP comes from the next one, as the SETUP reply says; the SR
     * there names the stream's SSRC; a BYE sent to that port ends the stream.
     */
    @Test
    void overUdpReportsComeFromTheNextPortAndAByeThereEndsTheStream() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", live.server.port());
                DatagramSocket rtp = new DatagramSocket(0, InetAddress.getLoopbackAddress());
                DatagramSocket rtcp = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            socket.setSoTimeout(30_000);
            rtcp.setSoTimeout(30_000);
            DataInputStream in = new DataInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            RtspLoadTest.request(out, in, "DESCRIBE " + live.url() + " RTSP/1.0\r\nCSeq: 1\r\n\r\n");
            String setup = RtspLoadTest.request(out, in, "SETUP " + live.url() + "/" + Sdp.TRACK + " RTSP/1.0\r\n"
                    + "CSeq: 2\r\nTransport: RTP/AVP;unicast;client_port=" + rtp.getLocalPort() + "-"
                    + rtcp.getLocalPort() + "\r\n\r\n");
            Matcher ports = Pattern.compile("server_port=(\\d+)-(\\d+);ssrc=([0-9A-F]{8})").matcher(setup);
            assertTrue(ports.find(), setup);
            int serverRtp = Integer.parseInt(ports.group(1));
            assertEquals(0, serverRtp % 2, "RTP on an even port");
            assertEquals(serverRtp + 1, Integer.parseInt(ports.group(2)));
            int ssrc = Integer.parseUnsignedInt(ports.group(3), 16);
            String session = setup.replaceAll("(?s).*Session: ([0-9a-f]+).*", "$1");
            RtspLoadTest.request(out, in, "PLAY " + live.url() + " RTSP/1.0\r\nCSeq: 3\r\nSession: " + session
                    + "\r\n\r\n");

            DatagramPacket report = new DatagramPacket(new byte[1500], 1500);
            rtcp.receive(report);
            assertEquals(serverRtp + 1, report.getPort(), "RTCP from the server's RTCP port");
            ByteBuffer sr = ByteBuffer.wrap(report.getData(), 0, report.getLength());
            assertEquals(200, sr.get(1) & 0xFF);
            assertEquals(ssrc, sr.getInt(4));
            assertEquals(1, live.feeds.feed(LiveRtspServer.CAMERA).clients());

            byte[] bye = bye(ssrc ^ 1);
            rtcp.send(new DatagramPacket(bye, bye.length, InetAddress.getLoopbackAddress(), serverRtp + 1));
            await("BYE over UDP ends the stream").atMost(Duration.ofSeconds(10))
                    .until(() -> live.feeds.feed(LiveRtspServer.CAMERA).clients() == 0);
            assertEquals(1, live.counters().rtcp.byes());
            assertEquals(1, figures().byes());
        }
        await("the session closed with its connection").atMost(Duration.ofSeconds(10))
                .until(() -> figures().sessions() == 0);
    }

    private StreamFigures figures() {
        return StreamFigures.of(LiveRtspServer.CAMERA, live.counters().stream(LiveRtspServer.CAMERA),
                live.feeds.feed(LiveRtspServer.CAMERA));
    }

    /** DESCRIBE, SETUP interleaved 0-1, PLAY; the session id. */
    private String play(OutputStream out, DataInputStream in) throws IOException {
        RtspLoadTest.request(out, in, "DESCRIBE " + live.url() + " RTSP/1.0\r\nCSeq: 1\r\n\r\n");
        String setup = RtspLoadTest.request(out, in, "SETUP " + live.url() + "/" + Sdp.TRACK + " RTSP/1.0\r\n"
                + "CSeq: 2\r\nTransport: RTP/AVP/TCP;unicast;interleaved=0-1\r\n\r\n");
        String session = setup.replaceAll("(?s).*Session: ([0-9a-f]+).*", "$1");
        String play = RtspLoadTest.request(out, in, "PLAY " + live.url() + " RTSP/1.0\r\nCSeq: 3\r\nSession: "
                + session + "\r\n\r\n");
        assertTrue(play.startsWith("RTSP/1.0 200 OK"), play);
        return session;
    }

    /** The next interleaved frame: its channel, then its data. */
    private static byte[] interleaved(DataInputStream in) throws IOException {
        int magic = in.read();
        assertEquals('$', magic, "an interleaved frame");
        int channel = in.read();
        byte[] frame = new byte[1 + in.readUnsignedShort()];
        frame[0] = (byte) channel;
        in.readFully(frame, 1, frame.length - 1);
        return frame;
    }

    /** Skips interleaved frames up to a response, and reads its head. */
    private static String responseAfterFrames(DataInputStream in) throws IOException {
        while (true) {
            int first = in.read();
            if (first == '$') {
                in.read();
                in.skipNBytes(in.readUnsignedShort());
                continue;
            }
            StringBuilder head = new StringBuilder().append((char) first);
            while (!head.toString().endsWith("\r\n\r\n")) {
                head.append((char) in.read());
            }
            return head.toString();
        }
    }

    private static void write(OutputStream out, int channel, byte[] data) throws IOException {
        out.write(new byte[] { '$', (byte) channel, (byte) (data.length >> 8), (byte) data.length });
        out.write(data);
        out.flush();
    }

    /** An RR with one report block about {@code ssrc}: 12/256 lost, jitter 345 ticks. */
    private static byte[] receiverReport(int ssrc) {
        ByteBuffer rr = ByteBuffer.allocate(32);
        rr.put((byte) 0x81).put((byte) 201).putShort((short) 7).putInt(0x1234);
        rr.putInt(ssrc).put((byte) 12).put((byte) 0).putShort((short) 3).putInt(4000).putInt(345).putInt(0).putInt(0);
        return rr.array();
    }

    private static byte[] bye(int ssrc) {
        ByteBuffer rr = ByteBuffer.allocate(8 + 8);
        rr.put((byte) 0x80).put((byte) 201).putShort((short) 1).putInt(ssrc);
        rr.put((byte) 0x81).put((byte) 203).putShort((short) 1).putInt(ssrc);
        return rr.array();
    }
}
