package io.kapture.api.encoder;

import java.util.Locale;

/**
 * H.264 profiles an encoder can be asked for, with their {@code profile_idc}. Baseline is what every decoder plays
 * and what software encoders always offer; an encoder that cannot produce the profile asked for refuses to open,
 * naming the ones it can.
 *
 * <p>Immutable; safe from any thread.
 */
public enum H264Profile {
    /** Constrained Baseline: no B frames, CAVLC; decodable everywhere. */
    BASELINE(66),
    /** Main: adds CABAC entropy coding (smaller streams at the same quality). */
    MAIN(77),
    /** High: adds 8x8 transforms. */
    HIGH(100);

    private final int idc;

    H264Profile(int idc) {
        this.idc = idc;
    }

    /** The {@code profile_idc} of the sequence parameter set. */
    public int idc() {
        return idc;
    }

    /** The profile with this name, ignoring case; the exception names the valid ones. */
    public static H264Profile parse(String name) {
        if (name != null) {
            String wanted = name.trim().toUpperCase(Locale.ROOT);
            for (H264Profile profile : values()) {
                if (profile.name().equals(wanted)) {
                    return profile;
                }
            }
        }
        throw new IllegalArgumentException("unknown H.264 profile '" + name + "'; valid: baseline, main, high");
    }
}
