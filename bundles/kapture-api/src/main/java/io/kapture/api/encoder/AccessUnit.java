package io.kapture.api.encoder;

import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * One encoded picture: the H.264 NAL units of one frame, without start codes, in decoding order. A keyframe (IDR)
 * starts with its sequence and picture parameter sets, so a decoder can join the stream there.
 *
 * <p>Immutable by contract: the NAL arrays are shared with every consumer and must never be modified. Safe from any
 * thread.
 *
 * @param sequence       the sequence number of the frame it was encoded from
 * @param timestampNanos the frame's capture time, monotonic clock ({@link System#nanoTime()} scale)
 * @param keyframe       whether it is an IDR picture a decoder can start from
 * @param nalUnits       the NAL units, each starting with its NAL header byte; never empty
 */
public record AccessUnit(long sequence, long timestampNanos, boolean keyframe, List<byte[]> nalUnits) {

    public AccessUnit {
        if (nalUnits == null || nalUnits.isEmpty()) {
            throw new IllegalArgumentException("an access unit needs at least one NAL unit");
        }
        for (byte[] nal : nalUnits) {
            if (nal == null || nal.length == 0) {
                throw new IllegalArgumentException("NAL units must not be empty");
            }
        }
        nalUnits = List.copyOf(nalUnits);
    }

    /** Bytes of all NAL units, without start codes. */
    public int size() {
        int size = 0;
        for (byte[] nal : nalUnits) {
            size += nal.length;
        }
        return size;
    }

    /** The access unit as an Annex B byte stream: each NAL unit after a four-byte start code. */
    public byte[] toAnnexB() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(size() + 4 * nalUnits.size());
        for (byte[] nal : nalUnits) {
            out.write(0);
            out.write(0);
            out.write(0);
            out.write(1);
            out.write(nal, 0, nal.length);
        }
        return out.toByteArray();
    }
}
