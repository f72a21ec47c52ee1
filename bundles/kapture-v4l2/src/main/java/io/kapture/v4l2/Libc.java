package io.kapture.v4l2;

import com.sun.jna.Pointer;

/**
 * The few libc calls V4L2 needs, as a seam between the binding and the kernel. {@link LinuxLibc} calls the real
 * libc through JNA; tests plug in a userspace V4L2 simulation behind the same interface.
 *
 * <p>Every method throws {@link ErrnoException} carrying {@code errno} when the call fails; none retries on
 * {@code EINTR} (callers decide, see {@link V4l2Device}). Implementations must be safe to call from any thread,
 * as the underlying system calls are.
 */
public interface Libc {

    @AbiName("O_RDWR")
    int O_RDWR = 0x2;
    @AbiName("O_NONBLOCK")
    int O_NONBLOCK = 0x800;
    @AbiName("O_CLOEXEC")
    int O_CLOEXEC = 0x80000;

    @AbiName("PROT_READ")
    int PROT_READ = 0x1;
    @AbiName("PROT_WRITE")
    int PROT_WRITE = 0x2;
    @AbiName("MAP_SHARED")
    int MAP_SHARED = 0x1;
    @AbiName("MAP_PRIVATE")
    int MAP_PRIVATE = 0x2;
    @AbiName("MAP_FIXED")
    int MAP_FIXED = 0x10;
    @AbiName("MAP_ANONYMOUS")
    int MAP_ANONYMOUS = 0x20;

    @AbiName("POLLIN")
    int POLLIN = 0x1;
    @AbiName("POLLPRI")
    int POLLPRI = 0x2;
    @AbiName("POLLOUT")
    int POLLOUT = 0x4;
    @AbiName("POLLERR")
    int POLLERR = 0x8;
    @AbiName("POLLHUP")
    int POLLHUP = 0x10;
    @AbiName("POLLNVAL")
    int POLLNVAL = 0x20;

    /**
     * Opens a file.
     *
     * @return the new descriptor
     */
    int open(String path, int flags);

    /** Closes a descriptor. Never retried: on Linux the descriptor is gone even when this fails. */
    void close(int fd);

    /**
     * Issues an ioctl whose argument is a pointer to a struct (or an int).
     *
     * @return the ioctl's non-negative result
     */
    int ioctl(int fd, long request, Pointer argument);

    /** Maps {@code length} bytes of {@code fd} at {@code offset}; {@code fd} is -1 for anonymous mappings. */
    Pointer mmap(Pointer address, long length, int protection, int flags, int fd, long offset);

    /** Unmaps a mapping made by {@link #mmap}. */
    void munmap(Pointer address, long length);

    /**
     * Waits for events on {@code count} {@code struct pollfd} entries at {@code fds}.
     *
     * @return the number of entries with events, 0 on time-out
     */
    int poll(Pointer fds, int count, int timeoutMillis);
}
