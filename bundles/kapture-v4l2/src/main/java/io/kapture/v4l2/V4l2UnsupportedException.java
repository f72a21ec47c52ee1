package io.kapture.v4l2;

/** The device does not implement the ioctl ({@code ENOTTY}, {@code EOPNOTSUPP}). Immutable. */
public class V4l2UnsupportedException extends V4l2Exception {
    private static final long serialVersionUID = 1L;

    public V4l2UnsupportedException(String device, String operation, int errno, String message) {
        super(device, operation, errno, message);
    }
}
