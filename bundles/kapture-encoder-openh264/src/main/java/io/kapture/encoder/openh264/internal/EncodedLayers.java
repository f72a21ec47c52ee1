package io.kapture.encoder.openh264.internal;

import java.util.ArrayList;
import java.util.List;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;

import io.kapture.api.encoder.AnnexB;

/**
 * OpenH264's {@code SFrameBSInfo}, the output of one {@code EncodeFrame}: the picture's type and its layers, each a
 * run of Annex B NAL units in the encoder's own memory (valid until the next call). Offsets as {@code codec_app_def.h}
 * of OpenH264 2.x on x86-64, checked with {@code offsetof}.
 *
 * <p>Not thread-safe: owned by one encoder. {@link #close()} frees the block.
 */
final class EncodedLayers implements AutoCloseable {

    /** {@code sizeof(SFrameBSInfo)}. */
    static final int SIZE = 5144;

    /** {@code videoFrameTypeIDR}. */
    static final int TYPE_IDR = 1;
    /** {@code videoFrameTypeSkip}: the encoder dropped the picture. */
    static final int TYPE_SKIP = 4;

    private static final int LAYER_NUM = 0;
    private static final int LAYERS = 8;
    private static final int LAYER_SIZE = 40;
    private static final int LAYER_NAL_COUNT = 16;
    private static final int LAYER_NAL_LENGTHS = 24;
    private static final int LAYER_BUFFER = 32;
    private static final int FRAME_TYPE = 5128;
    private static final int FRAME_SIZE = 5132;
    private static final int MAX_LAYERS = 128;

    private final Memory memory = new Memory(SIZE);

    EncodedLayers() {
        memory.clear();
    }

    Pointer pointer() {
        return memory;
    }

    /** {@code eFrameType} of the last encoded picture. */
    int frameType() {
        return memory.getInt(FRAME_TYPE);
    }

    /** Bytes the last picture took, 0 when nothing was produced. */
    int frameSize() {
        return memory.getInt(FRAME_SIZE);
    }

    /** The last picture's NAL units, copied out of the encoder's memory, without start codes. */
    List<byte[]> nalUnits() {
        int layers = Math.min(memory.getInt(LAYER_NUM), MAX_LAYERS);
        List<byte[]> nals = new ArrayList<>();
        for (int i = 0; i < layers; i++) {
            long layer = LAYERS + (long) i * LAYER_SIZE;
            int count = memory.getInt(layer + LAYER_NAL_COUNT);
            Pointer lengths = memory.getPointer(layer + LAYER_NAL_LENGTHS);
            Pointer buffer = memory.getPointer(layer + LAYER_BUFFER);
            if (count <= 0 || lengths == null || buffer == null) {
                continue;
            }
            long total = 0;
            for (int n = 0; n < count; n++) {
                total += lengths.getInt(4L * n);
            }
            if (total > 0) {
                nals.addAll(AnnexB.split(buffer.getByteBuffer(0, total)));
            }
        }
        return nals;
    }

    @Override
    public void close() {
        memory.close();
    }
}
