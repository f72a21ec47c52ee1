package io.kapture.synthetic.internal;

import static io.kapture.synthetic.internal.Sources.now;
import static io.kapture.synthetic.internal.Sources.painted;
import static io.kapture.synthetic.internal.Sources.streaming;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.kapture.api.FrameFormat;
import io.kapture.api.PixelFormat;
import io.kapture.api.spi.DriverBuffer;
import io.kapture.synthetic.SyntheticFrames;

/** What a consumer of the source sees: every frame of every format carries its own sequence number. */
class FrameContentTest {
    private final SyntheticSourceProvider provider = new SyntheticSourceProvider(new FakeClock());

    @ParameterizedTest
    @EnumSource(value = PixelFormat.class, names = {"YUYV", "NV12", "NV21", "YV12", "NV16", "RGB24", "GREY", "MJPEG"})
    void everyFrameCarriesItsSequenceNumber(PixelFormat pixelFormat) throws InterruptedException, IOException {
        SyntheticSource source = streaming(provider, "synthetic", Map.of(), 320, 240, pixelFormat, 0, 3);
        FrameFormat format = SyntheticFormats.frameFormat(320, 240, pixelFormat);
        for (int i = 0; i < 25; i++) {
            DriverBuffer buffer = now(source);
            assertEquals(i, buffer.sequence());
            assertEquals(i, painted(buffer, format), pixelFormat + " frame " + i);
            if (pixelFormat == PixelFormat.MJPEG) {
                assertTrue(buffer.bytesUsed() < format.imageSize());
                byte[] jpeg = new byte[buffer.bytesUsed()];
                buffer.memory().get(0, jpeg);
                BufferedImage image = ImageIO.read(new ByteArrayInputStream(jpeg));
                assertNotNull(image, "frame " + i + " is a JPEG ImageIO reads");
                assertEquals(i, SyntheticFrames.sequenceOf(image));
            } else {
                assertEquals(format.imageSize(), buffer.bytesUsed());
            }
            source.queue(buffer);
        }
        source.close();
    }
}
