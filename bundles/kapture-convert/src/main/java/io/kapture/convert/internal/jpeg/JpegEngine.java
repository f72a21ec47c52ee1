package io.kapture.convert.internal.jpeg;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses, once per JVM (or bundle revision), the JPEG engine every caller of kapture-convert shares: libjpeg-turbo
 * when JNA and {@code libturbojpeg.so.0} load, javax.imageio otherwise, and logs the choice once at INFO, saying what
 * to install when it falls back. The system property {@value #PROPERTY} forces javax.imageio ({@code imageio}) for
 * comparisons and tests; the default {@code auto} prefers libjpeg-turbo.
 *
 * <p>Thread-safe: the first caller chooses under a lock, later ones read a volatile field.
 */
public final class JpegEngine {

    /** System property choosing the engine: {@code auto} (the default) or {@code imageio}. */
    public static final String PROPERTY = "kapture.jpeg.engine";

    private static final Logger LOG = LoggerFactory.getLogger(JpegEngine.class);
    private static final Object LOCK = new Object();
    private static volatile JpegCodec current;

    private JpegEngine() {
    }

    /** The engine in use, chosen on the first call. */
    public static JpegCodec current() {
        JpegCodec codec = current;
        if (codec != null) {
            return codec;
        }
        synchronized (LOCK) {
            if (current == null) {
                current = choose(System.getProperty(PROPERTY, "auto"));
            }
            return current;
        }
    }

    /** Releases the engine's native resources (the bundle is stopping); it stays usable. */
    public static void releaseNativeResources() {
        JpegCodec codec = current;
        if (codec != null) {
            codec.close();
        }
    }

    /** At most this many threads encode or decode through libjpeg-turbo at once, each with its own codec. */
    static int codecLimit() {
        return Math.max(2, Runtime.getRuntime().availableProcessors());
    }

    static JpegCodec choose(String setting) {
        String value = setting.trim().toLowerCase(Locale.ROOT);
        if (value.equals("imageio")) {
            LOG.info("JPEG encoding and MJPEG decoding use javax.imageio ({}=imageio)", PROPERTY);
            return new ImageIoJpeg();
        }
        if (!value.equals("auto")) {
            LOG.warn("System property {}='{}' is not a JPEG engine; valid values: auto (libjpeg-turbo where present, "
                    + "else javax.imageio), imageio. Using auto", PROPERTY, setting);
        }
        try {
            TurboJpeg turbo = TurboJpeg.open(codecLimit());
            LOG.info("JPEG encoding and MJPEG decoding use libjpeg-turbo ({}, up to {} threads at once)",
                    TurboJpeg.LIBRARY, codecLimit());
            return turbo;
        } catch (LinkageError | RuntimeException e) {
            LOG.info("JPEG encoding and MJPEG decoding use javax.imageio: libjpeg-turbo is not available ({}). "
                    + "For several times faster JPEG install it (Debian/Ubuntu: apt-get install libturbojpeg0; in "
                    + "Karaf also the kapture-jna feature) and restart", unavailable(e));
            return new ImageIoJpeg();
        }
    }

    /** Why libjpeg-turbo could not be used, in words an operator can act on. */
    static String unavailable(Throwable e) {
        String message = String.valueOf(e.getMessage());
        if (e instanceof NoClassDefFoundError && message.contains("com/sun/jna")) {
            return "JNA (package com.sun.jna) is not available";
        }
        return message.strip().replaceAll("\\s*\\R\\s*", "; ");
    }
}
