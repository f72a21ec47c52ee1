package io.kapture.v4l2.structs;

import com.sun.jna.Pointer;

import io.kapture.v4l2.AbiName;

/**
 * {@code struct pollfd} of {@code poll(2)}: one per stream, reused for every wait. Not thread-safe, see
 * {@link NativeStruct}.
 */
public final class PollFd extends NativeStruct {
    @AbiName("sizeof(struct pollfd)")
    public static final int SIZE = 8;
    @AbiName("offsetof(struct pollfd, fd)")
    public static final int FD = 0;
    @AbiName("offsetof(struct pollfd, events)")
    public static final int EVENTS = 4;
    @AbiName("offsetof(struct pollfd, revents)")
    public static final int REVENTS = 6;

    public PollFd() {
        super(SIZE);
    }

    private PollFd(Pointer pointer) {
        super(pointer, SIZE);
    }

    /** A view over a struct somebody else allocated. */
    public static PollFd at(Pointer pointer) {
        return new PollFd(pointer);
    }

    public int fd() {
        return getInt(FD);
    }

    public int events() {
        return getUnsignedShort(EVENTS);
    }

    /** Sets the descriptor and events and clears {@code revents}, ready for the next {@code poll}. */
    public void watch(int fd, int events) {
        setInt(FD, fd);
        setShort(EVENTS, events);
        setShort(REVENTS, 0);
    }

    public int revents() {
        return getUnsignedShort(REVENTS);
    }

    public void revents(int value) {
        setShort(REVENTS, value);
    }
}
