/**
 * The V4L2 binding for advanced users: libc through JNA ({@link io.kapture.v4l2.Libc}), the ioctl request codes
 * and constants ({@link io.kapture.v4l2.V4l2}), an opened device with errno mapped to typed exceptions
 * ({@link io.kapture.v4l2.V4l2Device}), device discovery and hot-plug notifications, and the V4L2 view of a
 * capture source ({@link io.kapture.v4l2.V4l2CaptureSource}, opened with {@link io.kapture.v4l2.V4l2Sources}).
 * The struct layouts live in {@link io.kapture.v4l2.structs}.
 */
@Export
@Version("1.1.0")
package io.kapture.v4l2;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
