package io.kapture.v4l2;

import io.kapture.api.CaptureException;
import io.kapture.api.DeviceBusyException;
import io.kapture.api.DeviceLostException;

/**
 * Turns {@code errno} into the typed exception a caller can act on, with a message that names the device, the
 * operation and what to do. Stateless; thread-safe.
 */
public final class V4l2Errors {

    private V4l2Errors() {
    }

    /** Whether {@code errno} means the device is gone: unplugged, driver unbound or node removed. */
    public static boolean isDeviceGone(int errno) {
        return errno == Errno.ENODEV || errno == Errno.ENXIO || errno == Errno.EIO || errno == Errno.ENOENT;
    }

    /** The exception for a failed operation on {@code device}. */
    public static CaptureException of(String device, String operation, int errno) {
        String what = device + ": " + operation + " failed with " + Errno.describe(errno);
        return switch (errno) {
            case Errno.ENODEV, Errno.ENXIO, Errno.EIO ->
                new DeviceLostException(what + "; the device went away (unplugged, driver unbound or hardware error)");
            case Errno.ENOENT -> new DeviceLostException(what + "; there is no such device node: is the camera plugged"
                    + " in? See /dev/v4l/by-id for the cameras present");
            case Errno.EBUSY -> new DeviceBusyException(what + "; the device is in use by another stream (this or"
                    + " another process): stop that one first");
            case Errno.EACCES, Errno.EPERM -> new V4l2PermissionException(device, operation, errno, what
                    + "; this process may not use the device: add its user to the device's group (usually 'video')");
            case Errno.EINVAL, Errno.ERANGE -> new V4l2InvalidArgumentException(device, operation, errno, what
                    + "; the driver rejected the argument or the call is not allowed in this state");
            case Errno.ENOTTY, Errno.EOPNOTSUPP -> new V4l2UnsupportedException(device, operation, errno, what
                    + "; the device does not support this operation");
            default -> new V4l2Exception(device, operation, errno, what);
        };
    }
}
