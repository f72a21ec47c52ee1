/**
 * Pixel conversion for processors and snapshots: raw V4L2 layouts (YUYV, UYVY, NV12, YU12, NV21, YV12, NV16, GREY,
 * RGB24, BGR24) and MJPEG to packed RGB or luma with ITU-R BT.601 limited-range coefficients, frames to
 * {@link java.awt.image.BufferedImage}, and JPEG/PNG encoding. JPEG goes through libjpeg-turbo where it is installed,
 * javax.imageio otherwise. 1.1: MJPEG in {@link io.kapture.convert.PixelConversion}, JPEG of a buffer and format,
 * the engine's name. 1.2: I420 output for video encoders ({@link io.kapture.convert.PixelConversion#toI420}).
 */
@Export
@Version("1.2.0")
package io.kapture.convert;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
