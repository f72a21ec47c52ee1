package io.kapture.vivid;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;

import io.kapture.v4l2.Errno;
import io.kapture.v4l2.ErrnoException;
import io.kapture.v4l2.Libc;
import io.kapture.v4l2.LinuxLibc;
import io.kapture.v4l2.V4l2;
import io.kapture.v4l2.V4l2Device;
import io.kapture.v4l2.structs.PollFd;
import io.kapture.v4l2.structs.V4l2Buffer;

/**
 * The Java side of the syscall-cost check: the per-frame calls of an MMAP stream made through kapture-v4l2's
 * public binding exactly as its buffer ring ({@code io.kapture.v4l2.internal.BufferRing}) makes them, each timed
 * with {@link System#nanoTime()} right around the single call. {@code poll} on a reused {@link PollFd} through
 * {@link Libc#poll}; {@code DQBUF} on a reused {@link V4l2Buffer} prepared as the ring prepares it, through
 * {@link V4l2Device#tryIoctl}; {@code QBUF} on another reused one through {@link V4l2Device#ioctl}. The same steps,
 * counts and order as vivid/src/main/c/syscall-cost.c, which is the reference.
 *
 * <p>The timed calls sit in small methods that an untimed warm-up (the same calls on {@code VIDIOC_G_INPUT}) gets
 * compiled first, as a running capture thread's are; the first frames are not recorded either.
 *
 * <p>Threading contract: one instance per run, used by the calling thread only; it opens, maps and releases
 * everything itself (try/finally).
 */
final class JavaSyscallRun {

    private static final int TYPE = V4l2.BUF_TYPE_VIDEO_CAPTURE;
    private static final int POLL_MILLIS = 1000;
    private static final int MAX_IDLE_POLLS = 3;

    private final V4l2Device device;
    private final Libc libc;
    private final V4l2Buffer dqbuf = new V4l2Buffer();
    private final V4l2Buffer qbuf = new V4l2Buffer();
    private final PollFd pollFd = new PollFd();
    private final Memory input = new Memory(Integer.BYTES);
    /** The result of the last timed ioctl or poll. */
    private int result;
    /** Takes every value read back, so the JIT cannot drop the reads, as the C side's volatile sink. */
    private long sink;

    private JavaSyscallRun(V4l2Device device) {
        this.device = device;
        this.libc = device.libc();
    }

    /** Opens {@code path} as Kapture does, runs {@code plan} on it and closes it. */
    static CallTimes measure(String path, SyscallPlan plan) {
        try (V4l2Device device = V4l2Device.open(LinuxLibc.get(), path)) {
            return new JavaSyscallRun(device).run(plan);
        }
    }

    private CallTimes run(SyscallPlan plan) {
        CallTimes times = new CallTimes();
        List<Mapping> mappings = new ArrayList<>();
        boolean requested = false;
        boolean streaming = false;
        try {
            int granted = device.requestBuffers(TYPE, plan.buffers());
            requested = true;
            CheckFailure.require(granted >= 2, "the driver granted " + granted + " buffers of " + plan.buffers());
            for (int index = 0; index < granted; index++) {
                mappings.add(map(index));
                qbuf.prepare(TYPE, V4l2.MEMORY_MMAP, index, null, 1);
                device.ioctl(V4l2.VIDIOC_QBUF, qbuf);
            }
            warmUpAndTimeTheFloor(plan, times);
            device.streamOn(TYPE);
            streaming = true;
            stream(plan, times);
        } finally {
            if (streaming) {
                device.streamOff(TYPE);
            }
            for (Mapping mapping : mappings) {
                libc.munmap(mapping.address(), mapping.length());
            }
            if (requested) {
                device.requestBuffers(TYPE, 0);
            }
        }
        return times;
    }

    /**
     * The untimed warm-up and the floor (clock reads, G_INPUT), with the buffers queued and the stream not yet on.
     * Never before REQBUFS: a poll on a capture node that also offers read() and has no buffers yet starts vb2's
     * read() emulation, which then owns the queue, and REQBUFS fails with EBUSY.
     */
    private void warmUpAndTimeTheFloor(SyscallPlan plan, CallTimes times) {
        for (int i = 0; i < plan.warmup(); i++) {
            sink += timedTryIoctl(V4l2.VIDIOC_G_INPUT, dqbuf) + timedIoctl(V4l2.VIDIOC_G_INPUT, qbuf) + timedPoll()
                    + timedEmptyIoctl() + clockPair();
        }
        long[] clocks = new long[plan.empty()];
        for (int i = 0; i < clocks.length; i++) {
            clocks[i] = clockPair();
        }
        long[] inputs = new long[plan.empty()];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = timedEmptyIoctl();
        }
        times.add("clock", clocks);
        times.add("g_input", inputs);
    }

    /** Waits for each frame, then times poll, DQBUF and QBUF as the C side does; see the class comment. */
    private void stream(SyscallPlan plan, CallTimes times) {
        long[] polls = new long[plan.frames()];
        long[] dqbufs = new long[plan.frames()];
        long[] qbufs = new long[plan.frames()];
        int recorded = 0;
        int seen = 0;
        int idle = 0;
        long started = System.nanoTime();
        long first = 0;
        long last = 0;
        long limit = plan.seconds() * 1_000_000_000L;
        while (recorded < plan.frames() && System.nanoTime() - started < limit) {
            int revents = waitForFrame();
            if ((revents & Libc.POLLIN) == 0) {
                idle = revents == 0 ? idle + 1 : idle;
                CheckFailure.require(idle < MAX_IDLE_POLLS, "no frame from " + device.path() + " for "
                        + MAX_IDLE_POLLS * POLL_MILLIS + " ms");
                continue;
            }
            idle = 0;
            long pollNanos = timedPoll();

            dqbuf.prepare(TYPE, V4l2.MEMORY_MMAP, 0, null, V4l2.VIDEO_MAX_PLANES);
            long dqbufNanos = timedTryIoctl(V4l2.VIDIOC_DQBUF, dqbuf);
            if (result == -Errno.EAGAIN) {
                continue;
            }
            CheckFailure.require(result >= 0, "VIDIOC_DQBUF failed: " + Errno.describe(-result));
            int index = dqbuf.index();
            sink += dqbuf.flags() + dqbuf.timestampNanos() + dqbuf.sequence() + dqbuf.bytesUsed();

            qbuf.prepare(TYPE, V4l2.MEMORY_MMAP, index, null, 1);
            long qbufNanos = timedIoctl(V4l2.VIDIOC_QBUF, qbuf);
            long end = System.nanoTime();
            if (seen++ < plan.skip()) {
                continue;
            }
            first = recorded == 0 ? end : first;
            last = end;
            polls[recorded] = pollNanos;
            dqbufs[recorded] = dqbufNanos;
            qbufs[recorded] = qbufNanos;
            recorded++;
        }
        CheckFailure.require(recorded > 0, "no frame recorded within " + plan.seconds() + " s");
        times.add("poll", Arrays.copyOf(polls, recorded));
        times.add("dqbuf", Arrays.copyOf(dqbufs, recorded));
        times.add("qbuf", Arrays.copyOf(qbufs, recorded));
        times.addStream(recorded, last - first);
    }

    /** The ring's wait: poll with a time-out on the reused pollfd; revents, 0 on time-out or EINTR. */
    private int waitForFrame() {
        pollFd.watch(device.fd(), Libc.POLLIN | Libc.POLLPRI);
        try {
            return libc.poll(pollFd.pointer(), 1, POLL_MILLIS) == 0 ? 0 : pollFd.revents();
        } catch (ErrnoException e) {
            CheckFailure.require(e.errno() == Errno.EINTR, "poll failed: " + Errno.describe(e.errno()));
            return 0;
        }
    }

    private long timedPoll() {
        pollFd.watch(device.fd(), Libc.POLLIN | Libc.POLLPRI);
        long start = System.nanoTime();
        try {
            result = libc.poll(pollFd.pointer(), 1, 0);
        } catch (ErrnoException e) {
            CheckFailure.require(e.errno() == Errno.EINTR, "poll failed: " + Errno.describe(e.errno()));
            result = 0;
        }
        long end = System.nanoTime();
        sink += result == 0 ? 0 : pollFd.revents();
        return end - start;
    }

    /** DQBUF's path: an error is an answer ({@code EAGAIN}), left in {@link #result}. */
    private long timedTryIoctl(long request, V4l2Buffer buffer) {
        long start = System.nanoTime();
        result = device.tryIoctl(request, buffer);
        long end = System.nanoTime();
        return end - start;
    }

    /** QBUF's path: an error throws. */
    private long timedIoctl(long request, V4l2Buffer buffer) {
        long start = System.nanoTime();
        result = device.ioctl(request, buffer);
        long end = System.nanoTime();
        return end - start;
    }

    /** The floor: {@code VIDIOC_G_INPUT}, which copies one int, on a reused argument. */
    private long timedEmptyIoctl() {
        long start = System.nanoTime();
        result = device.ioctl(V4l2.VIDIOC_G_INPUT, input);
        long end = System.nanoTime();
        sink += input.getInt(0);
        return end - start;
    }

    /** Two clock reads back to back: what the timing itself adds to every sample. */
    private static long clockPair() {
        long start = System.nanoTime();
        return System.nanoTime() - start;
    }

    private Mapping map(int index) {
        V4l2Buffer query = new V4l2Buffer();
        query.prepare(TYPE, V4l2.MEMORY_MMAP, index, null, V4l2.VIDEO_MAX_PLANES);
        device.ioctl(V4l2.VIDIOC_QUERYBUF, query);
        long length = Integer.toUnsignedLong(query.length());
        Pointer address = libc.mmap(null, length, Libc.PROT_READ | Libc.PROT_WRITE, Libc.MAP_SHARED, device.fd(),
                Integer.toUnsignedLong(query.offset()));
        return new Mapping(address, length);
    }

    /** A buffer's mmap, to undo. */
    private record Mapping(Pointer address, long length) {
    }
}
