package io.kapture.web.internal.metrics;

import static io.kapture.web.internal.metrics.PrometheusText.Type.COUNTER;
import static io.kapture.web.internal.metrics.PrometheusText.Type.GAUGE;

import io.kapture.rtsp.RtspStatistics;
import io.kapture.rtsp.StreamStatistics;

/**
 * The RTSP server's figures ({@link RtspStatistics}) as Prometheus metrics: server-wide connections, and per camera
 * (label {@code camera}) sessions, clients by transport, RTP sent, the clients' receiver reports (worst loss, lost
 * packets, worst jitter in seconds), timeouts, BYEs and the encoder in use. The service comes as an {@code Object}
 * so that the metrics servlet never names {@code io.kapture.rtsp}, which kapture-web imports optionally; this class
 * is loaded only when there is such a service.
 *
 * <p>Stateless; safe from any thread.
 */
public final class RtspMetrics {

    private static final double MILLIS_PER_SECOND = 1e3;

    private RtspMetrics() {
    }

    /** @param service an {@link RtspStatistics} */
    public static void add(PrometheusText out, Object service) {
        RtspStatistics rtsp = (RtspStatistics) service;
        out.family("kapture_rtsp_connections", GAUGE, "RTSP connections open now.").sample(rtsp.openConnections());
        out.family("kapture_rtsp_connections_total", COUNTER, "RTSP connections accepted or refused.")
                .sample(rtsp.connections());
        out.family("kapture_rtsp_connections_refused_total", COUNTER, "RTSP connections refused because max.clients"
                + " were open.").sample(rtsp.connectionsRefused());
        out.family("kapture_rtsp_slow_clients_dropped_total", COUNTER, "RTSP clients dropped because they stopped"
                + " reading.").sample(rtsp.slowClientsDropped());
        out.family("kapture_rtsp_rtcp_malformed_total", COUNTER, "Malformed RTCP packets from clients, ignored.")
                .sample(rtsp.malformedRtcp());
        for (StreamStatistics stream : rtsp.streams()) {
            String camera = stream.camera();
            out.family("kapture_rtsp_sessions", GAUGE, "RTSP sessions set up on the camera.")
                    .sample(stream.sessions(), "camera", camera);
            out.family("kapture_rtsp_clients", GAUGE, "Clients playing the camera, by RTP transport.")
                    .sample(stream.udpClients(), "camera", camera, "transport", "udp")
                    .sample(stream.tcpClients(), "camera", camera, "transport", "tcp");
            out.family("kapture_rtsp_packets_sent_total", COUNTER, "RTP packets sent to the camera's clients.")
                    .sample(stream.packetsSent(), "camera", camera);
            out.family("kapture_rtsp_sent_bytes_total", COUNTER, "Bytes of RTP packets (headers included) sent to"
                    + " the camera's clients.").sample(stream.bytesSent(), "camera", camera);
            out.family("kapture_rtsp_receiver_reports_total", COUNTER, "RTCP receiver report blocks the camera's"
                    + " clients sent.").sample(stream.receiverReports(), "camera", camera);
            out.family("kapture_rtsp_fraction_lost_max", GAUGE, "The highest fraction of packets lost (0 to 1) in"
                    + " the playing clients' latest receiver reports.").sample(stream.worstFractionLost(), "camera",
                            camera);
            out.family("kapture_rtsp_packets_lost", GAUGE, "Packets lost, summed over the playing clients' latest"
                    + " receiver reports (cumulative per client).").sample(stream.packetsLost(), "camera", camera);
            out.family("kapture_rtsp_jitter_max_seconds", GAUGE, "The largest interarrival jitter in the playing"
                    + " clients' latest receiver reports.").sample(stream.maxJitterMillis() / MILLIS_PER_SECOND,
                            "camera", camera);
            out.family("kapture_rtsp_session_timeouts_total", COUNTER, "RTSP sessions closed because the client"
                    + " sent nothing for session.timeout.seconds.").sample(stream.sessionTimeouts(), "camera", camera);
            out.family("kapture_rtsp_byes_total", COUNTER, "RTCP BYEs from the camera's clients (each ends that"
                    + " client's stream).").sample(stream.byes(), "camera", camera);
            out.family("kapture_rtsp_stream_info", GAUGE, "The encoder the camera's RTSP stream uses now (empty"
                    + " while none is open); always 1.").sample(1, "camera", camera, "encoder", stream.encoder());
        }
    }
}
