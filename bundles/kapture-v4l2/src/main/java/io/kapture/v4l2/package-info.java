/**
 * The V4L2 binding: libc through JNA ({@link io.kapture.v4l2.Libc}), the ioctl request codes and constants
 * ({@link io.kapture.v4l2.V4l2}), an opened device with errno mapped to typed exceptions
 * ({@link io.kapture.v4l2.V4l2Device}), device discovery, and the V4L2 view of a capture source
 * ({@link io.kapture.v4l2.V4l2CaptureSource}, opened with {@link io.kapture.v4l2.V4l2Sources}). The struct
 * layouts live in {@link io.kapture.v4l2.structs}.
 *
 * <p>Not exported (its package-info has no {@code @Export}): bundles capture through kapture-api's
 * {@code CaptureSourceProvider} service, and hot-plug listeners implement
 * {@link io.kapture.v4l2.hotplug.V4l2DeviceListener}. The unit tests, the benchmarks and the vivid checks use these
 * classes from the plain class path, where the bundle's private packages are as reachable as any.
 */
package io.kapture.v4l2;
