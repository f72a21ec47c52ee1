package io.kapture.api.encoder;

import java.util.Arrays;
import java.util.Base64;

/**
 * An H.264 stream's sequence and picture parameter sets (NAL units without start codes), and what SDP and
 * containers say about them.
 *
 * <p>Immutable by contract (the arrays must not be modified); safe from any thread.
 *
 * @param sps the sequence parameter set, at least 4 bytes
 * @param pps the picture parameter set
 */
public record H264Parameters(byte[] sps, byte[] pps) {

    public H264Parameters {
        if (sps == null || sps.length < 4 || H264Nal.type(sps) != H264Nal.SPS) {
            throw new IllegalArgumentException("not an H.264 sequence parameter set");
        }
        if (pps == null || pps.length < 1 || H264Nal.type(pps) != H264Nal.PPS) {
            throw new IllegalArgumentException("not an H.264 picture parameter set");
        }
    }

    /** {@code profile_idc} of the SPS. */
    public int profileIdc() {
        return sps[1] & 0xFF;
    }

    /** {@code level_idc} of the SPS (31 means level 3.1). */
    public int levelIdc() {
        return sps[3] & 0xFF;
    }

    /** RFC 6184's {@code profile-level-id}: profile, constraint flags and level as six hex digits. */
    public String profileLevelId() {
        return String.format("%02x%02x%02x", sps[1] & 0xFF, sps[2] & 0xFF, sps[3] & 0xFF);
    }

    /** RFC 6184's {@code sprop-parameter-sets}: SPS and PPS in base64, comma-separated. */
    public String spropParameterSets() {
        Base64.Encoder base64 = Base64.getEncoder();
        return base64.encodeToString(sps) + "," + base64.encodeToString(pps);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof H264Parameters that && Arrays.equals(sps, that.sps) && Arrays.equals(pps, that.pps);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(sps) + Arrays.hashCode(pps);
    }

    @Override
    public String toString() {
        return "H264Parameters[profile-level-id=" + profileLevelId() + ", sps " + sps.length + " bytes, pps "
                + pps.length + " bytes]";
    }
}
