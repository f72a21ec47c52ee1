package io.kapture.api.encoder;

/**
 * H.264 NAL unit types Kapture looks at (ITU-T H.264 table 7-1) and how to read them from a NAL header byte.
 *
 * <p>Stateless; safe from any thread.
 */
public final class H264Nal {

    /** Coded slice of a non-IDR picture. */
    public static final int SLICE = 1;
    /** Coded slice of an IDR picture: a keyframe. */
    public static final int IDR = 5;
    /** Supplemental enhancement information. */
    public static final int SEI = 6;
    /** Sequence parameter set. */
    public static final int SPS = 7;
    /** Picture parameter set. */
    public static final int PPS = 8;
    /** Access unit delimiter. */
    public static final int AUD = 9;

    private H264Nal() {
    }

    /** The {@code nal_unit_type} of a NAL unit, from its first (header) byte. */
    public static int type(byte[] nal) {
        return nal[0] & 0x1F;
    }

    /** Whether any of these NAL units is an IDR slice. */
    public static boolean containsIdr(Iterable<byte[]> nals) {
        for (byte[] nal : nals) {
            if (type(nal) == IDR) {
                return true;
            }
        }
        return false;
    }
}
