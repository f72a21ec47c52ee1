package io.kapture.rtsp.internal;

import java.util.Locale;

/**
 * What a client asked for in SETUP's {@code Transport} header, reduced to the two unicast kinds Kapture serves:
 * RTP interleaved in the RTSP connection ({@code RTP/AVP/TCP;interleaved=a-b}) or RTP over UDP to the client's
 * ports ({@code RTP/AVP;unicast;client_port=a-b}). UDP always goes to the address the RTSP connection comes from;
 * a {@code destination} parameter is ignored, so the server cannot be made to send a stream to a third party.
 *
 * <p>Immutable; safe from any thread.
 *
 * @param tcp         interleaved in the RTSP connection
 * @param rtpChannel  the interleaved channel (TCP) or the client's RTP port (UDP)
 * @param rtcpChannel the interleaved channel or client port for RTCP
 */
record TransportSpec(boolean tcp, int rtpChannel, int rtcpChannel) {

    /**
     * Picks the first alternative of the header that Kapture can serve.
     *
     * @throws IllegalArgumentException naming what was offered, if none can be served (461 Unsupported Transport)
     */
    static TransportSpec parse(String header) {
        if (header == null || header.isBlank()) {
            throw new IllegalArgumentException("SETUP needs a Transport header");
        }
        for (String alternative : header.split(",")) {
            TransportSpec spec = parseOne(alternative.trim());
            if (spec != null) {
                return spec;
            }
        }
        throw new IllegalArgumentException("none of the transports offered can be served (" + header.trim()
                + "); Kapture serves RTP/AVP/TCP;unicast;interleaved=0-1 and RTP/AVP;unicast;client_port=a-b");
    }

    private static TransportSpec parseOne(String alternative) {
        String[] parts = alternative.split(";");
        String profile = parts[0].trim().toUpperCase(Locale.ROOT);
        boolean tcp = profile.equals("RTP/AVP/TCP");
        if (!tcp && !profile.equals("RTP/AVP") && !profile.equals("RTP/AVP/UDP")) {
            return null;
        }
        int[] channels = tcp ? new int[] { 0, 1 } : null;
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i].trim().toLowerCase(Locale.ROOT);
            if (part.equals("multicast")) {
                return null;
            }
            if (tcp && part.startsWith("interleaved=")) {
                channels = range(part.substring("interleaved=".length()), 255);
            } else if (!tcp && part.startsWith("client_port=")) {
                channels = range(part.substring("client_port=".length()), 65535);
            }
        }
        return channels == null ? null : new TransportSpec(tcp, channels[0], channels[1]);
    }

    /** {@code a-b} or {@code a} (then b is a + 1), each within 0..max (ports from 1); null if malformed. */
    private static int[] range(String value, int max) {
        try {
            String[] ends = value.split("-");
            int first = Integer.parseInt(ends[0].trim());
            int second = ends.length > 1 ? Integer.parseInt(ends[1].trim()) : first + 1;
            int min = max == 65535 ? 1 : 0;
            if (first < min || first > max || second < min || second > max) {
                return null;
            }
            return new int[] { first, second };
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The reply's Transport header; for UDP with the server's ports and the stream's SSRC. */
    String reply(int serverRtpPort, int ssrc) {
        if (tcp) {
            return "RTP/AVP/TCP;unicast;interleaved=" + rtpChannel + "-" + rtcpChannel;
        }
        return "RTP/AVP;unicast;client_port=" + rtpChannel + "-" + rtcpChannel + ";server_port=" + serverRtpPort
                + "-" + (serverRtpPort + 1) + ";ssrc=" + String.format("%08X", ssrc);
    }
}
