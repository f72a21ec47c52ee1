package io.kapture.processor.recorder.internal;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

import io.kapture.api.encoder.H264Nal;
import io.kapture.api.encoder.H264Parameters;

/**
 * H.264 access units as MP4 stores them ({@code avc1} samples, ISO/IEC 14496-15): each NAL unit after its length in
 * four big-endian bytes, in place of an Annex B start code. The recorder converts an encoder's access unit once,
 * so the pre-roll ring and the writer hold exactly the bytes that go into the file.
 *
 * <p>Stateless; safe from any thread.
 */
final class AvcSamples {

    private AvcSamples() {
    }

    /** The NAL units (without start codes) as one length-prefixed sample. */
    static byte[] of(List<byte[]> nalUnits) {
        int size = 0;
        for (byte[] nal : nalUnits) {
            size += 4 + nal.length;
        }
        ByteBuffer sample = ByteBuffer.allocate(size);
        for (byte[] nal : nalUnits) {
            sample.putInt(nal.length).put(nal);
        }
        return sample.array();
    }

    /**
     * The first SPS and PPS among a sample's NAL units, read with absolute gets between position and limit.
     *
     * @throws IllegalArgumentException if a length prefix points past the end (the data is not length-prefixed)
     */
    static Optional<H264Parameters> parameters(ByteBuffer sample) {
        byte[] sps = null;
        byte[] pps = null;
        int at = sample.position();
        int end = sample.limit();
        while (at + 4 <= end && (sps == null || pps == null)) {
            int length = sample.getInt(at);
            if (length <= 0 || length > end - at - 4) {
                throw new IllegalArgumentException("an H.264 sample's NAL length " + length + " at byte "
                        + (at - sample.position()) + " does not fit its " + (end - sample.position()) + " bytes");
            }
            int type = sample.get(at + 4) & 0x1F;
            if (type == H264Nal.SPS && sps == null || type == H264Nal.PPS && pps == null) {
                byte[] nal = new byte[length];
                sample.get(at + 4, nal);
                if (type == H264Nal.SPS) {
                    sps = nal;
                } else {
                    pps = nal;
                }
            }
            at += 4 + length;
        }
        return sps != null && sps.length >= 4 && pps != null ? Optional.of(new H264Parameters(sps, pps))
                : Optional.empty();
    }
}
