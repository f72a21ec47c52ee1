package io.kapture.v4l2.internal;

import java.util.Optional;

/**
 * Which V4L2 drivers must not have their buffers lent to listeners (zero-copy delivery), and why, by the driver
 * name {@code VIDIOC_QUERYCAP} answers. A kernel driver built on videobuf2 never touches a buffer between
 * {@code DQBUF} and the next {@code QBUF} of it, so lending is safe; two drivers Kapture meets do not keep that:
 * <ul>
 * <li>v4l2loopback (driver {@value #LOOPBACK_DRIVER}; 0.12.7 read in its {@code v4l2loopback.c}): the writer fills
 *     its buffers in turn whatever the reader holds, and the reader's {@code DQBUF} answers the buffer at its read
 *     position whether or not it was queued back. A frame a listener holds in the buffer itself is written over
 *     under it (seen in the vivid guest: the stream restarting on a buffer handed out twice, recorder frames
 *     overwritten).</li>
 * <li>libcamera's V4L2 compatibility layer (driver {@value BufferRing#LIBCAMERA_COMPAT_DRIVER}): its {@code DQBUF}
 *     answers its buffers in turn, so {@link DequeueOrder} gives them back in that order, and one frame a listener
 *     holds stops every later buffer from returning: the camera stalls until the frame's lease is taken back.</li>
 * </ul>
 *
 * <p>Stateless; safe from any thread.
 */
final class BufferLending {

    /** The driver name v4l2loopback answers {@code VIDIOC_QUERYCAP} with. */
    static final String LOOPBACK_DRIVER = "v4l2 loopback";

    private BufferLending() {
    }

    /** Why the buffers of {@code node}, driven by {@code driver}, cannot be lent; empty if they can. */
    static Optional<String> hazard(String node, String driver) {
        if (LOOPBACK_DRIVER.equals(driver)) {
            return Optional.of(node + " is a v4l2loopback device (driver '" + driver + "'), which writes into buffers "
                    + "it handed out and hands them out again before they are queued back, so a frame a listener "
                    + "holds in the driver's buffer could change under it");
        }
        if (BufferRing.LIBCAMERA_COMPAT_DRIVER.equals(driver)) {
            return Optional.of(node + " is served by libcamera's V4L2 compatibility layer (driver '" + driver
                    + "'), which needs its buffers back in the order it handed them out, so a frame a listener "
                    + "holds in the driver's buffer would hold the camera back");
        }
        return Optional.empty();
    }
}
