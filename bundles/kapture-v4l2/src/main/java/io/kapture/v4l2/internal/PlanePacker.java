package io.kapture.v4l2.internal;

import java.nio.ByteBuffer;
import java.util.Arrays;

import io.kapture.api.PixelFormat;
import io.kapture.v4l2.structs.V4l2Format;
import io.kapture.v4l2.structs.V4l2Plane;

/**
 * Packs one frame of a multi-plane format ({@link PlanarTwin}) from its plane mappings into the layout of its
 * single-plane twin, the layout Kapture's converters and listeners read ({@code FrameFormat} describes one
 * buffer): the luma plane with the driver's luma stride, then the interleaved chroma plane of NV12, NV21 or NV16
 * with the same stride, or the two chroma planes of YU12 (Cb, Cr) or YV12 (Cr, Cb) with half of it, each plane right
 * after the one before and in the driver's plane order, which is the packed format's.
 *
 * <p>Why a copy: Kapture's {@link io.kapture.api.spi.DriverBuffer} has one memory per frame and the API is shared
 * by every delivery strategy, while the driver puts each plane in a buffer of its own, at addresses that are not
 * contiguous. So multi-plane frames cost one memcpy of the image on the capture thread, into a direct buffer
 * allocated once per driver buffer at start; single-plane formats stay zero-copy. A plane whose driver stride
 * equals its packed stride is copied in one block (the usual case: drivers give NV12M's chroma plane the luma
 * stride and YUV420M's chroma planes half of it); otherwise line by line, only each line's samples. Each plane's
 * data starts at its {@code data_offset} and ends at its {@code bytesused}, as the V4L2 specification says.
 *
 * <p>The geometry is immutable once built; {@link #pack} only writes the target it is given, so one packer may
 * serve every buffer of a stream, on the one thread that dequeues.
 */
final class PlanePacker {

    private final PlanarTwin twin;
    private final int height;
    private final int[] sourceStride;
    private final int[] targetStride;
    private final int[] targetOffset;
    private final int[] lines;
    private final int[] lineBytes;
    private final int packedSize;

    private PlanePacker(PlanarTwin twin, int width, int height, int[] sourceStride) {
        this.twin = twin;
        this.height = height;
        this.sourceStride = sourceStride;
        int planes = twin.planes();
        PixelFormat packed = twin.packed();
        int chromaLines = packed.chromaLines(height);
        int chromaWidth = (width + 1) / 2;
        boolean interleaved = packed.hasInterleavedChroma();
        // YU12's and YV12's chroma stride is half the luma stride, so an odd luma stride gets one byte of padding
        int lumaStride = interleaved ? sourceStride[0] : sourceStride[0] + (sourceStride[0] & 1);
        int chromaStride = packed.chromaStride(lumaStride);
        this.lines = new int[planes];
        this.lineBytes = new int[planes];
        this.targetStride = new int[planes];
        this.targetOffset = new int[planes];
        long offset = 0;
        for (int plane = 0; plane < planes; plane++) {
            lines[plane] = plane == 0 ? height : chromaLines;
            lineBytes[plane] = plane == 0 ? width : interleaved ? 2 * chromaWidth : chromaWidth;
            targetStride[plane] = plane == 0 ? lumaStride : chromaStride;
            targetOffset[plane] = (int) offset;
            offset += (long) targetStride[plane] * lines[plane];
            if (offset > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("a packed " + width + "x" + height + " " + twin.packed()
                        + " image does not fit in 2 GiB");
            }
        }
        this.packedSize = (int) offset;
    }

    /**
     * The packer for the multi-plane format {@code format} holds, or null for a single-plane one.
     *
     * @throws IllegalArgumentException if the format spans several planes but is not a {@link PlanarTwin}, has
     *                                  another number of planes than its twin, or a plane's bytes per line are
     *                                  fewer than a line of samples; the message says which
     */
    static PlanePacker of(V4l2Format format) {
        int planes = format.numPlanes();
        if (planes <= 1) {
            return null;
        }
        String fourcc = PixelFormat.fourccString(format.pixelFormat());
        PlanarTwin twin = PlanarTwin.ofFourcc(format.pixelFormat());
        if (twin == null) {
            throw new IllegalArgumentException(fourcc + " spans " + planes + " planes and is not a multi-plane format"
                    + " Kapture packs (it packs " + Arrays.toString(PlanarTwin.values()) + ")");
        }
        if (twin.planes() != planes) {
            throw new IllegalArgumentException(fourcc + " came with " + planes + " planes; " + twin + " has "
                    + twin.planes());
        }
        int[] strides = new int[planes];
        for (int plane = 0; plane < planes; plane++) {
            strides[plane] = format.planeBytesPerLine(plane);
        }
        PlanePacker packer = new PlanePacker(twin, format.width(), format.height(), strides);
        for (int plane = 0; plane < planes; plane++) {
            if (strides[plane] < packer.lineBytes[plane]) {
                throw new IllegalArgumentException(fourcc + " plane " + plane + " has " + strides[plane]
                        + " bytes per line, fewer than its " + packer.lineBytes[plane] + " bytes of samples per line");
            }
        }
        return packer;
    }

    PlanarTwin twin() {
        return twin;
    }

    /** The packed frame's bytes per line (of the luma plane). */
    int bytesPerLine() {
        return targetStride[0];
    }

    /** Bytes of a packed image, the size of each packed buffer. */
    int packedSize() {
        return packedSize;
    }

    /**
     * Copies one dequeued frame into {@code target}.
     *
     * @param sources the plane mappings of the buffer, in plane order
     * @param planes  the {@code v4l2_plane}s DQBUF filled ({@code bytesused}, {@code data_offset})
     * @param target  a buffer of at least {@link #packedSize()} bytes; only absolute writes
     * @return the bytes of {@code target} that hold the frame: {@link #packedSize()}, or less up to where the
     *         first plane the driver delivered short ends
     */
    int pack(ByteBuffer[] sources, V4l2Plane planes, ByteBuffer target) {
        for (int plane = 0; plane < lines.length; plane++) {
            ByteBuffer source = sources[plane];
            int start = Math.max(0, Math.min(planes.dataOffset(plane), source.capacity()));
            int available = Math.max(0, Math.min(planes.bytesUsed(plane), source.capacity()) - start);
            int rows = copy(plane, source, start, available, target);
            if (rows < lines[plane]) {
                return targetOffset[plane] + rows * targetStride[plane];
            }
        }
        return packedSize;
    }

    /** Copies one plane; returns the whole lines it held. */
    private int copy(int plane, ByteBuffer source, int start, int available, ByteBuffer target) {
        int from = sourceStride[plane];
        int to = targetStride[plane];
        int count = lines[plane];
        int width = lineBytes[plane];
        long whole = (long) from * (count - 1) + width;
        int rows = available >= whole ? count : available / from;
        if (from == to) {
            int length = (int) Math.min(available, (long) from * count);
            target.put(targetOffset[plane], source, start, length);
            return rows;
        }
        for (int row = 0; row < rows; row++) {
            target.put(targetOffset[plane] + row * to, source, start + row * from, width);
        }
        return rows;
    }

    @Override
    public String toString() {
        return twin + " packed as " + twin.packed() + " (" + height + " lines, " + packedSize + " bytes)";
    }
}
