package io.kapture.v4l2.sim;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Arrays;

import com.sun.jna.Pointer;

import io.kapture.v4l2.Errno;
import io.kapture.v4l2.ErrnoException;
import io.kapture.v4l2.Libc;
import io.kapture.v4l2.V4l2;
import io.kapture.v4l2.sim.SimulatedKernel.Handle;
import io.kapture.v4l2.structs.V4l2Buffer;
import io.kapture.v4l2.structs.V4l2ExportBuffer;
import io.kapture.v4l2.structs.V4l2Plane;
import io.kapture.v4l2.structs.V4l2RequestBuffers;

/**
 * The MMAP buffer queue of a simulated camera, with videobuf2's rules: the descriptor that allocates buffers owns
 * the queue ({@code EBUSY} for everyone else until it frees them or closes); {@code QBUF} of a buffer already
 * queued, {@code DQBUF} while not streaming or {@code STREAMON} without buffers is {@code EINVAL}; {@code DQBUF}
 * with nothing done is {@code EAGAIN} (descriptors are non-blocking). Buffers live in the node file, page
 * aligned one after another, and a frame is "captured" into the oldest queued buffer; with no buffer queued the
 * frame is lost and the sequence number skips, as in a driver. A buffer of a multi-plane format is one page-aligned
 * slot per plane, each mapped on its own at its {@code mem_offset}; {@code QBUF}/{@code DQBUF}/{@code QUERYBUF} with
 * fewer plane entries than the format has are {@code EINVAL}, as in videobuf2.
 *
 * <p>Frames are produced on demand ({@link #autoFrames}, the default: whenever a caller polls or dequeues and a
 * buffer is queued) or only by {@link #produce}. Each frame's first eight bytes hold its sequence number; the
 * planes of a multi-plane frame are filled with {@link SimFormats#sample} (after those eight bytes), from each
 * plane's data offset on.
 *
 * <p>Guarded by the owning {@link SimInstance}'s monitor: internal methods run under it, public ones take it.
 */
public final class SimQueue {

    /** {@link #tick}: a frame was captured into a queued buffer. */
    public static final int CAPTURED = 0;
    /** {@link #tick}: the frame was lost, no buffer was queued. */
    public static final int LOST = 1;
    /** {@link #tick}: not streaming, no frame. */
    public static final int IDLE = 2;

    private static final long PAGE = 4096;

    private enum State { USER, QUEUED, DONE }

    private final SimInstance instance;
    private final Libc host;
    private final ArrayDeque<Integer> queued = new ArrayDeque<>();
    private final ArrayDeque<Integer> done = new ArrayDeque<>();
    private Handle owner;
    private State[] states = new State[0];
    private int[] bytesUsed = new int[0];
    private long[] sequences = new long[0];
    private long[] timestamps = new long[0];
    private int[] flags = new int[0];
    private long bufferLength;
    private int[][] planes = new int[0][];
    private long[] slotOffset = new long[0];
    private long[] slotLength = new long[0];
    private Pointer frames;
    private boolean streaming;
    private long sequence;
    private long lost;
    private boolean auto = true;
    private int errorEvery;
    private int truncateEvery;

    SimQueue(SimInstance instance, Libc host) {
        this.instance = instance;
        this.host = host;
    }

    /** Whether frames come whenever asked for (default) or only from {@link #produce}. */
    public void autoFrames(boolean on) {
        synchronized (instance) {
            auto = on;
        }
    }

    /** Flags every {@code n}-th frame with {@code V4L2_BUF_FLAG_ERROR}; 0 for none. */
    public void errorEvery(int n) {
        synchronized (instance) {
            errorEvery = n;
        }
    }

    /**
     * For compressed formats: cuts every {@code n}-th frame short (no end-of-image marker), as a lost USB packet
     * does, without flagging it; 0 for none.
     */
    public void truncateEvery(int n) {
        synchronized (instance) {
            truncateEvery = n;
        }
    }

    /** Captures {@code count} frames now; those finding no queued buffer are lost. */
    public void produce(int count) {
        synchronized (instance) {
            for (int i = 0; i < count; i++) {
                produceOne();
            }
            instance.notifyAll();
        }
    }

    /**
     * One tick of a driver's capture clock: while streaming, captures a frame (lost, with the sequence number
     * skipping, if no buffer is queued), as a driver's capture thread does once per frame period; nothing while not
     * streaming. {@link PacedDriver} calls it at a fixed rate.
     *
     * @return {@link #CAPTURED}, {@link #LOST} (no buffer was queued) or {@link #IDLE} (not streaming)
     */
    public int tick() {
        synchronized (instance) {
            if (!streaming) {
                return IDLE;
            }
            long lostBefore = lost;
            produceOne();
            instance.notifyAll();
            return lost != lostBefore ? LOST : CAPTURED;
        }
    }

    /** Frames lost because no buffer was queued. */
    public long lost() {
        synchronized (instance) {
            return lost;
        }
    }

    /** Buffers queued by the caller and not yet filled. */
    public int queuedCount() {
        synchronized (instance) {
            return queued.size();
        }
    }

    boolean handles(long request) {
        return request == V4l2.VIDIOC_REQBUFS || request == V4l2.VIDIOC_QUERYBUF || request == V4l2.VIDIOC_QBUF
                || request == V4l2.VIDIOC_DQBUF || request == V4l2.VIDIOC_STREAMON
                || request == V4l2.VIDIOC_STREAMOFF || request == V4l2.VIDIOC_EXPBUF;
    }

    void ioctl(Handle handle, long request, Pointer arg) {
        String name = V4l2.ioctlName(request);
        if (request == V4l2.VIDIOC_REQBUFS) {
            request(handle, V4l2RequestBuffers.at(arg));
            return;
        }
        if (owner != null && owner != handle) {
            throw new ErrnoException(name, Errno.EBUSY);
        }
        if (request == V4l2.VIDIOC_QUERYBUF) {
            query(V4l2Buffer.at(arg), name);
        } else if (request == V4l2.VIDIOC_QBUF) {
            enqueue(V4l2Buffer.at(arg), name);
        } else if (request == V4l2.VIDIOC_DQBUF) {
            dequeue(V4l2Buffer.at(arg), name);
        } else if (request == V4l2.VIDIOC_STREAMON) {
            instance.checkType(arg.getInt(0), name);
            if (states.length == 0) {
                throw new ErrnoException(name, Errno.EINVAL);
            }
            if (!streaming) {
                streaming = true;
                sequence = 0;
            }
        } else if (request == V4l2.VIDIOC_STREAMOFF) {
            instance.checkType(arg.getInt(0), name);
            streamOff();
        } else {
            V4l2ExportBuffer export = V4l2ExportBuffer.at(arg);
            instance.checkType(export.type(), name);
            index(export.index(), name);
            if (export.plane() < 0 || export.plane() >= planes.length) {
                throw new ErrnoException(name, Errno.EINVAL);
            }
            export.fd(instance.kernel().export(handle.fd()));
        }
    }

    private void request(Handle handle, V4l2RequestBuffers request) {
        instance.checkType(request.type(), "VIDIOC_REQBUFS");
        if (request.memory() != V4l2.MEMORY_MMAP) {
            throw new ErrnoException("VIDIOC_REQBUFS", Errno.EINVAL);
        }
        if (owner != null && owner != handle || streaming) {
            throw new ErrnoException("VIDIOC_REQBUFS", Errno.EBUSY);
        }
        free();
        if (request.count() == 0) {
            return;
        }
        int count = Math.max(2, Math.min(8, request.count()));
        planes = instance.planes();
        slotOffset = new long[planes.length];
        slotLength = new long[planes.length];
        bufferLength = 0;
        for (int plane = 0; plane < planes.length; plane++) {
            slotOffset[plane] = bufferLength;
            slotLength[plane] = (planes[plane][2] + planes[plane][1] + PAGE - 1) / PAGE * PAGE;
            bufferLength += slotLength[plane];
        }
        try (RandomAccessFile file = new RandomAccessFile("/proc/self/fd/" + handle.fd(), "rw")) {
            file.setLength(count * bufferLength);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        frames = host.mmap(null, count * bufferLength, Libc.PROT_READ | Libc.PROT_WRITE, Libc.MAP_SHARED,
                handle.fd(), 0);
        owner = handle;
        states = new State[count];
        Arrays.fill(states, State.USER);
        bytesUsed = new int[count];
        sequences = new long[count];
        timestamps = new long[count];
        flags = new int[count];
        request.count(count);
    }

    private void query(V4l2Buffer buffer, String name) {
        instance.checkType(buffer.type(), name);
        int index = index(buffer.index(), name);
        describe(buffer, index, name);
    }

    private void enqueue(V4l2Buffer buffer, String name) {
        instance.checkType(buffer.type(), name);
        int index = index(buffer.index(), name);
        if (buffer.memory() != V4l2.MEMORY_MMAP || states[index] != State.USER) {
            throw new ErrnoException(name, Errno.EINVAL);
        }
        checkPlaneArray(buffer, name);
        states[index] = State.QUEUED;
        queued.add(index);
        instance.notifyAll();
    }

    private void dequeue(V4l2Buffer buffer, String name) {
        instance.checkType(buffer.type(), name);
        if (!streaming) {
            throw new ErrnoException(name, Errno.EINVAL);
        }
        checkPlaneArray(buffer, name);
        if (done.isEmpty() && auto && !queued.isEmpty()) {
            produceOne();
        }
        Integer index = done.poll();
        if (index == null) {
            throw new ErrnoException(name, Errno.EAGAIN);
        }
        states[index] = State.USER;
        describe(buffer, index, name);
    }

    private void checkPlaneArray(V4l2Buffer buffer, String name) {
        if (instance.camera().multiPlanar() && (buffer.length() < planes.length || buffer.planes() == null)) {
            throw new ErrnoException(name, Errno.EINVAL);
        }
    }

    private void describe(V4l2Buffer buffer, int index, String name) {
        boolean multiPlanar = instance.camera().multiPlanar();
        checkPlaneArray(buffer, name);
        buffer.index(index);
        buffer.bytesUsed(multiPlanar ? 0 : bytesUsed[index]);
        buffer.flags(flags[index] | V4l2.BUF_FLAG_MAPPED | (states[index] == State.QUEUED ? V4l2.BUF_FLAG_QUEUED
                : states[index] == State.DONE ? V4l2.BUF_FLAG_DONE : 0));
        buffer.field(V4l2.FIELD_NONE);
        buffer.sequence(sequences[index]);
        buffer.timestampNanos(timestamps[index]);
        if (multiPlanar) {
            V4l2Plane entries = V4l2Plane.at(buffer.planes(), planes.length);
            for (int plane = 0; plane < planes.length; plane++) {
                boolean single = planes.length == 1;
                entries.bytesUsed(plane, single ? bytesUsed[index]
                        : bytesUsed[index] == 0 ? 0 : planes[plane][2] + planes[plane][1]);
                entries.dataOffset(plane, single ? 0 : planes[plane][2]);
                entries.length(plane, (int) slotLength[plane]);
                entries.memOffset(plane, (int) (index * bufferLength + slotOffset[plane]));
            }
            buffer.length(planes.length);
        } else {
            buffer.offset((int) (index * bufferLength));
            buffer.length((int) bufferLength);
        }
    }

    private int index(int index, String name) {
        if (index < 0 || index >= states.length) {
            throw new ErrnoException(name, Errno.EINVAL);
        }
        return index;
    }

    private void produceOne() {
        long number = sequence++;
        Integer index = queued.poll();
        if (index == null) {
            lost++;
            return;
        }
        int size = planes[0][1];
        bytesUsed[index] = instance.compressed() ? size / 3 : size;
        if (planes.length > 1) {
            writeSamples(index, number);
        }
        sequences[index] = number;
        timestamps[index] = System.nanoTime();
        flags[index] = V4l2.BUF_FLAG_TIMESTAMP_MONOTONIC
                | (errorEvery > 0 && number % errorEvery == errorEvery - 1 ? V4l2.BUF_FLAG_ERROR : 0);
        if (instance.compressed() && instance.h264()) {
            writeAccessUnit(index * bufferLength, bytesUsed[index], number,
                    truncateEvery > 0 && number % truncateEvery == truncateEvery - 1);
        } else if (instance.compressed()) {
            // a frame of a JPEG's shape: start marker, the sequence number, end marker after the data, zero padding
            long start = index * bufferLength;
            boolean truncated = truncateEvery > 0 && number % truncateEvery == truncateEvery - 1;
            frames.setByte(start, (byte) 0xFF);
            frames.setByte(start + 1, (byte) 0xD8);
            frames.setLong(start + 2, number);
            frames.setByte(start + bytesUsed[index] - 4, (byte) 0xFF);
            frames.setByte(start + bytesUsed[index] - 3, truncated ? (byte) 0x12 : (byte) 0xD9);
            frames.setShort(start + bytesUsed[index] - 2, (short) 0);
        } else {
            frames.setLong(index * bufferLength, number);
        }
        states[index] = State.DONE;
        done.add(index);
    }

    /**
     * A frame of an H.264 access unit's shape: start code, SPS, start code, an IDR slice carrying the sequence number,
     * zero padding; cut short, only the SPS arrived (no slice).
     */
    private void writeAccessUnit(long start, int used, long number, boolean truncated) {
        frames.setMemory(start, used, (byte) 0);
        frames.setInt(start, Integer.reverseBytes(1));
        frames.setByte(start + 4, (byte) 0x67);
        frames.setByte(start + 5, (byte) 0x42);
        if (!truncated) {
            frames.setInt(start + 8, Integer.reverseBytes(1));
            frames.setByte(start + 12, (byte) 0x65);
            frames.setLong(start + 13, number | 0x0101010101010101L);
        }
    }

    /** Fills every plane of a multi-plane frame with {@link SimFormats#sample}, padding included. */
    private void writeSamples(int index, long number) {
        for (int plane = 0; plane < planes.length; plane++) {
            int stride = planes[plane][0];
            int lines = planes[plane][1] / stride;
            long start = index * bufferLength + slotOffset[plane] + planes[plane][2];
            byte[] line = new byte[stride];
            for (int row = 0; row < lines; row++) {
                for (int column = 0; column < stride; column++) {
                    line[column] = SimFormats.sample(plane, row, column, number);
                }
                frames.write(start + (long) row * stride, line, 0, stride);
            }
        }
    }

    boolean readyOrProduce() {
        if (done.isEmpty() && auto && !queued.isEmpty()) {
            produceOne();
        }
        return !done.isEmpty();
    }

    boolean streaming(Handle handle) {
        return streaming && owner == handle;
    }

    boolean hasBuffers() {
        return states.length > 0;
    }

    /** A mapping must be one plane of one buffer: start at its {@code mem_offset}, not exceed its length. */
    void checkMappable(long offset, long length) {
        if (states.length > 0 && offset / bufferLength < states.length) {
            for (int plane = 0; plane < planes.length; plane++) {
                if (offset % bufferLength == slotOffset[plane] && length <= slotLength[plane]) {
                    return;
                }
            }
        }
        throw new ErrnoException("mmap", Errno.EINVAL);
    }

    /** Planes of each buffer of the current queue. */
    int planeCount() {
        return planes.length;
    }

    void release(Handle handle) {
        if (owner == handle) {
            streamOff();
            free();
        }
    }

    private void streamOff() {
        streaming = false;
        Arrays.fill(states, State.USER);
        queued.clear();
        done.clear();
        instance.notifyAll();
    }

    private void free() {
        if (frames != null) {
            host.munmap(frames, states.length * bufferLength);
            frames = null;
        }
        owner = null;
        states = new State[0];
        queued.clear();
        done.clear();
    }
}
