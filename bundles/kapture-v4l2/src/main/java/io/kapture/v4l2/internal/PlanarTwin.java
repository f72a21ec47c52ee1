package io.kapture.v4l2.internal;

import io.kapture.api.PixelFormat;
import io.kapture.v4l2.V4l2;

/**
 * The multi-plane pixel formats Kapture captures, each the twin of a single-plane {@link PixelFormat} with the
 * same samples, in the same plane order: {@code NM12} (NV12M) is NV12 with its chroma plane in a buffer of its own,
 * {@code NM21} (NV21M) and {@code NM16} (NV16M) likewise NV21 and NV16, {@code YM12} (YUV420M) is YU12 with three
 * buffers (Y, Cb, Cr) and {@code YM21} (YVU420M) YV12 with three (Y, Cr, Cb). SoC capture pipelines (Rockchip
 * rkisp1, MediaTek, i.MX) and Raspberry Pi cameras often offer only these.
 *
 * <p>A {@link io.kapture.api.spi.DriverBuffer} has one memory, so frames of a twin are delivered packed as its
 * single-plane format (see {@link PlanePacker}). Only twins whose packed format Kapture's API names are listed:
 * NV61M and the 4:2:2 and 4:4:4 three-plane formats (YUV422M, ...) have no packed counterpart in
 * {@link PixelFormat}.
 *
 * <p>Immutable; thread-safe.
 */
enum PlanarTwin {

    NV12M(V4l2.PIX_FMT_NV12M, PixelFormat.NV12),
    NV21M(V4l2.PIX_FMT_NV21M, PixelFormat.NV21),
    NV16M(V4l2.PIX_FMT_NV16M, PixelFormat.NV16),
    YUV420M(V4l2.PIX_FMT_YUV420M, PixelFormat.YU12),
    YVU420M(V4l2.PIX_FMT_YVU420M, PixelFormat.YV12);

    private final int fourcc;
    private final PixelFormat packed;

    PlanarTwin(int fourcc, PixelFormat packed) {
        this.fourcc = fourcc;
        this.packed = packed;
    }

    /** The V4L2 code of the multi-plane format. */
    int fourcc() {
        return fourcc;
    }

    /** The single-plane format frames are delivered as. */
    PixelFormat packed() {
        return packed;
    }

    /** Buffers (memory planes) a frame of this format spans: luma, then one chroma plane or two. */
    int planes() {
        return packed.hasInterleavedChroma() ? 2 : 3;
    }

    /** The twin with this V4L2 code, or null if {@code fourcc} is not a multi-plane format Kapture packs. */
    static PlanarTwin ofFourcc(int fourcc) {
        for (PlanarTwin twin : values()) {
            if (twin.fourcc == fourcc) {
                return twin;
            }
        }
        return null;
    }

    /** The multi-plane twin of a single-plane format, or null if it has none Kapture packs. */
    static PlanarTwin of(PixelFormat packed) {
        for (PlanarTwin twin : values()) {
            if (twin.packed == packed) {
                return twin;
            }
        }
        return null;
    }

    /** {@code "the two-plane NV12M"}, for adjustments and messages. */
    String describe() {
        return "the " + (planes() == 2 ? "two" : "three") + "-plane " + name();
    }
}
