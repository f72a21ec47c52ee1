package io.kapture.v4l2.internal;

import com.sun.jna.Pointer;

import io.kapture.v4l2.Libc;
import io.kapture.v4l2.V4l2;
import io.kapture.v4l2.sim.ForwardingLibc;
import io.kapture.v4l2.structs.PollFd;
import io.kapture.v4l2.structs.V4l2Buffer;

/**
 * A {@link Libc} that hands everything to another one (the V4L2 simulation, which sets the stream up) except the
 * per-frame calls once {@link #takeOver} is called: {@code poll}, {@code VIDIOC_DQBUF} and {@code VIDIOC_QBUF} are
 * then answered here, from a ring of queued buffer indexes, allocating nothing. So whatever a measurement finds
 * allocated per frame is the caller's own: the simulation allocates for every call it answers.
 *
 * <p>Not thread-safe: one thread dequeues and queues (as the allocation test does).
 */
final class LeanFrameCalls extends ForwardingLibc {

    private static final int MAX_BUFFERS = 32;

    private final int[] queued = new int[MAX_BUFFERS];
    private int head;
    private int count;
    private long sequence;
    private boolean leading;
    /** The struct views answered so far, by address: the caller reuses one struct per call kind. */
    private long pollAddress;
    private PollFd pollView;
    private long dqbufAddress;
    private V4l2Buffer dqbufView;
    private long qbufAddress;
    private V4l2Buffer qbufView;

    LeanFrameCalls(Libc setUp) {
        super(setUp);
    }

    /** From now on answers the per-frame calls itself, with buffers {@code 0..buffers-1} queued. */
    void takeOver(int buffers) {
        for (int index = 0; index < buffers; index++) {
            queued[(head + count++) % MAX_BUFFERS] = index;
        }
        leading = true;
    }

    @Override
    public int ioctl(int fd, long request, Pointer argument) {
        if (!leading || request != V4l2.VIDIOC_DQBUF && request != V4l2.VIDIOC_QBUF) {
            return delegate.ioctl(fd, request, argument);
        }
        long address = Pointer.nativeValue(argument);
        if (request == V4l2.VIDIOC_QBUF) {
            if (qbufAddress != address) {
                qbufAddress = address;
                qbufView = V4l2Buffer.at(argument);
            }
            queued[(head + count++) % MAX_BUFFERS] = qbufView.index();
            return 0;
        }
        if (dqbufAddress != address) {
            dqbufAddress = address;
            dqbufView = V4l2Buffer.at(argument);
        }
        int index = queued[head];
        head = (head + 1) % MAX_BUFFERS;
        count--;
        dqbufView.index(index);
        dqbufView.bytesUsed(1);
        dqbufView.flags(V4l2.BUF_FLAG_TIMESTAMP_MONOTONIC);
        dqbufView.timestampNanos(System.nanoTime());
        dqbufView.sequence(sequence++);
        return 0;
    }

    @Override
    public int poll(Pointer fds, int count, int timeoutMillis) {
        if (!leading) {
            return delegate.poll(fds, count, timeoutMillis);
        }
        long address = Pointer.nativeValue(fds);
        if (pollAddress != address) {
            pollAddress = address;
            pollView = PollFd.at(fds);
        }
        pollView.revents(this.count > 0 ? Libc.POLLIN : 0);
        return this.count > 0 ? 1 : 0;
    }
}
