package io.kapture.v4l2;

/**
 * The {@code errno} values V4L2 and the calls around it report, with their symbolic names for messages.
 * Constants only; thread-safe.
 */
public final class Errno {
    @AbiName("EPERM")
    public static final int EPERM = 1;
    @AbiName("ENOENT")
    public static final int ENOENT = 2;
    @AbiName("EINTR")
    public static final int EINTR = 4;
    @AbiName("EIO")
    public static final int EIO = 5;
    @AbiName("ENXIO")
    public static final int ENXIO = 6;
    @AbiName("EBADF")
    public static final int EBADF = 9;
    @AbiName("EAGAIN")
    public static final int EAGAIN = 11;
    @AbiName("ENOMEM")
    public static final int ENOMEM = 12;
    @AbiName("EACCES")
    public static final int EACCES = 13;
    @AbiName("EFAULT")
    public static final int EFAULT = 14;
    @AbiName("EBUSY")
    public static final int EBUSY = 16;
    @AbiName("ENODEV")
    public static final int ENODEV = 19;
    @AbiName("EINVAL")
    public static final int EINVAL = 22;
    @AbiName("ENOTTY")
    public static final int ENOTTY = 25;
    @AbiName("ENOSPC")
    public static final int ENOSPC = 28;
    @AbiName("EPIPE")
    public static final int EPIPE = 32;
    @AbiName("ERANGE")
    public static final int ERANGE = 34;
    @AbiName("ENODATA")
    public static final int ENODATA = 61;
    @AbiName("EOPNOTSUPP")
    public static final int EOPNOTSUPP = 95;

    private Errno() {
    }

    /** {@code "ENODEV (19, no such device)"}; unknown values as {@code "errno 123"}. */
    public static String describe(int errno) {
        return switch (errno) {
            case EPERM -> "EPERM (1, operation not permitted)";
            case ENOENT -> "ENOENT (2, no such file or directory)";
            case EINTR -> "EINTR (4, interrupted system call)";
            case EIO -> "EIO (5, input/output error)";
            case ENXIO -> "ENXIO (6, no such device or address)";
            case EBADF -> "EBADF (9, bad file descriptor)";
            case EAGAIN -> "EAGAIN (11, resource temporarily unavailable)";
            case ENOMEM -> "ENOMEM (12, cannot allocate memory)";
            case EACCES -> "EACCES (13, permission denied)";
            case EFAULT -> "EFAULT (14, bad address)";
            case EBUSY -> "EBUSY (16, device or resource busy)";
            case ENODEV -> "ENODEV (19, no such device)";
            case EINVAL -> "EINVAL (22, invalid argument)";
            case ENOTTY -> "ENOTTY (25, inappropriate ioctl for device)";
            case ENOSPC -> "ENOSPC (28, no space left on device)";
            case EPIPE -> "EPIPE (32, broken pipe)";
            case ERANGE -> "ERANGE (34, result out of range)";
            case ENODATA -> "ENODATA (61, no data available)";
            case EOPNOTSUPP -> "EOPNOTSUPP (95, operation not supported)";
            default -> "errno " + errno;
        };
    }
}
