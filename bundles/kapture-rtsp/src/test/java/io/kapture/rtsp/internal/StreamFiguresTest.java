package io.kapture.rtsp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.kapture.api.encoder.EncoderChoice;
import io.kapture.api.encoder.EncoderSettings;
import io.kapture.testing.RecordingRegistrar;

/**
 * A camera's figures: clients counted by transport, their latest receiver reports aggregated worst case first (the
 * highest fraction lost and jitter, lost packets summed, clients without a report adding nothing), and the counters
 * kept apart from the feed. Report blocks are parsed with the 24-bit cumulative loss signed.
 */
class StreamFiguresTest {

    @Test
    void aggregatesThePlayingClientsLatestReportsWorstCaseFirst() {
        StreamCounters counters = new StreamCounters();
        counters.sessions.set(3);
        counters.receiverReports.add(7);
        CameraFeed feed = new CameraFeed("cam0", new RecordingRegistrar(), () -> new EncoderChoice(List.of()),
                EncoderSettings.DEFAULT, new RtpPacketizer(1400, 1, 0, 0));
        ClientStream tcp = client(true, counters);
        ClientStream udp = client(false, counters);
        ClientStream silent = client(false, counters);
        feed.addClient(tcp);
        feed.addClient(udp);
        feed.addClient(silent);
        tcp.received(new ReceiverReport(10, 5, 900, 0));
        udp.received(new ReceiverReport(40, 2, 180, 0));
        udp.received(new ReceiverReport(30, -1, 90, 0));

        StreamFigures figures = StreamFigures.of("cam0", counters, feed);

        assertEquals(3, figures.sessions());
        assertEquals(2, figures.udpClients());
        assertEquals(1, figures.tcpClients());
        assertEquals(7, figures.receiverReports());
        assertEquals(30 / 256.0, figures.worstFractionLost(), 1e-9, "the udp client's latest, not its earlier 40");
        assertEquals(4, figures.packetsLost(), "5 + -1; the silent client adds nothing");
        assertEquals(10.0, figures.maxJitterMillis(), 1e-9, "900 ticks of the 90 kHz clock");
        assertEquals("", figures.encoder(), "no frame came, so no encoder is open");

        feed.removeClient(tcp);
        StreamFigures later = StreamFigures.of("cam0", counters, feed);
        assertEquals(0, later.tcpClients());
        assertEquals(-1, later.packetsLost(), "a client that left is forgotten");
        assertEquals(1.0, later.maxJitterMillis(), 1e-9);
        feed.close();
    }

    @Test
    void withoutAnOpenFeedOnlyTheCountersRemain() {
        StreamCounters counters = new StreamCounters();
        counters.sent(FeedUnit.of(true, List.of(new byte[100], new byte[60]), 0));
        counters.byes.increment();
        counters.sessionTimeouts.increment();

        StreamFigures figures = StreamFigures.of("cam0", counters, null);

        assertEquals(new StreamFigures("cam0", 0, 0, 0, 2, 160, 0, 0, 0, 0, 1, 1, ""), figures);
    }

    @Test
    void aReportBlockIsReadWithItsLossSigned() {
        ByteBuffer block = ByteBuffer.allocate(24).putInt(0x1234).put((byte) 255).put((byte) 0xFF).put((byte) 0xFF)
                .put((byte) 0xFE).putInt(4000).putInt(4500).putInt(0xABCD0123).putInt(0);

        ReceiverReport report = ReceiverReport.read(block.array(), 0);

        assertEquals(new ReceiverReport(255, -2, 4500, 0xABCD0123L), report);
        assertEquals(50.0, report.jitterMillis(), 1e-9);
        ByteBuffer positive = ByteBuffer.wrap(block.array().clone()).put(5, (byte) 0x01).put(6, (byte) 0)
                .put(7, (byte) 0);
        assertEquals(65536, ReceiverReport.read(positive.array(), 0).cumulativeLost());
    }

    private ClientStream client(boolean tcp, StreamCounters counters) {
        SenderReports reports = new SenderReports(1, "kapture/cam0", System::nanoTime, Instant::now);
        ClientStream stream = new ClientStream("cam0 for test", new PacketSink() {
            @Override
            public void send(FeedUnit unit) {
            }

            @Override
            public void sendRtcp(byte[] packet) {
            }

            @Override
            public void close() {
            }
        }, 4, reports, tcp, counters, reason -> { });
        return stream;
    }
}
