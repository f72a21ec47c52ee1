package io.kapture.v4l2.internal.m2m;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

import io.kapture.api.encoder.AccessUnit;
import io.kapture.api.encoder.AnnexB;
import io.kapture.api.encoder.H264Nal;
import io.kapture.api.encoder.H264Parameters;
import io.kapture.api.encoder.ParameterSetTracker;
import io.kapture.v4l2.V4l2;

/**
 * Turns the coded bytes of one CAPTURE buffer into an {@link AccessUnit}. H.264 (Annex B, as V4L2 encoders write
 * it) is split into NAL units, and a keyframe gets the latest SPS and PPS in front when the driver did not repeat
 * them. Any other codec (vicodec's FWHT) becomes one unit holding the coded frame as the driver wrote it.
 *
 * <p>The keyframe flag is the driver's {@code V4L2_BUF_FLAG_KEYFRAME}, or what the bitstream says where the driver
 * does not set the flag: an H.264 IDR slice, or FWHT's {@code V4L2_FWHT_FL_I_FRAME} header flag (vicodec's encoder
 * sets no buffer flag at all; only its decoder does).
 *
 * <p>Threading: confined to the encoder's caller thread; {@link #parameters()} from any thread.
 */
final class CodedUnits {

    /** FWHT header ({@code struct fwht_cframe_hdr}): two magic words, then big-endian version, width, height, flags. */
    static final int FWHT_MAGIC1 = 0x4f4f4f4f;
    static final int FWHT_MAGIC2 = 0xffffffff;
    static final int FWHT_HEADER_SIZE = 44;
    static final int FWHT_FLAG_I_FRAME = 1 << 10;

    private final int codedFourcc;
    private final ParameterSetTracker parameterSets = new ParameterSetTracker();

    CodedUnits(int codedFourcc) {
        this.codedFourcc = codedFourcc;
    }

    /** The unit of {@code data} (position to limit, left unchanged), or empty for an empty buffer. */
    Optional<AccessUnit> unit(ByteBuffer data, long sequence, long timestampNanos, boolean flaggedKeyframe) {
        if (!data.hasRemaining()) {
            return Optional.empty();
        }
        if (codedFourcc == V4l2.PIX_FMT_H264) {
            List<byte[]> nals = AnnexB.split(data);
            if (nals.isEmpty()) {
                return Optional.empty();
            }
            boolean keyframe = flaggedKeyframe || H264Nal.containsIdr(nals);
            return Optional.of(new AccessUnit(sequence, timestampNanos, keyframe,
                    parameterSets.complete(nals, keyframe)));
        }
        byte[] coded = new byte[data.remaining()];
        data.get(data.position(), coded);
        boolean keyframe = flaggedKeyframe
                || codedFourcc == V4l2.PIX_FMT_FWHT && (fwhtFlags(coded) & FWHT_FLAG_I_FRAME) != 0;
        return Optional.of(new AccessUnit(sequence, timestampNanos, keyframe, List.of(coded)));
    }

    /** The H.264 parameter sets seen so far (empty for other codecs). */
    Optional<H264Parameters> parameters() {
        return parameterSets.parameters();
    }

    /** The flags word of an FWHT frame header, 0 if it is not one. */
    static int fwhtFlags(byte[] coded) {
        if (coded.length < FWHT_HEADER_SIZE) {
            return 0;
        }
        ByteBuffer header = ByteBuffer.wrap(coded);
        if (header.getInt(0) != FWHT_MAGIC1 || header.getInt(4) != FWHT_MAGIC2) {
            return 0;
        }
        return header.getInt(20);
    }
}
