package io.kapture.v4l2.sim;

import com.sun.jna.Pointer;

import io.kapture.v4l2.Libc;

/**
 * A {@link Libc} that passes every call to another one: tests extend it to watch or rewrite the one call they are
 * about (an {@code ioctl}, a {@code poll}) and leave the rest to the simulation.
 *
 * <p>Threading: as thread-safe as the {@code Libc} it passes to; subclasses say what their overrides add.
 */
public abstract class ForwardingLibc implements Libc {

    /** Where every call not overridden goes. */
    protected final Libc delegate;

    protected ForwardingLibc(Libc delegate) {
        this.delegate = delegate;
    }

    @Override
    public int open(String path, int flags) {
        return delegate.open(path, flags);
    }

    @Override
    public void close(int fd) {
        delegate.close(fd);
    }

    @Override
    public int ioctl(int fd, long request, Pointer argument) {
        return delegate.ioctl(fd, request, argument);
    }

    @Override
    public Pointer mmap(Pointer address, long length, int protection, int flags, int fd, long offset) {
        return delegate.mmap(address, length, protection, flags, fd, offset);
    }

    @Override
    public void munmap(Pointer address, long length) {
        delegate.munmap(address, length);
    }

    @Override
    public int poll(Pointer fds, int count, int timeoutMillis) {
        return delegate.poll(fds, count, timeoutMillis);
    }
}
