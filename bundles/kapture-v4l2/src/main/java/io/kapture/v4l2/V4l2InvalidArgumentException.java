package io.kapture.v4l2;

/** The driver rejected an argument ({@code EINVAL}, {@code ERANGE}): a value, index or call sequence. Immutable. */
public class V4l2InvalidArgumentException extends V4l2Exception {
    private static final long serialVersionUID = 1L;

    public V4l2InvalidArgumentException(String device, String operation, int errno, String message) {
        super(device, operation, errno, message);
    }
}
