/**
 * Pixel conversion for processors and snapshots: raw V4L2 layouts (YUYV, UYVY, NV12, YU12, GREY, RGB24, BGR24)
 * to packed RGB or luma with ITU-R BT.601 limited-range coefficients, frames to {@link java.awt.image.BufferedImage}
 * (MJPEG decoded), and JPEG/PNG encoding.
 */
@Export
@Version("1.0.0")
package io.kapture.convert;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
