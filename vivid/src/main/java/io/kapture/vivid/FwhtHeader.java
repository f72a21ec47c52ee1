package io.kapture.vivid;

import java.nio.ByteBuffer;

import io.kapture.api.encoder.AccessUnit;

/**
 * The header vicodec writes before every FWHT frame ({@code struct fwht_cframe_hdr} in the kernel's
 * {@code codec-fwht.h}): magic 0x4f4f4f4f and 0xffffffff, then big-endian version (3), width, height, flags
 * ({@code V4L2_FWHT_FL_I_FRAME} is bit 10), colour fields and the payload size. Read independently of Kapture's
 * encoder code, so the check does not trust what it checks. Immutable.
 */
record FwhtHeader(int magic1, int magic2, int version, int width, int height, int flags, int payload, int length) {

    static final int SIZE = 44;

    static FwhtHeader of(AccessUnit unit) {
        byte[] data = unit.nalUnits().get(0);
        if (data.length < SIZE) {
            return new FwhtHeader(0, 0, 0, 0, 0, 0, 0, data.length);
        }
        ByteBuffer header = ByteBuffer.wrap(data);
        return new FwhtHeader(header.getInt(0), header.getInt(4), header.getInt(8), header.getInt(12),
                header.getInt(16), header.getInt(20), header.getInt(40), data.length);
    }

    /** Magic words right, version 3, and the payload size the header names is what follows it. */
    boolean valid() {
        return magic1 == 0x4f4f4f4f && magic2 == 0xffffffff && version == 3 && payload == length - SIZE;
    }

    boolean intra() {
        return (flags & (1 << 10)) != 0;
    }
}
