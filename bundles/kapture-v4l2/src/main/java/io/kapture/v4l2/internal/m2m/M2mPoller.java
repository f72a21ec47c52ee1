package io.kapture.v4l2.internal.m2m;

import io.kapture.v4l2.ErrnoException;
import io.kapture.v4l2.V4l2Device;
import io.kapture.v4l2.structs.PollFd;

/**
 * Waits on an M2M node with {@code poll}: {@code POLLIN} when a CAPTURE buffer is done, {@code POLLOUT} when an
 * OUTPUT buffer came back, {@code POLLPRI} when an event is pending. The node is non-blocking, so the wait is only
 * to save spinning; every caller checks the queues itself afterwards.
 *
 * <p>Threading: confined to the encoder's caller thread; its struct is reused.
 */
final class M2mPoller {

    private final V4l2Device device;
    private final PollFd pollFd = new PollFd();

    M2mPoller(V4l2Device device) {
        this.device = device;
    }

    /** Waits up to {@code millis} for one of {@code events}; returns the events seen (0 on time-out). */
    int await(int events, int millis) {
        pollFd.watch(device.fd(), events);
        try {
            return device.libc().poll(pollFd.pointer(), 1, millis) > 0 ? pollFd.revents() : 0;
        } catch (ErrnoException e) {
            return 0;
        }
    }
}
