package io.kapture.convert.internal.jpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/**
 * The engine choice: javax.imageio when the system property asks for it (the build runs the public API's tests a
 * second time that way), libjpeg-turbo when it loads, javax.imageio when it does not; chosen once.
 */
class JpegEngineTest {

    @Test
    void theEngineFollowsThePropertyAndTheLibraryAndIsChosenOnce() {
        String expected;
        if ("imageio".equals(System.getProperty(JpegEngine.PROPERTY))) {
            expected = Engines.IMAGEIO;
        } else {
            expected = loads() ? Engines.TURBO : Engines.IMAGEIO;
        }
        assertEquals(expected, JpegEngine.current().name());
        assertSame(JpegEngine.current(), JpegEngine.current());
    }

    @Test
    void imageioCanBeForcedAndUnknownSettingsMeanAuto() {
        assertEquals(Engines.IMAGEIO, JpegEngine.choose(" ImageIO ").name());
        JpegCodec auto = JpegEngine.choose("turbojpeg-please");
        try {
            assertEquals(loads() ? Engines.TURBO : Engines.IMAGEIO, auto.name());
        } finally {
            auto.close();
        }
    }

    @Test
    void aMissingJnaIsNamedForTheOperator() {
        assertEquals("JNA (package com.sun.jna) is not available",
                JpegEngine.unavailable(new NoClassDefFoundError("com/sun/jna/Native")));
        assertEquals("Unable to load library 'libturbojpeg.so.0'",
                JpegEngine.unavailable(new UnsatisfiedLinkError("Unable to load library 'libturbojpeg.so.0'")));
    }

    private static boolean loads() {
        try {
            TurboJpeg.open(1).close();
            return true;
        } catch (LinkageError | RuntimeException e) {
            return false;
        }
    }
}
