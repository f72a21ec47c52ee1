package io.kapture.v4l2.internal.m2m;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;

import io.kapture.v4l2.Errno;
import io.kapture.v4l2.ErrnoException;
import io.kapture.v4l2.Libc;
import io.kapture.v4l2.V4l2;
import io.kapture.v4l2.structs.PollFd;
import io.kapture.v4l2.structs.V4l2Buffer;
import io.kapture.v4l2.structs.V4l2Capability;
import io.kapture.v4l2.structs.V4l2Control;
import io.kapture.v4l2.structs.V4l2EncoderCmd;
import io.kapture.v4l2.structs.V4l2Event;
import io.kapture.v4l2.structs.V4l2FmtDesc;
import io.kapture.v4l2.structs.V4l2Format;
import io.kapture.v4l2.structs.V4l2Plane;
import io.kapture.v4l2.structs.V4l2QueryCtrl;
import io.kapture.v4l2.structs.V4l2RequestBuffers;

/**
 * A fake of a stateful memory-to-memory H.264 encoder behind {@link Libc}, as the kernel's encoder interface
 * describes it and bcm2835-codec behaves: multi-planar (or single-planar) queues, H.264 on CAPTURE, NV12M /
 * YUV420M (or NV12) on OUTPUT with the width aligned to 32 and the height to 16, GOP and bitrate controls (no
 * H.264 profile control, so that a missing one can be seen reported), timestamps copied from OUTPUT to CAPTURE,
 * {@code V4L2_ENC_CMD_STOP} answered with an empty buffer flagged LAST and an EOS event, then {@code EPIPE}.
 * Each "encoded" frame is an Annex B access unit: SPS, PPS and an IDR slice every GOP frames (the driver is told
 * to repeat its headers), else one non-IDR slice; the slice carries the first bytes of each raw plane so tests
 * can see what was written. mmap hands out native memory and counts what is mapped; descriptors are counted too.
 *
 * <p>Not thread-safe: the encoder under test is confined to one thread.
 */
final class FakeM2mEncoder implements Libc {

    static final int FD = 42;
    static final byte[] SPS = { 0x67, 0x42, (byte) 0xc0, 0x1f, 0x01 };
    static final byte[] PPS = { 0x68, (byte) 0xce, 0x3c, (byte) 0x80 };

    private final boolean multiPlanar;
    private final Map<Integer, Integer> controls = new HashMap<>();
    private final Map<Long, Memory> memoryByOffset = new HashMap<>();
    private final Set<Long> mapped = new HashSet<>();
    private final Deque<Integer> outputQueued = new ArrayDeque<>();
    private final Deque<Integer> captureQueued = new ArrayDeque<>();
    private final Deque<long[]> outputDone = new ArrayDeque<>();
    private final Deque<long[]> captureDone = new ArrayDeque<>();
    private final Deque<Integer> events = new ArrayDeque<>();
    private final Map<Integer, Long> outputTimestamps = new HashMap<>();
    final List<byte[][]> rawSeen = new ArrayList<>();
    int openDescriptors;
    int width;
    int height;
    int rawFourcc;
    int outputCount;
    int captureCount;
    int framesCoded;
    boolean stopped;
    boolean lastSent;
    int failReqbufsOf = -1;

    FakeM2mEncoder(boolean multiPlanar) {
        this.multiPlanar = multiPlanar;
        controls.put(V4l2.CID_MPEG_VIDEO_GOP_SIZE, 60);
        controls.put(V4l2.CID_MPEG_VIDEO_BITRATE, 10_000_000);
        controls.put(V4l2.CID_MPEG_VIDEO_FORCE_KEY_FRAME, 0);
    }

    int mappings() {
        return mapped.size();
    }

    int control(int id) {
        return controls.get(id);
    }

    /** Queues a source-change event, as a driver does when its coded size changed. */
    void sourceChange() {
        events.add(V4l2.EVENT_SOURCE_CHANGE);
    }

    private int outputType() {
        return multiPlanar ? V4l2.BUF_TYPE_VIDEO_OUTPUT_MPLANE : V4l2.BUF_TYPE_VIDEO_OUTPUT;
    }

    private int planes() {
        return rawFourcc == V4l2.PIX_FMT_YUV420M ? 3 : rawFourcc == V4l2.PIX_FMT_NV12M ? 2 : 1;
    }

    private int stride() {
        return (width + 31) / 32 * 32;
    }

    private int alignedHeight() {
        return (height + 15) / 16 * 16;
    }

    @Override
    public int open(String path, int flags) {
        openDescriptors++;
        return FD;
    }

    @Override
    public void close(int fd) {
        openDescriptors--;
    }

    @Override
    public Pointer mmap(Pointer address, long length, int protection, int flags, int fd, long offset) {
        Memory memory = memoryByOffset.get(offset);
        if (memory == null || memory.size() != length) {
            throw new ErrnoException("mmap", Errno.EINVAL);
        }
        mapped.add(offset);
        return memory;
    }

    @Override
    public void munmap(Pointer address, long length) {
        mapped.removeIf(offset -> Pointer.nativeValue(memoryByOffset.get(offset)) == Pointer.nativeValue(address));
    }

    @Override
    public int poll(Pointer fds, int count, int timeoutMillis) {
        PollFd poll = PollFd.at(fds);
        int ready = (captureDone.isEmpty() && !lastSent ? 0 : Libc.POLLIN)
                | (outputDone.isEmpty() ? 0 : Libc.POLLOUT) | (events.isEmpty() ? 0 : Libc.POLLPRI);
        poll.revents(ready & poll.events());
        return poll.revents() == 0 ? 0 : 1;
    }

    @Override
    public int ioctl(int fd, long request, Pointer argument) {
        if (request == V4l2.VIDIOC_QUERYCAP) {
            V4l2Capability capability = V4l2Capability.at(argument);
            capability.driver("fake-codec");
            capability.card("fake H.264 encoder");
            int caps = (multiPlanar ? V4l2.CAP_VIDEO_M2M_MPLANE : V4l2.CAP_VIDEO_M2M) | V4l2.CAP_STREAMING;
            capability.capabilities(caps | V4l2.CAP_DEVICE_CAPS);
            capability.deviceCaps(caps);
        } else if (request == V4l2.VIDIOC_SUBSCRIBE_EVENT || request == V4l2.VIDIOC_S_PARM) {
            return 0;
        } else if (request == V4l2.VIDIOC_ENUM_FMT) {
            enumerate(V4l2FmtDesc.at(argument));
        } else if (request == V4l2.VIDIOC_S_FMT) {
            setFormat(V4l2Format.at(argument));
        } else if (request == V4l2.VIDIOC_QUERYCTRL) {
            V4l2QueryCtrl query = V4l2QueryCtrl.at(argument);
            if (!controls.containsKey(query.id())) {
                throw new ErrnoException("ioctl", Errno.EINVAL);
            }
            query.describe(V4l2.CTRL_TYPE_INTEGER, "control", 0, 25_000_000, 1, 0, 0);
        } else if (request == V4l2.VIDIOC_S_CTRL) {
            V4l2Control control = V4l2Control.at(argument);
            controls.put(control.id(), control.value());
        } else if (request == V4l2.VIDIOC_G_CTRL) {
            throw new ErrnoException("ioctl", Errno.EINVAL);
        } else if (request == V4l2.VIDIOC_REQBUFS) {
            requestBuffers(V4l2RequestBuffers.at(argument));
        } else if (request == V4l2.VIDIOC_QUERYBUF) {
            queryBuffer(V4l2Buffer.at(argument));
        } else if (request == V4l2.VIDIOC_QBUF) {
            queue(V4l2Buffer.at(argument));
        } else if (request == V4l2.VIDIOC_DQBUF) {
            dequeue(V4l2Buffer.at(argument));
        } else if (request == V4l2.VIDIOC_STREAMON || request == V4l2.VIDIOC_STREAMOFF) {
            if (request == V4l2.VIDIOC_STREAMOFF) {
                outputQueued.clear();
                captureQueued.clear();
            }
            return 0;
        } else if (request == V4l2.VIDIOC_ENCODER_CMD) {
            stopped = V4l2EncoderCmd.at(argument).cmd() == V4l2.ENC_CMD_STOP;
            finishDrain();
        } else if (request == V4l2.VIDIOC_DQEVENT) {
            Integer type = events.poll();
            if (type == null) {
                throw new ErrnoException("ioctl", Errno.ENOENT);
            }
            V4l2Event.at(argument).type(type);
        } else {
            throw new ErrnoException("ioctl", Errno.ENOTTY);
        }
        return 0;
    }

    private void enumerate(V4l2FmtDesc description) {
        boolean capture = description.type() == V4l2.BUF_TYPE_VIDEO_CAPTURE
                || description.type() == V4l2.BUF_TYPE_VIDEO_CAPTURE_MPLANE;
        int[] formats = capture ? new int[] { V4l2.PIX_FMT_H264 } : multiPlanar
                ? new int[] { V4l2.PIX_FMT_NV12M, V4l2.PIX_FMT_YUV420M } : new int[] { V4l2.PIX_FMT_NV12 };
        if (description.index() >= formats.length) {
            throw new ErrnoException("ioctl", Errno.EINVAL);
        }
        description.pixelFormat(formats[description.index()]);
        description.flags(capture ? V4l2.FMT_FLAG_COMPRESSED : 0);
    }

    private void setFormat(V4l2Format format) {
        if (format.type() == outputType()) {
            width = format.width();
            height = format.height();
            rawFourcc = format.pixelFormat();
            format.width(stride());
            format.height(alignedHeight());
            if (multiPlanar) {
                format.numPlanes(planes());
                for (int plane = 0; plane < planes(); plane++) {
                    int planeStride = plane == 0 || rawFourcc == V4l2.PIX_FMT_NV12M ? stride() : stride() / 2;
                    int rows = plane == 0 ? alignedHeight() : alignedHeight() / 2;
                    format.plane(plane, planeStride, planeStride * rows);
                }
            } else {
                format.pix(stride(), stride() * alignedHeight() * 3 / 2);
            }
        } else {
            format.pixelFormat(V4l2.PIX_FMT_H264);
            if (multiPlanar) {
                format.plane(0, 0, 512 * 1024);
            } else {
                format.pix(0, 512 * 1024);
            }
        }
    }

    private boolean isOutput(int type) {
        return type == outputType();
    }

    private void requestBuffers(V4l2RequestBuffers request) {
        boolean output = isOutput(request.type());
        if ((output ? 1 : 0) == failReqbufsOf && request.count() > 0) {
            throw new ErrnoException("ioctl", Errno.ENOMEM);
        }
        if (output) {
            outputCount = request.count();
        } else {
            captureCount = request.count();
        }
        for (int index = 0; index < request.count(); index++) {
            for (int plane = 0; plane < (output ? planes() : 1); plane++) {
                long offset = offset(output, index, plane);
                if (!memoryByOffset.containsKey(offset)) {
                    Memory memory = new Memory(planeLength(output, plane));
                    memory.clear(); // malloc'd: zeroed as the kernel's buffers are, so padding can be checked
                    memoryByOffset.put(offset, memory);
                }
            }
        }
    }

    private int planeLength(boolean output, int plane) {
        if (!output) {
            return 512 * 1024;
        }
        if (!multiPlanar) {
            return stride() * alignedHeight() * 3 / 2;
        }
        int planeStride = plane == 0 || rawFourcc == V4l2.PIX_FMT_NV12M ? stride() : stride() / 2;
        return planeStride * (plane == 0 ? alignedHeight() : alignedHeight() / 2);
    }

    private static long offset(boolean output, int index, int plane) {
        return (output ? 0x100000L : 0x200000L) + index * 0x1000L + plane * 0x100L;
    }

    private void queryBuffer(V4l2Buffer buffer) {
        boolean output = isOutput(buffer.type());
        int planeCount = output ? planes() : 1;
        if (multiPlanar) {
            V4l2Plane planes = V4l2Plane.at(buffer.planes(), planeCount);
            for (int plane = 0; plane < planeCount; plane++) {
                planes.length(plane, planeLength(output, plane));
                planes.memOffset(plane, (int) offset(output, buffer.index(), plane));
            }
            buffer.length(planeCount);
        } else {
            buffer.length(planeLength(output, 0));
            buffer.offset((int) offset(output, buffer.index(), 0));
        }
    }

    private void queue(V4l2Buffer buffer) {
        if (isOutput(buffer.type())) {
            outputTimestamps.put(buffer.index(), buffer.timestampNanos());
            outputQueued.add(buffer.index());
        } else {
            captureQueued.add(buffer.index());
        }
        encodeWhatCan();
    }

    private void encodeWhatCan() {
        while (!outputQueued.isEmpty() && !captureQueued.isEmpty()) {
            int raw = outputQueued.poll();
            int coded = captureQueued.poll();
            byte[][] planes = new byte[planes()][];
            for (int plane = 0; plane < planes.length; plane++) {
                planes[plane] = memoryByOffset.get(offset(true, raw, plane)).getByteArray(0, planeLength(true, plane));
            }
            rawSeen.add(planes);
            boolean key = framesCoded % control(V4l2.CID_MPEG_VIDEO_GOP_SIZE) == 0
                    || control(V4l2.CID_MPEG_VIDEO_FORCE_KEY_FRAME) != 0;
            controls.put(V4l2.CID_MPEG_VIDEO_FORCE_KEY_FRAME, 0);
            byte[] unit = key ? concat(SPS, PPS, new byte[] { 0x65, (byte) 0x88, planes[0][0] })
                    : new byte[] { 0x00, 0x00, 0x01, 0x41, (byte) 0x9a, planes[0][0] };
            Memory memory = memoryByOffset.get(offset(false, coded, 0));
            memory.write(0, unit, 0, unit.length);
            framesCoded++;
            long timestamp = outputTimestamps.get(raw);
            outputDone.add(new long[] { raw, 0, 0, timestamp });
            captureDone.add(new long[] { coded, unit.length, key ? V4l2.BUF_FLAG_KEYFRAME : 0, timestamp });
        }
        finishDrain();
    }

    /** After STOP, once every raw frame is coded: an empty CAPTURE buffer flagged LAST, and the EOS event. */
    private void finishDrain() {
        if (stopped && outputQueued.isEmpty() && !captureQueued.isEmpty() && !lastSent) {
            captureDone.add(new long[] { captureQueued.poll(), 0, V4l2.BUF_FLAG_LAST, 0 });
            events.add(V4l2.EVENT_EOS);
            lastSent = true;
        }
    }

    private static byte[] concat(byte[] sps, byte[] pps, byte[] slice) {
        byte[] unit = new byte[4 + sps.length + 4 + pps.length + 4 + slice.length];
        int at = 0;
        for (byte[] nal : new byte[][] { sps, pps, slice }) {
            unit[at + 3] = 1;
            System.arraycopy(nal, 0, unit, at + 4, nal.length);
            at += 4 + nal.length;
        }
        return unit;
    }

    private void dequeue(V4l2Buffer buffer) {
        Deque<long[]> done = isOutput(buffer.type()) ? outputDone : captureDone;
        long[] entry = done.poll();
        if (entry == null) {
            throw new ErrnoException("ioctl", !isOutput(buffer.type()) && lastSent ? Errno.EPIPE : Errno.EAGAIN);
        }
        buffer.index((int) entry[0]);
        buffer.flags((int) entry[2]);
        buffer.timestampNanos(entry[3]);
        if (multiPlanar) {
            V4l2Plane.at(buffer.planes(), 1).bytesUsed(0, (int) entry[1]);
        } else {
            buffer.bytesUsed((int) entry[1]);
        }
    }
}
