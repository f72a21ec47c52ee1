package io.kapture.vivid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class FormatListingTest {

    static FormatListing sample() throws IOException {
        try (InputStream in = FormatListingTest.class.getResourceAsStream("v4l2-ctl-formats.txt")) {
            return FormatListing.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
        }
    }

    @Test
    void readsFormatsSizesAndRatesAsVividListsThem() throws IOException {
        FormatListing listing = sample();

        assertEquals(List.of("YUYV", "Y16 -BE", "MJPG"),
                listing.formats().stream().map(f -> FormatListing.fourccName(f.fourcc())).toList());
        FormatListing.Format yuyv = listing.formats().get(0);
        assertTrue(yuyv.describedAs("YUYV 4:2:2"));
        assertFalse(yuyv.describedAs("YUYV"));
        assertEquals(List.of("320x180", "640x360", "640x480", "1280x720", "1920x1080", "3840x2160"),
                yuyv.sizes().stream().map(s -> s.width() + "x" + s.height()).toList());
        assertEquals(List.of(1.0, 2.0, 4.0, 5.0, 10.0, 12.5), yuyv.sizes().get(3).framesPerSecond());
        assertEquals(12, yuyv.sizes().get(0).framesPerSecond().size());
    }

    @Test
    void bigEndianFormatsCarryTheHighBit() throws IOException {
        FormatListing.Format y16be = sample().formats().get(1);

        assertEquals(FormatListing.fourcc("Y16 ", false) | 1 << 31, y16be.fourcc());
        assertEquals("Y16 -BE", FormatListing.fourccName(y16be.fourcc()));
        assertEquals(List.of(1.0, 2.0), y16be.sizes().get(0).framesPerSecond());
    }

    @Test
    void stepwiseSizesAreMarkedNotListed() throws IOException {
        FormatListing.Format mjpeg = sample().formats().get(2);

        assertTrue(mjpeg.stepwise());
        assertTrue(mjpeg.sizes().isEmpty());
        assertTrue(mjpeg.describedAs("Motion-JPEG"));
    }

    @Test
    void summaryCountsWhatWasParsed() throws IOException {
        assertEquals("3 formats, 7 sizes, 44 intervals", sample().summary());
    }

    @Test
    void fourccCodesMatchTheKernelMacro() {
        assertEquals(0x56595559, FormatListing.fourcc("YUYV", false));
    }
}
