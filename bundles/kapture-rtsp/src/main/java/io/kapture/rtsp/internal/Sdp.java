package io.kapture.rtsp.internal;

import io.kapture.api.encoder.H264Parameters;

/**
 * The session description DESCRIBE answers with: one H.264 video track, packetization mode 1 (FU-A), its
 * {@code profile-level-id} and {@code sprop-parameter-sets} from the stream's SPS and PPS (RFC 6184 section 8.1), so
 * a client can set up its decoder before the first keyframe arrives.
 *
 * <p>Stateless; safe from any thread.
 */
final class Sdp {

    /** The control URL of the one track, relative to the Content-Base. */
    static final String TRACK = "trackID=0";

    private Sdp() {
    }

    static String describe(String camera, String serverAddress, long sessionId, H264Parameters parameters,
            double fps) {
        StringBuilder sdp = new StringBuilder();
        line(sdp, "v=0");
        line(sdp, "o=- " + sessionId + " 1 IN IP4 " + serverAddress);
        line(sdp, "s=Kapture camera " + camera);
        line(sdp, "c=IN IP4 0.0.0.0");
        line(sdp, "t=0 0");
        line(sdp, "a=tool:Kapture");
        line(sdp, "a=control:*");
        line(sdp, "a=range:npt=now-");
        line(sdp, "m=video 0 RTP/AVP " + RtpPacketizer.PAYLOAD_TYPE);
        line(sdp, "a=rtpmap:" + RtpPacketizer.PAYLOAD_TYPE + " H264/" + RtpPacketizer.CLOCK_RATE);
        line(sdp, "a=fmtp:" + RtpPacketizer.PAYLOAD_TYPE + " packetization-mode=1;profile-level-id="
                + parameters.profileLevelId() + ";sprop-parameter-sets=" + parameters.spropParameterSets());
        if (fps > 0) {
            line(sdp, "a=framerate:" + trim(fps));
        }
        line(sdp, "a=control:" + TRACK);
        return sdp.toString();
    }

    private static String trim(double fps) {
        return fps == Math.rint(fps) ? Long.toString((long) fps) : Double.toString(fps);
    }

    private static void line(StringBuilder sdp, String line) {
        sdp.append(line).append("\r\n");
    }
}
