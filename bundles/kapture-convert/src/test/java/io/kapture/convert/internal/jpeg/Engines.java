package io.kapture.convert.internal.jpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

/**
 * The two engines for parameterized tests, and checks of decoded images against a {@link PatchPicture}. Without
 * libturbojpeg.so.0 the libjpeg-turbo cases are skipped with the reason (an assumption), never passed.
 * Stateless helpers; the turbo engine is opened per call, so every test closes what it opened.
 */
final class Engines {

    static final String TURBO = "libjpeg-turbo";
    static final String IMAGEIO = "javax.imageio";

    private Engines() {
    }

    /** The engine of that name; skips the test when it is libjpeg-turbo and the library does not load. */
    static JpegCodec open(String name) {
        return name.equals(TURBO) ? turbo(2) : new ImageIoJpeg();
    }

    static TurboJpeg turbo(int limit) {
        try {
            return TurboJpeg.open(limit);
        } catch (LinkageError | RuntimeException e) {
            assumeTrue(false, "libjpeg-turbo test skipped: " + TurboJpeg.LIBRARY + " does not load ("
                    + JpegEngine.unavailable(e) + "); run scripts/install-test-prerequisites as root (it installs libturbojpeg0)");
            throw new AssertionError("unreachable", e);
        }
    }

    /** Decodes with javax.imageio, independent of the engine under test. */
    static BufferedImage read(byte[] jpeg) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(jpeg));
            assertTrue(image != null, "javax.imageio does not recognise the " + jpeg.length + " bytes as an image");
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Asserts the image is the picture's size, each patch's middle is within {@code tolerance} of the expected
     * colour in every component, and the patches' insides have a PSNR of at least {@code minPsnr} dB. The two pixels
     * along each patch edge are left out of the PSNR: decoders interpolate chroma across neighbouring blocks there,
     * and the patches are saturated colours side by side.
     */
    static void assertLooksLike(PatchPicture picture, BufferedImage image, int tolerance, double minPsnr,
            String what) {
        assertEquals(picture.width, image.getWidth(), what + ": width");
        assertEquals(picture.height, image.getHeight(), what + ": height");
        double squares = 0;
        int counted = 0;
        for (int y = 0; y < picture.height; y++) {
            for (int x = 0; x < picture.width; x++) {
                int[] expected = picture.expectedRgb(x, y);
                int rgb = image.getRGB(x, y);
                int[] actual = {rgb >> 16 & 0xff, rgb >> 8 & 0xff, rgb & 0xff};
                boolean middle = x % PatchPicture.PATCH == PatchPicture.PATCH / 2
                        && y % PatchPicture.PATCH == PatchPicture.PATCH / 2;
                boolean inside = inside(x) && inside(y);
                for (int c = 0; c < 3; c++) {
                    int error = actual[c] - expected[c];
                    if (inside) {
                        squares += error * error;
                        counted++;
                    }
                    if (middle) {
                        assertEquals(expected[c], actual[c], tolerance, what + ": component " + c + " of the patch"
                                + " at " + x + "," + y);
                    }
                }
            }
        }
        double psnr = psnr(squares / counted);
        assertTrue(psnr >= minPsnr, what + ": PSNR " + psnr + " dB, wanted at least " + minPsnr);
    }

    private static boolean inside(int coordinate) {
        int within = coordinate % PatchPicture.PATCH;
        return within >= 2 && within < PatchPicture.PATCH - 2;
    }

    static double psnr(double meanSquaredError) {
        return meanSquaredError == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255.0 * 255.0 / meanSquaredError);
    }
}
