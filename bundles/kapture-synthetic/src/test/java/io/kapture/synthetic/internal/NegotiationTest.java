package io.kapture.synthetic.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.kapture.api.FrameFormat;
import io.kapture.api.PixelFormat;
import io.kapture.api.UnsupportedFormatException;
import io.kapture.api.spi.CaptureSource;
import io.kapture.api.spi.FormatDescription;
import io.kapture.api.spi.FormatRequest;
import io.kapture.api.spi.Negotiation;

class NegotiationTest {
    private final CaptureSource source = new SyntheticSourceProvider(new FakeClock()).open("synthetic", Map.of());

    @Test
    void anOfferedRequestIsTakenAsIs() {
        Negotiation negotiation = source.negotiate(new FormatRequest(640, 480, PixelFormat.YUYV, 30));
        assertEquals(new FrameFormat(640, 480, PixelFormat.YUYV, 1280, 640 * 480 * 2), negotiation.format());
        assertEquals(30, negotiation.framesPerSecond());
        assertEquals(List.of(), negotiation.adjustments());
    }

    @Test
    void oddSizesAreRoundedUpWhereChromaNeedsIt() {
        Negotiation yuyv = source.negotiate(new FormatRequest(641, 481, PixelFormat.YUYV, 30));
        assertEquals(642, yuyv.format().width());
        assertEquals(481, yuyv.format().height());
        assertEquals(1, yuyv.adjustments().size());
        assertTrue(yuyv.adjustments().get(0).contains("641 rounded up to 642"), yuyv.adjustments().toString());

        Negotiation nv12 = source.negotiate(new FormatRequest(641, 481, PixelFormat.NV12, 30));
        assertEquals(642, nv12.format().width());
        assertEquals(482, nv12.format().height());
        assertEquals(2, nv12.adjustments().size());

        for (PixelFormat planar : new PixelFormat[] {PixelFormat.NV21, PixelFormat.YV12, PixelFormat.NV16}) {
            Negotiation fitted = source.negotiate(new FormatRequest(641, 481, planar, 30));
            assertEquals(642, fitted.format().width(), planar.toString());
            assertEquals(482, fitted.format().height(), planar.toString());
            assertEquals(planar.minImageSize(642, 482), fitted.format().imageSize(), planar.toString());
        }

        Negotiation rgb = source.negotiate(new FormatRequest(641, 481, PixelFormat.RGB24, 30));
        assertEquals(641, rgb.format().width());
        assertEquals(641 * 3, rgb.format().bytesPerLine());
        assertEquals(List.of(), rgb.adjustments());
    }

    @Test
    void sizesAndRatesAreClampedToTheRange() {
        Negotiation large = source.negotiate(new FormatRequest(5000, 3000, PixelFormat.GREY, 2000));
        assertEquals(3840, large.format().width());
        assertEquals(2160, large.format().height());
        assertEquals(1000, large.framesPerSecond());
        assertEquals(3, large.adjustments().size(), large.adjustments().toString());

        Negotiation small = source.negotiate(new FormatRequest(8, 0, PixelFormat.GREY, -1));
        assertEquals(16, small.format().width());
        assertEquals(16, small.format().height());
        assertEquals(0, small.framesPerSecond());
        assertEquals(3, small.adjustments().size(), small.adjustments().toString());

        assertEquals(0, source.negotiate(new FormatRequest(64, 64, PixelFormat.GREY, 0)).framesPerSecond());
    }

    @Test
    void mjpegBuffersHaveRoomForHeaders() {
        FrameFormat format = source.negotiate(new FormatRequest(16, 16, PixelFormat.MJPEG, 30)).format();
        assertEquals(0, format.bytesPerLine());
        assertTrue(format.imageSize() > PixelFormat.MJPEG.minImageSize(16, 16) + 1000);
    }

    @Test
    void unknownFormatsAreRefusedListingTheOfferedOnes() {
        UnsupportedFormatException e = assertThrows(UnsupportedFormatException.class,
                () -> source.negotiate(new FormatRequest(640, 480, PixelFormat.H264, 30)));
        assertEquals("synthetic device 'synthetic' does not offer pixel format H264; it offers YUYV, NV12, NV21,"
                + " YV12, NV16, RGB24, GREY, MJPEG", e.getMessage());
        assertThrows(UnsupportedFormatException.class,
                () -> source.negotiate(new FormatRequest(640, 480, null, 30)));
    }

    @Test
    void formatsListEveryPixelFormatWithCommonSizes() {
        List<FormatDescription> formats = source.formats();
        assertEquals(List.of("YUYV", "NV12", "NV21", "YV12", "NV16", "RGB3", "GREY", "MJPG"),
                formats.stream().map(FormatDescription::fourccString).toList());
        for (FormatDescription format : formats) {
            assertTrue(format.sizes().contains(new FormatDescription.FrameSize(3840, 2160,
                    List.of(1000.0, 240.0, 120.0, 60.0, 30.0, 15.0, 5.0, 1.0))), format.toString());
            assertTrue(format.sizes().stream().anyMatch(size -> size.width() == 320 && size.height() == 240));
        }
    }
}
