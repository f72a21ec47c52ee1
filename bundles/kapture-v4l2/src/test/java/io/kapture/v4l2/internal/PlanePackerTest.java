package io.kapture.v4l2.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;

import org.junit.jupiter.api.Test;

import io.kapture.api.PixelFormat;
import io.kapture.v4l2.V4l2;
import io.kapture.v4l2.structs.V4l2Format;
import io.kapture.v4l2.structs.V4l2Plane;

/** The packing of plane buffers into the single-plane layout, on hand-made planes: strides, offsets, short planes. */
class PlanePackerTest {

    @Test
    void singlePlaneFormatsNeedNoPacker() {
        assertNull(PlanePacker.of(format(PixelFormat.NV12.fourcc(), 64, 32, 64)));
    }

    @Test
    void anOddLumaStrideGetsAPaddingByteSoYu12ChromaCanHaveHalfOfIt() {
        PlanePacker packer = PlanePacker.of(format(V4l2.PIX_FMT_YUV420M, 63, 5, 63, 32, 32));
        assertEquals(64, packer.bytesPerLine());
        assertEquals(64 * 5 + 2 * 32 * 3, packer.packedSize());
    }

    @Test
    void everyTwinPacksAsItsSinglePlaneFormatWithItsChromaLines() {
        PlanePacker nv21 = PlanePacker.of(format(V4l2.PIX_FMT_NV21M, 6, 5, 8, 8));
        assertEquals(PixelFormat.NV21, nv21.twin().packed());
        assertEquals(8 * 5 + 8 * 3, nv21.packedSize(), "4:2:0: an odd last line has a chroma line of its own");
        PlanePacker nv16 = PlanePacker.of(format(V4l2.PIX_FMT_NV16M, 6, 5, 8, 8));
        assertEquals(PixelFormat.NV16, nv16.twin().packed());
        assertEquals(8 * 5 + 8 * 5, nv16.packedSize(), "4:2:2: a chroma line per luma line");
        PlanePacker yv12 = PlanePacker.of(format(V4l2.PIX_FMT_YVU420M, 63, 5, 63, 32, 32));
        assertEquals(PixelFormat.YV12, yv12.twin().packed());
        assertEquals(64, yv12.bytesPerLine());
        assertEquals(64 * 5 + 2 * 32 * 3, yv12.packedSize());
        assertThrows(IllegalArgumentException.class, () -> PlanePacker.of(format(V4l2.PIX_FMT_YVU420M, 64, 32, 64,
                32)), "YVU420M has three planes");
    }

    @Test
    void unknownOrMiscountedMultiPlaneFormatsAndShortStridesAreRefused() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> PlanePacker.of(format(PixelFormat.fourcc('N', 'M', '6', '1'), 64, 32, 64, 64)));
        assertTrue(unknown.getMessage().contains("NM61 spans 2 planes"), unknown.getMessage());
        IllegalArgumentException narrow = assertThrows(IllegalArgumentException.class,
                () -> PlanePacker.of(format(V4l2.PIX_FMT_NV12M, 64, 32, 64, 32)));
        assertTrue(narrow.getMessage().contains("plane 1 has 32 bytes per line"), narrow.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PlanePacker.of(format(V4l2.PIX_FMT_YUV420M, 64, 32, 64, 32)));
    }

    @Test
    void planesAreCopiedFromTheirDataOffsetAndReStridedWhereTheStridesDiffer() {
        // NV12M 6x4: luma stride 8 (same as packed, one block), chroma stride 16 (line by line) after 4 bytes of offset
        PlanePacker packer = PlanePacker.of(format(V4l2.PIX_FMT_NV12M, 6, 4, 8, 16));
        ByteBuffer luma = plane(64, 0, 8);
        ByteBuffer chroma = plane(64, 4, 16);
        V4l2Plane dequeued = new V4l2Plane(2);
        dequeued.bytesUsed(0, 32);
        dequeued.bytesUsed(1, 4 + 32);
        dequeued.dataOffset(1, 4);
        ByteBuffer packed = ByteBuffer.allocateDirect(packer.packedSize());

        assertEquals(8 * 4 + 8 * 2, packer.pack(new ByteBuffer[] {luma, chroma}, dequeued, packed));
        for (int row = 0; row < 4; row++) {
            for (int x = 0; x < 6; x++) {
                assertEquals(row * 10 + x, packed.get(row * 8 + x), "luma " + row + "," + x);
            }
        }
        for (int row = 0; row < 2; row++) {
            for (int x = 0; x < 6; x++) {
                assertEquals(100 + row * 10 + x, packed.get(32 + row * 8 + x), "chroma " + row + "," + x);
            }
        }
    }

    @Test
    void aShortPlaneEndsTheFrameWhereItsLastWholeLineEnds() {
        PlanePacker packer = PlanePacker.of(format(V4l2.PIX_FMT_NV12M, 6, 4, 8, 16));
        V4l2Plane dequeued = new V4l2Plane(2);
        dequeued.bytesUsed(0, 32);
        dequeued.bytesUsed(1, 16 + 5);
        ByteBuffer packed = ByteBuffer.allocateDirect(packer.packedSize());
        assertEquals(32 + 8, packer.pack(new ByteBuffer[] {plane(64, 0, 8), plane(64, 0, 16)}, dequeued, packed),
                "one whole chroma line of two");
        dequeued.bytesUsed(0, 8 * 3 + 6);
        dequeued.bytesUsed(1, 16 + 6);
        assertEquals(48, packer.pack(new ByteBuffer[] {plane(64, 0, 8), plane(64, 0, 16)}, dequeued, packed),
                "a last luma line of just its samples is whole");
        dequeued.bytesUsed(0, 8 * 3 + 5);
        assertEquals(24, packer.pack(new ByteBuffer[] {plane(64, 0, 8), plane(64, 0, 16)}, dequeued, packed));
    }

    /** A direct buffer whose line {@code row} holds {@code base + row * 10 + x} at {@code offset + row * stride + x}. */
    private static ByteBuffer plane(int capacity, int offset, int stride) {
        ByteBuffer plane = ByteBuffer.allocateDirect(capacity);
        int base = offset > 0 ? 100 : 0;
        for (int at = offset; at < capacity; at++) {
            plane.put(at, (byte) (base + (at - offset) / stride * 10 + (at - offset) % stride));
        }
        return plane;
    }

    private static V4l2Format format(int fourcc, int width, int height, int... strides) {
        V4l2Format format = new V4l2Format();
        format.type(V4l2.BUF_TYPE_VIDEO_CAPTURE_MPLANE);
        format.pixelFormat(fourcc);
        format.width(width);
        format.height(height);
        format.numPlanes(strides.length);
        for (int plane = 0; plane < strides.length; plane++) {
            format.plane(plane, strides[plane], strides[plane] * height);
        }
        return format;
    }
}
