package io.kapture.v4l2;

import io.kapture.v4l2.internal.V4l2Source;

/**
 * Opens V4L2 capture sources from plain Java, outside OSGi: {@code V4l2Sources.open("/dev/video0")}. In OSGi use
 * the {@link io.kapture.api.spi.CaptureSourceProvider} service with {@code kapture.source.type=v4l2} instead.
 * Stateless; thread-safe.
 */
public final class V4l2Sources {

    private V4l2Sources() {
    }

    /**
     * Opens a device through the real libc.
     *
     * @param device a node ({@code /dev/video0}) or a stable name ({@code /dev/v4l/by-id/...}), resolved now
     * @throws io.kapture.api.DeviceLostException if there is no such device
     * @throws io.kapture.api.DeviceBusyException if another stream owns the device
     * @throws io.kapture.api.CaptureException    if the node cannot capture video (a metadata node, for example)
     */
    public static V4l2CaptureSource open(String device) {
        return open(LinuxLibc.get(), device);
    }

    /** Opens a device through the given libc (a simulation, in tests). */
    public static V4l2CaptureSource open(Libc libc, String device) {
        return V4l2Source.open(libc, device);
    }
}
