package io.kapture.v4l2.internal.m2m;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.kapture.api.CaptureException;
import io.kapture.api.Frame;
import io.kapture.api.FrameFormat;
import io.kapture.api.PixelFormat;
import io.kapture.api.encoder.AccessUnitSink;
import io.kapture.api.encoder.EncoderSettings;
import io.kapture.api.encoder.H264Parameters;
import io.kapture.api.encoder.VideoEncoder;
import io.kapture.v4l2.Errno;
import io.kapture.v4l2.Libc;
import io.kapture.v4l2.V4l2;
import io.kapture.v4l2.V4l2Device;
import io.kapture.v4l2.structs.V4l2Control;
import io.kapture.v4l2.structs.V4l2EncoderCmd;
import io.kapture.v4l2.structs.V4l2Event;

/**
 * An encoder session on a V4L2 memory-to-memory encoder, speaking the kernel's stateful encoder interface: coded
 * format on CAPTURE, raw format on OUTPUT, frame interval, the {@code V4L2_CID_MPEG_VIDEO_*} controls
 * ({@link EncoderControls}), MMAP buffers on both queues ({@link M2mQueue}), both queues streaming. Each
 * {@link #encode} writes the frame into a free OUTPUT buffer (copied or converted, {@link RawFrameWriter}), queues
 * it with a timestamp that finds the frame again ({@link TimestampBook}), waits at most one frame interval (100 ms
 * at most) for coded data and hands every coded buffer that is ready to the sink ({@link CodedUnits}); what the
 * driver codes later goes out with a later call. {@link #drain} sends {@code V4L2_ENC_CMD_STOP} and takes coded
 * buffers until the one flagged {@code V4L2_BUF_FLAG_LAST} (and the {@code V4L2_EVENT_EOS} event); {@link #close}
 * drains if that was not done, then stops both queues, unmaps every buffer, frees them and closes the node, on
 * every path, also after a failure or when opening failed midway.
 *
 * <p>A {@code V4L2_EVENT_SOURCE_CHANGE} from the driver (the coded size changed under the session) ends the
 * session: {@link #encode} throws {@link IllegalStateException} saying so, and the caller opens a new one.
 *
 * <p>Threading contract as {@link VideoEncoder}: one thread at a time; {@link #parameters()} from any thread.
 */
public final class M2mEncoder implements VideoEncoder {

    private static final Logger LOG = LoggerFactory.getLogger(M2mEncoder.class);
    private static final int CAPTURE_BUFFERS = 4;
    private static final int OUTPUT_BUFFERS = 4;
    private static final int BUFFER_WAIT_MILLIS = 2_000;
    private static final int DRAIN_WAIT_MILLIS = 5_000;
    private static final String NO_FORCED_KEYFRAME = "keyframe on request (V4L2_CID_MPEG_VIDEO_FORCE_KEY_FRAME): "
            + "no such control; clients wait for the next regular keyframe";

    private final M2mEncoderNode node;
    private final FrameFormat input;
    private final AccessUnitSink sink;
    private final V4l2Device device;
    private final M2mQueue output;
    private final M2mQueue capture;
    private final M2mPoller poller;
    private final EncoderControls controls;
    private final CodedUnits units;
    private final TimestampBook book = new TimestampBook();
    private final V4l2Event event = new V4l2Event();
    private final List<String> unapplied = new ArrayList<>();
    private RawFrameWriter writer;
    private EncoderSettings settings;
    private boolean eosSubscribed;
    private boolean eosSeen;
    private boolean lastSeen;
    private String failure;
    private DrainResult drained;
    private boolean closed;
    private long framesIn;
    private long unitsOut;
    private long keyframesOut;
    private long errorBuffers;

    private M2mEncoder(M2mEncoderNode node, FrameFormat input, EncoderSettings settings, AccessUnitSink sink,
            V4l2Device device) {
        this.node = node;
        this.input = input;
        this.settings = settings;
        this.sink = sink;
        this.device = device;
        this.output = new M2mQueue(device, node.outputType(), "OUTPUT");
        this.capture = new M2mQueue(device, node.captureType(), "CAPTURE");
        this.poller = new M2mPoller(device);
        this.controls = new EncoderControls(device, node.codedFourcc() == V4l2.PIX_FMT_H264);
        this.units = new CodedUnits(node.codedFourcc());
    }

    /**
     * Opens a session for frames of {@code input}, fed as {@code rawFourcc} ({@link EncoderFormats#rawFormatFor}).
     *
     * @throws IllegalArgumentException if the driver does not take the format or size
     * @throws IllegalStateException    if the device failed; everything opened so far is released
     */
    public static M2mEncoder open(Libc libc, M2mEncoderNode node, FrameFormat input, int rawFourcc,
            EncoderSettings settings, AccessUnitSink sink) {
        V4l2Device device;
        try {
            device = V4l2Device.open(libc, node.path());
        } catch (CaptureException e) {
            throw new IllegalStateException("cannot open the encoder " + node + ": " + e.getMessage(), e);
        }
        M2mEncoder encoder = new M2mEncoder(node, input, settings, sink, device);
        try {
            encoder.start(rawFourcc);
            return encoder;
        } catch (CaptureException e) {
            encoder.release();
            throw new IllegalStateException("cannot start the encoder " + node + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            encoder.release();
            throw e;
        }
    }

    /** Opens a session with the raw format {@link EncoderFormats#rawFormatFor} picks. */
    public static M2mEncoder open(Libc libc, M2mEncoderNode node, FrameFormat input, EncoderSettings settings,
            AccessUnitSink sink) {
        int raw = EncoderFormats.rawFormatFor(node, input);
        if (raw < 0) {
            throw new IllegalArgumentException(node + " takes none of the raw formats Kapture can feed it "
                    + input.pixelFormat() + " frames as");
        }
        return open(libc, node, input, raw, settings, sink);
    }

    private void start(int rawFourcc) {
        eosSubscribed = subscribe(V4l2.EVENT_EOS);
        subscribe(V4l2.EVENT_SOURCE_CHANGE);
        EncoderFormats.setCoded(device, node, input);
        writer = new RawFrameWriter(input, EncoderFormats.setRaw(device, node, input, rawFourcc));
        String rate = EncoderFormats.setFrameRate(device, node, settings.frameRate());
        if (rate != null) {
            unapplied.add(rate);
        }
        controls.applyAll(settings);
        unapplied.addAll(controls.unapplied());
        if (!unapplied.isEmpty()) {
            LOG.warn("{}: settings the driver does not apply: {}", node, String.join("; ", unapplied));
        }
        capture.allocate(CAPTURE_BUFFERS);
        output.allocate(Math.max(OUTPUT_BUFFERS, minimumBuffers(V4l2.CID_MIN_BUFFERS_FOR_OUTPUT) + 1));
        for (int index = 0; index < capture.bufferCount(); index++) {
            capture.queueEmpty(index);
        }
        capture.streamOn();
        output.streamOn();
        LOG.info("{} encoding {} frames as {} ({})", node, input, PixelFormat.fourccString(rawFourcc),
                writer.converting() ? "converted by kapture-convert" : "copied");
    }

    @Override
    public void encode(Frame frame) {
        FrameFormat format = frame.format();
        if (format.width() != input.width() || format.height() != input.height()
                || format.pixelFormat() != input.pixelFormat()) {
            throw new IllegalArgumentException("this encoder was opened for " + input + " frames, camera "
                    + frame.camera() + " delivered " + format);
        }
        checkUsable();
        try {
            int index = freeOutputBuffer();
            ByteBuffer[] planes = new ByteBuffer[output.planeCount(index)];
            for (int plane = 0; plane < planes.length; plane++) {
                planes[plane] = output.plane(index, plane);
            }
            int[] used = writer.write(frame, planes);
            output.queue(index, used, book.add(frame.sequence(), frame.timestampNanos()));
            framesIn++;
            poller.await(Libc.POLLIN | Libc.POLLPRI, (int) Math.min(100, Math.ceil(1000 / settings.frameRate())));
            collect();
        } catch (CaptureException e) {
            failure = e.getMessage();
            throw new IllegalStateException(node + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Sends {@code V4L2_ENC_CMD_STOP} and hands out every coded buffer until the one flagged LAST (and the EOS
     * event, where subscribed), for at most 5 s; afterwards the session encodes nothing more. Idempotent.
     */
    public DrainResult drain() {
        if (drained != null) {
            return drained;
        }
        checkUsable();
        long started = System.nanoTime();
        long before = unitsOut;
        V4l2EncoderCmd stop = new V4l2EncoderCmd();
        stop.command(V4l2.ENC_CMD_STOP);
        int result = device.tryIoctl(V4l2.VIDIOC_ENCODER_CMD, stop);
        long deadline = started + DRAIN_WAIT_MILLIS * 1_000_000L;
        if (result < 0) {
            LOG.warn("{} refused V4L2_ENC_CMD_STOP ({}); waiting for the frames queued to come out instead", node,
                    Errno.describe(-result));
        }
        while (System.nanoTime() < deadline && !drainedEnough(result >= 0)) {
            poller.await(Libc.POLLIN | Libc.POLLPRI, 50);
            collect();
        }
        drained = new DrainResult(lastSeen, eosSeen, (int) (unitsOut - before), System.nanoTime() - started);
        if (!lastSeen) {
            LOG.warn("{}: no buffer flagged LAST within {} ms of the stop command; {} frame(s) not coded", node,
                    DRAIN_WAIT_MILLIS, book.pending());
        }
        return drained;
    }

    private boolean drainedEnough(boolean stopSent) {
        if (!stopSent) {
            return book.pending() == 0;
        }
        return lastSeen && (eosSeen || !eosSubscribed);
    }

    @Override
    public boolean reconfigure(EncoderSettings wanted) {
        checkUsable();
        if (wanted.profile() != settings.profile()) {
            return false;
        }
        boolean taken = controls.applyLive(settings, wanted);
        if (wanted.frameRate() != settings.frameRate()) {
            EncoderFormats.setFrameRate(device, node, wanted.frameRate());
        }
        settings = wanted;
        return taken;
    }

    @Override
    public void requestKeyframe() {
        checkUsable();
        if (!controls.forceKeyframe() && !unapplied.contains(NO_FORCED_KEYFRAME)) {
            unapplied.add(NO_FORCED_KEYFRAME);
            LOG.warn("{}: {}", node, NO_FORCED_KEYFRAME);
        }
    }

    @Override
    public Optional<H264Parameters> parameters() {
        return units.parameters();
    }

    /** Drains unless done or failed, then releases every buffer, mapping and the descriptor; idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        try {
            if (drained == null && failure == null) {
                drain();
            }
        } catch (RuntimeException e) {
            LOG.warn("{}: draining at close failed: {}", node, e.getMessage());
        } finally {
            release();
        }
    }

    /** The settings this driver lacks or refused, in words; empty if every one took effect. */
    public List<String> unappliedSettings() {
        return List.copyOf(unapplied);
    }

    /** Whether frames are converted by kapture-convert (true) or copied as they are. */
    public boolean converting() {
        return writer != null && writer.converting();
    }

    /** The counts so far. */
    public EncoderCounts counts() {
        return new EncoderCounts(framesIn, unitsOut, keyframesOut, errorBuffers, book.unmatched());
    }

    private void release() {
        closed = true;
        try {
            output.close();
            capture.close();
        } finally {
            device.close();
        }
    }

    private int freeOutputBuffer() {
        collect();
        int index = output.takeFree();
        long deadline = System.nanoTime() + BUFFER_WAIT_MILLIS * 1_000_000L;
        while (index < 0) {
            if (System.nanoTime() >= deadline) {
                throw new IllegalStateException(node + " returned no OUTPUT buffer within " + BUFFER_WAIT_MILLIS
                        + " ms: the encoder stalled; close it and open a new one");
            }
            poller.await(Libc.POLLOUT | Libc.POLLIN | Libc.POLLPRI, 50);
            collect();
            index = output.takeFree();
        }
        return index;
    }

    /** Takes back finished OUTPUT buffers, hands out every coded buffer that is ready, reads pending events. */
    private void collect() {
        readEvents();
        for (M2mQueue.Dequeued done = output.dequeue(); done != null && done != M2mQueue.END;
                done = output.dequeue()) {
            output.giveBack(done.index());
        }
        for (M2mQueue.Dequeued coded = capture.dequeue(); coded != null; coded = capture.dequeue()) {
            if (coded == M2mQueue.END) {
                lastSeen = true;
                break;
            }
            emit(coded);
            if ((coded.flags() & V4l2.BUF_FLAG_LAST) != 0) {
                lastSeen = true;
                break;
            }
            capture.queueEmpty(coded.index());
        }
        readEvents();
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
    }

    private void emit(M2mQueue.Dequeued coded) {
        if ((coded.flags() & V4l2.BUF_FLAG_ERROR) != 0) {
            errorBuffers++;
        }
        if (coded.bytesUsed() == 0) {
            return;
        }
        ByteBuffer data = capture.plane(coded.index(), 0).limit(coded.bytesUsed());
        TimestampBook.Entry frame = book.take(coded.timestampNanos());
        long sequence = frame == null ? -1 : frame.sequence();
        long timestamp = frame == null ? coded.timestampNanos() : frame.timestampNanos();
        units.unit(data, sequence, timestamp, (coded.flags() & V4l2.BUF_FLAG_KEYFRAME) != 0).ifPresent(unit -> {
            unitsOut++;
            if (unit.keyframe()) {
                keyframesOut++;
            }
            sink.accept(unit);
        });
    }

    private void readEvents() {
        while (device.dequeueEvent(event)) {
            if (event.type() == V4l2.EVENT_EOS) {
                eosSeen = true;
            } else if (event.type() == V4l2.EVENT_SOURCE_CHANGE) {
                failure = node + " reported a source change (its coded size or format changed while encoding); "
                        + "close this encoder and open a new one";
            }
        }
    }

    private boolean subscribe(int type) {
        try {
            device.subscribe(type);
            return true;
        } catch (CaptureException e) {
            LOG.debug("{}: no {} events: {}", node, type == V4l2.EVENT_EOS ? "EOS" : "source change", e.getMessage());
            return false;
        }
    }

    private int minimumBuffers(int id) {
        V4l2Control control = new V4l2Control();
        control.id(id);
        return device.tryIoctl(V4l2.VIDIOC_G_CTRL, control) < 0 ? 0 : control.value();
    }

    private void checkUsable() {
        if (closed) {
            throw new IllegalStateException("this encoder of " + node + " is closed");
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
        if (drained != null) {
            throw new IllegalStateException("this encoder of " + node + " was drained (stopped); open a new one");
        }
    }
}
