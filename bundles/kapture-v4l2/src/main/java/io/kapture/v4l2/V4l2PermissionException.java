package io.kapture.v4l2;

/** The process may not use the device ({@code EACCES}, {@code EPERM}). Immutable. */
public class V4l2PermissionException extends V4l2Exception {
    private static final long serialVersionUID = 1L;

    public V4l2PermissionException(String device, String operation, int errno, String message) {
        super(device, operation, errno, message);
    }
}
