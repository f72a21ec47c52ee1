package io.kapture.v4l2;

import io.kapture.api.CaptureException;

/**
 * A V4L2 call failed for a reason other than a lost or busy device (those are
 * {@link io.kapture.api.DeviceLostException} and {@link io.kapture.api.DeviceBusyException}). Carries the device,
 * the operation (an ioctl name such as {@code VIDIOC_S_FMT}) and {@code errno}; subclasses tell the causes apart.
 * Immutable; thread-safe.
 */
public class V4l2Exception extends CaptureException {
    private static final long serialVersionUID = 1L;

    private final String device;
    private final String operation;
    private final int errno;

    public V4l2Exception(String device, String operation, int errno, String message) {
        super(message);
        this.device = device;
        this.operation = operation;
        this.errno = errno;
    }

    /** The device path. */
    public String device() {
        return device;
    }

    /** What was attempted: an ioctl name, {@code open} or {@code mmap}. */
    public String operation() {
        return operation;
    }

    /** The {@code errno} value, see {@link Errno}. */
    public int errno() {
        return errno;
    }
}
