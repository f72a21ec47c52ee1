package io.kapture.vivid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.kapture.api.spi.FormatDescription;

class FormatComparisonTest {

    /** What a correct enumeration of the sample device looks like, rates highest first as Kapture lists them. */
    private static List<FormatDescription> faithful(FormatListing listing) {
        List<FormatDescription> formats = new ArrayList<>();
        for (FormatListing.Format format : listing.formats()) {
            String description = format.description().split(", ")[0];
            List<FormatDescription.FrameSize> sizes = format.sizes().stream()
                    .map(s -> new FormatDescription.FrameSize(s.width(), s.height(),
                            s.framesPerSecond().stream().sorted((a, b) -> Double.compare(b, a)).toList()))
                    .toList();
            formats.add(new FormatDescription(format.fourcc(), description, sizes));
        }
        return formats;
    }

    @Test
    void aFaithfulEnumerationHasNoDifferences() throws IOException {
        FormatListing listing = FormatListingTest.sample();

        assertEquals(List.of(), FormatComparison.differences(listing, faithful(listing)));
    }

    @Test
    void aMissingFormatIsReported() throws IOException {
        FormatListing listing = FormatListingTest.sample();
        List<FormatDescription> formats = faithful(listing);
        formats.remove(1);

        List<String> problems = FormatComparison.differences(listing, formats);

        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("Y16 -BE"), problems.get(0));
    }

    @Test
    void aMissingRateAndAWrongSizeAreReported() throws IOException {
        FormatListing listing = FormatListingTest.sample();
        List<FormatDescription> formats = faithful(listing);
        FormatDescription yuyv = formats.get(0);
        List<FormatDescription.FrameSize> sizes = new ArrayList<>(yuyv.sizes());
        FormatDescription.FrameSize first = sizes.get(0);
        sizes.set(0, new FormatDescription.FrameSize(first.width(), first.height(),
                first.framesPerSecond().subList(1, first.framesPerSecond().size())));
        formats.set(0, new FormatDescription(yuyv.fourcc(), yuyv.description(), sizes));
        FormatDescription y16 = formats.get(1);
        formats.set(1, new FormatDescription(y16.fourcc(), y16.description(),
                List.of(new FormatDescription.FrameSize(320, 240, List.of(1.0, 2.0)))));

        List<String> problems = FormatComparison.differences(listing, formats);

        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("YUYV 320x180: rates"), problems.get(0));
        assertTrue(problems.get(1).startsWith("Y16 -BE: sizes [320x240]"), problems.get(1));
    }

    @Test
    void aWrongDescriptionIsReported() throws IOException {
        FormatListing listing = FormatListingTest.sample();
        List<FormatDescription> formats = faithful(listing);
        FormatDescription yuyv = formats.get(0);
        formats.set(0, new FormatDescription(yuyv.fourcc(), "YUYV", yuyv.sizes()));

        List<String> problems = FormatComparison.differences(listing, formats);

        assertEquals(List.of("YUYV: description 'YUYV', v4l2-ctl says 'YUYV 4:2:2, csc-colorspace, csc-ycbcr,"
                + " csc-quantization, csc-xfer-func'"), problems);
    }
}
