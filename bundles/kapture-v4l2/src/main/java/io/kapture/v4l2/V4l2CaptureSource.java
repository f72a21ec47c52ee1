package io.kapture.v4l2;

import org.osgi.annotation.versioning.ProviderType;

import io.kapture.api.spi.CaptureSource;

/**
 * A {@link CaptureSource} on a V4L2 node, with what only V4L2 offers: the node actually opened (a stable
 * {@code /dev/v4l/by-id} name resolves to a {@code /dev/videoN}), the raw {@link V4l2Device} for further ioctls,
 * and DMABUF export of the mapped buffers. Open one with {@link V4l2Sources#open}.
 *
 * <p>Events: the source subscribes to source-change and end-of-stream events where the device emits them, and
 * {@link #dequeue} takes every pending event itself: a resolution change or end of stream makes it throw a
 * {@link io.kapture.api.CaptureException} saying so (stop, negotiate again, start); other events are discarded.
 *
 * <p>Multi-plane formats: on a multi-planar device a format may span several buffers, one per plane (NV12M,
 * NV21M, NV16M, YUV420M, YVU420M). Frames of such a format are delivered packed as the single-plane format with
 * the same samples (NV12, NV21, NV16, YU12, YV12): {@link io.kapture.api.spi.DriverBuffer#memory()} is then a
 * copy made once per frame, not the driver's mapping; {@link #bufferPlanes()} says how many planes the driver
 * buffers have and {@link #exportBuffer(int, int)} exports any of them.
 *
 * <p>Threading: as {@link CaptureSource}; {@link #exportBuffer} may be called from any thread while streaming.
 */
@ProviderType
public interface V4l2CaptureSource extends CaptureSource {

    /** The node opened, for example {@code /dev/video2}. */
    String path();

    /** The open device, for ioctls this interface does not cover. Do not close it: {@link #close()} does. */
    V4l2Device device();

    /** {@link V4l2#BUF_TYPE_VIDEO_CAPTURE} or, for multi-planar-only devices, {@code ..._CAPTURE_MPLANE}. */
    int bufferType();

    /**
     * Exports a buffer of the running stream as a DMABUF descriptor ({@code VIDIOC_EXPBUF}), to hand it to a GPU,
     * encoder or another process without a copy.
     *
     * @param index the buffer, 0 to {@link #bufferCount()} - 1
     * @return a new descriptor the caller owns and must close (for example with {@link Libc#close})
     * @throws IllegalStateException if the source is not streaming
     */
    int exportBuffer(int index);

    /**
     * Exports one plane of a buffer of the running stream as a DMABUF descriptor ({@code VIDIOC_EXPBUF}). The
     * descriptor holds the plane as the driver wrote it (for NV12M plane 0 is the luma plane, plane 1 the
     * interleaved chroma), not the packed copy {@code memory()} shows.
     *
     * @param index the buffer, 0 to {@link #bufferCount()} - 1
     * @param plane the plane, 0 to {@link #bufferPlanes()} - 1
     * @return a new descriptor the caller owns and must close
     * @throws IllegalStateException if the source is not streaming or has no such buffer or plane
     */
    int exportBuffer(int index, int plane);

    /**
     * Planes (driver buffers) each frame spans: 1 for single-plane formats, 2 for NV12M, NV21M or NV16M, 3 for
     * YUV420M or YVU420M; 0 when not streaming.
     */
    int bufferPlanes();

    /**
     * Mappings replaced by anonymous memory at {@link #stop()} because their buffer was still out (dequeued and not
     * queued back): stale views read zeros instead of crashing the JVM. Each is unmapped once its buffer object is
     * unreachable. 0 when every buffer came back in time, as the engine guarantees.
     */
    long orphanedMappings();
}
