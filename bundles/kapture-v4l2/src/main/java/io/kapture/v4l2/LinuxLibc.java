package io.kapture.v4l2;

import java.lang.ref.Reference;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;

/**
 * The real {@link Libc}: JNA direct mapping ({@link Native#register}) of the C library, so that the per-frame
 * calls ({@code ioctl}, {@code poll}) cost one JNI transition and no reflection or argument boxing. errno becomes
 * {@link ErrnoException}: the rare calls declare {@link LastErrorException}; the per-frame ones take the
 * struct's address as a plain {@code long} (no {@code Pointer} to unwrap) and read {@link Native#getLastError()}
 * only when they return -1, which JNA's direct mapping keeps per thread after every call. That shape and direct
 * {@link java.nio.ByteBuffer} views of the structs (see {@link io.kapture.v4l2.structs.NativeStruct}) were the
 * cheapest found by measurement (benchmarks/README.md): each cut a little of JNA's cost per frame.
 *
 * <p>Requires a 64-bit Linux: {@code unsigned long}, {@code size_t} and {@code off_t} are passed as Java
 * {@code long}. Stateless; thread-safe.
 */
public final class LinuxLibc implements Libc {

    private static final LinuxLibc INSTANCE = new LinuxLibc();

    private LinuxLibc() {
    }

    /**
     * The shared instance; the first call loads libc through JNA.
     *
     * @throws UnsatisfiedLinkError if JNA's native part or libc cannot be loaded (not Linux, not 64-bit)
     */
    public static LinuxLibc get() {
        Calls.ensureRegistered();
        return INSTANCE;
    }

    @Override
    public int open(String path, int flags) {
        try {
            return Calls.open(path, flags);
        } catch (LastErrorException e) {
            throw new ErrnoException("open(" + path + ")", e.getErrorCode());
        }
    }

    @Override
    public void close(int fd) {
        try {
            Calls.close(fd);
        } catch (LastErrorException e) {
            throw new ErrnoException("close", e.getErrorCode());
        }
    }

    @Override
    public int ioctl(int fd, long request, Pointer argument) {
        int result = Calls.ioctl(fd, request, Pointer.nativeValue(argument));
        // the call only saw the address: keep the memory (JNA frees a Memory once unreachable) until it returned
        Reference.reachabilityFence(argument);
        if (result == -1) {
            throw new ErrnoException("ioctl", Native.getLastError());
        }
        return result;
    }

    @Override
    public Pointer mmap(Pointer address, long length, int protection, int flags, int fd, long offset) {
        try {
            return Calls.mmap(address, length, protection, flags, fd, offset);
        } catch (LastErrorException e) {
            throw new ErrnoException("mmap", e.getErrorCode());
        }
    }

    @Override
    public void munmap(Pointer address, long length) {
        try {
            Calls.munmap(address, length);
        } catch (LastErrorException e) {
            throw new ErrnoException("munmap", e.getErrorCode());
        }
    }

    @Override
    public int poll(Pointer fds, int count, int timeoutMillis) {
        int result = Calls.poll(Pointer.nativeValue(fds), count, timeoutMillis);
        Reference.reachabilityFence(fds);
        if (result == -1) {
            throw new ErrnoException("poll", Native.getLastError());
        }
        return result;
    }

    /** The registered natives, in their own class so that loading {@link LinuxLibc} never loads JNA's library. */
    private static final class Calls {
        static {
            if (!Platform.isLinux() || !Platform.is64Bit()) {
                throw new UnsatisfiedLinkError("the V4L2 binding needs 64-bit Linux, this is " + Platform.RESOURCE_PREFIX);
            }
            Native.register(Calls.class, Platform.C_LIBRARY_NAME);
        }

        static void ensureRegistered() {
            // class initialisation above does the work
        }

        static native int open(String path, int flags) throws LastErrorException;

        static native int close(int fd) throws LastErrorException;

        static native int ioctl(int fd, long request, long argument);

        static native Pointer mmap(Pointer address, long length, int protection, int flags, int fd, long offset)
                throws LastErrorException;

        static native int munmap(Pointer address, long length) throws LastErrorException;

        static native int poll(long fds, long count, int timeoutMillis);
    }
}
