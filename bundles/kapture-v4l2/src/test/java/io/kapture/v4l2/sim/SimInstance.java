package io.kapture.v4l2.sim;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import com.sun.jna.Pointer;

import io.kapture.api.PixelFormat;
import io.kapture.v4l2.Errno;
import io.kapture.v4l2.ErrnoException;
import io.kapture.v4l2.Libc;
import io.kapture.v4l2.V4l2;
import io.kapture.v4l2.sim.SimCamera.SimFormat;
import io.kapture.v4l2.sim.SimulatedKernel.Handle;
import io.kapture.v4l2.structs.V4l2Capability;
import io.kapture.v4l2.structs.V4l2Event;
import io.kapture.v4l2.structs.V4l2EventSubscription;
import io.kapture.v4l2.structs.V4l2FmtDesc;
import io.kapture.v4l2.structs.V4l2Format;
import io.kapture.v4l2.structs.V4l2FrmIvalEnum;
import io.kapture.v4l2.structs.V4l2FrmSizeEnum;
import io.kapture.v4l2.structs.V4l2Input;
import io.kapture.v4l2.structs.V4l2StreamParm;

/**
 * One plug-in of a simulated camera: the driver state a real driver keeps between open and unplug. Interprets
 * the format, rate, input and event ioctls itself and hands buffer ioctls to its {@link SimQueue} and control
 * ioctls to its {@link SimControls}. Errors follow the V4L2 specification: {@code EINVAL} for a wrong buffer
 * type, index or sequence, {@code EBUSY} for a format change while buffers exist or any queue ioctl from a
 * descriptor that does not own the queue, {@code ENODEV} on everything once unplugged.
 *
 * <p>Thread-safe: every method synchronises on this instance; {@link #poll} waits on its monitor.
 */
public final class SimInstance {

    private final SimulatedKernel kernel;
    private final SimCamera camera;
    private final SimQueue queue;
    private final SimControls controls;
    private final Map<Handle, Deque<long[]>> pendingEvents = new HashMap<>();
    private final Map<Handle, Set<Integer>> subscriptions = new HashMap<>();
    private boolean gone;
    private int fourcc;
    private int width;
    private int height;
    private int fpsNow;

    SimInstance(SimulatedKernel kernel, SimDevice device) {
        this.kernel = kernel;
        this.camera = device.camera();
        this.queue = new SimQueue(this, kernel.host());
        this.controls = new SimControls(camera.controls());
        if (!camera.formats().isEmpty()) {
            SimFormat first = camera.formats().get(0);
            int[] size = first.sizes().isEmpty() ? new int[] {640, 480} : first.sizes().get(0);
            this.fourcc = first.fourcc();
            this.width = size[0];
            this.height = size[1];
            this.fpsNow = first.fps().get(0);
        }
    }

    /** The buffer queue, for tests that drive frames by hand. */
    public SimQueue queue() {
        return queue;
    }

    /** Raises a source-change event (resolution) for every descriptor subscribed to it. */
    public void sourceChange() {
        raise(V4l2.EVENT_SOURCE_CHANGE);
    }

    /** Raises an end-of-stream event for every descriptor subscribed to it. */
    public void endOfStream() {
        raise(V4l2.EVENT_EOS);
    }

    private synchronized void raise(int type) {
        subscriptions.forEach((handle, types) -> {
            if (types.contains(type)) {
                pendingEvents.computeIfAbsent(handle, h -> new ArrayDeque<>()).add(new long[] {type, System.nanoTime()});
            }
        });
        notifyAll();
    }

    synchronized void unplug() {
        gone = true;
        notifyAll();
    }

    synchronized boolean gone() {
        return gone;
    }

    SimCamera camera() {
        return camera;
    }

    synchronized void release(Handle handle) {
        subscriptions.remove(handle);
        pendingEvents.remove(handle);
        queue.release(handle);
    }

    synchronized void checkMappable(long offset, long length) {
        if (gone) {
            throw new ErrnoException("mmap", Errno.ENODEV);
        }
        queue.checkMappable(offset, length);
    }

    synchronized int ioctl(Handle handle, long request, Pointer arg) {
        String name = V4l2.ioctlName(request);
        if (gone) {
            throw new ErrnoException(name, Errno.ENODEV);
        }
        if (request == V4l2.VIDIOC_QUERYCAP) {
            queryCap(V4l2Capability.at(arg));
        } else if (request == V4l2.VIDIOC_ENUM_FMT) {
            enumFormat(V4l2FmtDesc.at(arg));
        } else if (request == V4l2.VIDIOC_ENUM_FRAMESIZES) {
            enumSizes(V4l2FrmSizeEnum.at(arg));
        } else if (request == V4l2.VIDIOC_ENUM_FRAMEINTERVALS) {
            enumIntervals(V4l2FrmIvalEnum.at(arg));
        } else if (request == V4l2.VIDIOC_G_FMT) {
            checkType(V4l2Format.at(arg).type(), name);
            fill(V4l2Format.at(arg), fourcc, width, height);
        } else if (request == V4l2.VIDIOC_S_FMT || request == V4l2.VIDIOC_TRY_FMT) {
            setFormat(handle, V4l2Format.at(arg), request == V4l2.VIDIOC_S_FMT);
        } else if (request == V4l2.VIDIOC_G_PARM || request == V4l2.VIDIOC_S_PARM) {
            parm(V4l2StreamParm.at(arg), request == V4l2.VIDIOC_S_PARM);
        } else if (request == V4l2.VIDIOC_ENUMINPUT) {
            enumInput(V4l2Input.at(arg));
        } else if (request == V4l2.VIDIOC_G_INPUT) {
            arg.setInt(0, 0);
        } else if (request == V4l2.VIDIOC_S_INPUT) {
            if (arg.getInt(0) != 0) {
                throw new ErrnoException(name, Errno.EINVAL);
            }
        } else if (request == V4l2.VIDIOC_SUBSCRIBE_EVENT) {
            subscribe(handle, V4l2EventSubscription.at(arg));
        } else if (request == V4l2.VIDIOC_DQEVENT) {
            dequeueEvent(handle, V4l2Event.at(arg));
        } else if (controls.handles(request)) {
            controls.ioctl(request, arg);
        } else if (queue.handles(request)) {
            queue.ioctl(handle, request, arg);
        } else {
            throw new ErrnoException(name, Errno.ENOTTY);
        }
        return 0;
    }

    /**
     * Waits for a filled buffer or an event, as the driver's poll does.
     *
     * @return revents, 0 on time-out
     */
    synchronized int poll(Handle handle, int events, int timeoutMillis) {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (true) {
            if (gone) {
                return Libc.POLLERR | Libc.POLLHUP;
            }
            Deque<long[]> pending = pendingEvents.get(handle);
            int revents = pending != null && !pending.isEmpty() ? Libc.POLLPRI & events : 0;
            if (!queue.streaming(handle)) {
                return revents | Libc.POLLERR;
            }
            if (queue.readyOrProduce()) {
                revents |= Libc.POLLIN & events;
            }
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (revents != 0 || left <= 0) {
                return revents;
            }
            try {
                wait(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ErrnoException("poll", Errno.EINTR);
            }
        }
    }

    private void queryCap(V4l2Capability cap) {
        cap.clear();
        cap.driver(camera.driver());
        cap.card(camera.card());
        cap.busInfo(camera.bus());
        cap.version(0x060800);
        cap.deviceCaps(camera.deviceCaps());
        cap.capabilities(camera.deviceCaps() | V4l2.CAP_DEVICE_CAPS | V4l2.CAP_META_CAPTURE);
    }

    private void enumFormat(V4l2FmtDesc desc) {
        checkType(desc.type(), "VIDIOC_ENUM_FMT");
        int index = desc.index();
        if (index < 0 || index >= camera.formats().size()) {
            throw new ErrnoException("VIDIOC_ENUM_FMT", Errno.EINVAL);
        }
        SimFormat format = camera.formats().get(index);
        desc.flags(format.compressed() ? V4l2.FMT_FLAG_COMPRESSED : 0);
        desc.description(PixelFormat.fourccString(format.fourcc()).trim() + " (simulated)");
        desc.pixelFormat(format.fourcc());
    }

    private void enumSizes(V4l2FrmSizeEnum sizes) {
        SimFormat format = format(sizes.pixelFormat(), "VIDIOC_ENUM_FRAMESIZES");
        int index = sizes.index();
        if (format.stepwise() != null && index == 0) {
            int[] r = format.stepwise();
            sizes.type(V4l2.FRMSIZE_TYPE_STEPWISE);
            sizes.stepwise(r[0], r[1], r[2], r[3], r[4], r[5]);
        } else if (format.stepwise() == null && index >= 0 && index < format.sizes().size()) {
            sizes.type(V4l2.FRMSIZE_TYPE_DISCRETE);
            sizes.discrete(format.sizes().get(index)[0], format.sizes().get(index)[1]);
        } else {
            throw new ErrnoException("VIDIOC_ENUM_FRAMESIZES", Errno.EINVAL);
        }
    }

    private void enumIntervals(V4l2FrmIvalEnum intervals) {
        SimFormat format = format(intervals.pixelFormat(), "VIDIOC_ENUM_FRAMEINTERVALS");
        int index = intervals.index();
        if (index < 0 || index >= format.fps().size()) {
            throw new ErrnoException("VIDIOC_ENUM_FRAMEINTERVALS", Errno.EINVAL);
        }
        intervals.type(V4l2.FRMIVAL_TYPE_DISCRETE);
        intervals.discrete(1, format.fps().get(index));
    }

    private void setFormat(Handle handle, V4l2Format fmt, boolean set) {
        String name = set ? "VIDIOC_S_FMT" : "VIDIOC_TRY_FMT";
        checkType(fmt.type(), name);
        if (set && queue.hasBuffers()) {
            throw new ErrnoException(name, Errno.EBUSY);
        }
        SimFormat format = camera.formats().stream().filter(f -> f.fourcc() == fmt.pixelFormat()).findFirst()
                .orElse(camera.formats().get(0));
        int[] size = SimFormats.closest(format, fmt.width(), fmt.height());
        fill(fmt, format.fourcc(), size[0], size[1]);
        if (set) {
            fourcc = format.fourcc();
            width = size[0];
            height = size[1];
            if (!format.fps().contains(fpsNow)) {
                fpsNow = format.fps().get(0);
            }
        }
    }

    private void fill(V4l2Format fmt, int code, int w, int h) {
        int type = fmt.type();
        fmt.clear();
        fmt.type(type);
        fmt.width(w);
        fmt.height(h);
        fmt.pixelFormat(code);
        fmt.field(V4l2.FIELD_NONE);
        int[][] planes = SimFormats.planes(code, w, h);
        if (fmt.isMultiPlanar()) {
            fmt.numPlanes(planes.length);
            for (int plane = 0; plane < planes.length; plane++) {
                fmt.plane(plane, planes[plane][0], planes[plane][1]);
            }
        } else {
            fmt.pix(planes[0][0], planes[0][1]);
        }
    }

    /** The planes of the current format as {@link SimFormats#planes} gives them, for the queue's buffers. */
    synchronized int[][] planes() {
        return SimFormats.planes(fourcc, width, height);
    }

    /** Whether the current format is H.264 (frames of an access unit's shape rather than a JPEG's). */
    synchronized boolean h264() {
        return fourcc == PixelFormat.H264.fourcc();
    }

    synchronized boolean compressed() {
        return camera.formats().stream().anyMatch(f -> f.fourcc() == fourcc && f.compressed());
    }

    private void parm(V4l2StreamParm parm, boolean set) {
        checkType(parm.type(), set ? "VIDIOC_S_PARM" : "VIDIOC_G_PARM");
        SimFormat format = format(fourcc, "VIDIOC_G_PARM");
        if (set && parm.numerator() > 0 && parm.denominator() > 0) {
            double wanted = (double) parm.denominator() / parm.numerator();
            fpsNow = format.fps().stream().min((a, b) -> Double.compare(Math.abs(a - wanted), Math.abs(b - wanted)))
                    .orElseThrow();
        }
        int type = parm.type();
        parm.clear();
        parm.type(type);
        parm.capability(V4l2.CAP_TIMEPERFRAME);
        parm.timePerFrame(1, fpsNow);
    }

    private void enumInput(V4l2Input input) {
        if (input.index() != 0) {
            throw new ErrnoException("VIDIOC_ENUMINPUT", Errno.EINVAL);
        }
        input.name("Camera 1");
        input.type(V4l2.INPUT_TYPE_CAMERA);
        input.status(0);
    }

    private void subscribe(Handle handle, V4l2EventSubscription subscription) {
        int type = subscription.type();
        if (type != V4l2.EVENT_SOURCE_CHANGE && type != V4l2.EVENT_EOS) {
            throw new ErrnoException("VIDIOC_SUBSCRIBE_EVENT", Errno.EINVAL);
        }
        subscriptions.computeIfAbsent(handle, h -> new HashSet<>()).add(type);
    }

    private void dequeueEvent(Handle handle, V4l2Event event) {
        Deque<long[]> pending = pendingEvents.get(handle);
        if (pending == null || pending.isEmpty()) {
            throw new ErrnoException("VIDIOC_DQEVENT", Errno.ENOENT);
        }
        long[] raised = pending.remove();
        int type = (int) raised[0];
        event.clear();
        event.type(type);
        if (type == V4l2.EVENT_SOURCE_CHANGE) {
            event.sourceChanges(V4l2.EVENT_SRC_CH_RESOLUTION);
        }
        event.pending(pending.size());
        event.timestampNanos(raised[1]);
    }

    private SimFormat format(int code, String name) {
        return camera.formats().stream().filter(f -> f.fourcc() == code).findFirst()
                .orElseThrow(() -> new ErrnoException(name, Errno.EINVAL));
    }

    void checkType(int type, String name) {
        if (type == 0 || type != camera.bufferType()) {
            throw new ErrnoException(name, Errno.EINVAL);
        }
    }

    SimulatedKernel kernel() {
        return kernel;
    }
}
