package io.kapture.v4l2;

/**
 * A libc call failed with {@code errno}. Thrown by {@link Libc} implementations; {@link V4l2Device} turns it into
 * a typed {@link io.kapture.api.CaptureException} naming the device and the ioctl. Immutable; thread-safe.
 */
public class ErrnoException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String call;
    private final int errno;

    public ErrnoException(String call, int errno) {
        super(call + " failed: " + Errno.describe(errno));
        this.call = call;
        this.errno = errno;
    }

    /** The libc function that failed, for example {@code ioctl}. */
    public String call() {
        return call;
    }

    /** The {@code errno} value, see {@link Errno}. */
    public int errno() {
        return errno;
    }
}
