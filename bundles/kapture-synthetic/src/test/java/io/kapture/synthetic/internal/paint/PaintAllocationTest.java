package io.kapture.synthetic.internal.paint;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.kapture.api.PixelFormat;
import io.kapture.synthetic.internal.AllocationMeter;

/**
 * Painting a frame of a raw format allocates nothing once the template exists: counted with HotSpot's per-thread
 * allocation counter over thousands of frames whose sequence numbers cross digit-count boundaries. A single
 * object per frame (a rectangle, a string of the digits) would exceed the budget many times over.
 */
class PaintAllocationTest {
    private static final int FRAMES = 4000;
    private static final long FIRST = 999_998_000L;

    private final AllocationMeter meter = new AllocationMeter();

    @ParameterizedTest
    @EnumSource(value = PixelFormat.class, names = {"YUYV", "NV12", "NV21", "YV12", "NV16", "GREY", "RGB24", "BGR24"})
    void paintingAFrameAllocatesNothing(PixelFormat format) {
        assumeTrue(meter.supported(), "this JVM does not count allocated bytes per thread");
        Canvas canvas = Canvas.of(format, 320, 240);
        RasterPainter painter = new RasterPainter(canvas);
        painter.retemplate(Pattern.BARS_AND_BOX, 128);
        ByteBuffer[] images = {
            ByteBuffer.allocateDirect(canvas.imageSize()), ByteBuffer.allocateDirect(canvas.imageSize()),
        };
        DirtyRegions[] dirty = {new DirtyRegions(), new DirtyRegions()};
        paint(painter, images, dirty, 0);

        long before = meter.allocatedBytes();
        paint(painter, images, dirty, FIRST);
        long allocated = meter.allocatedBytes() - before;

        assertTrue(allocated < FRAMES, format + ": painting " + FRAMES + " frames allocated " + allocated + " bytes");
    }

    private static void paint(RasterPainter painter, ByteBuffer[] images, DirtyRegions[] dirty, long first) {
        for (int i = 0; i < FRAMES; i++) {
            painter.paint(images[i & 1], dirty[i & 1], first + i);
        }
    }
}
