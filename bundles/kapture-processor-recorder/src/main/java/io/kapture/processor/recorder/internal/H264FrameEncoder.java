package io.kapture.processor.recorder.internal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.kapture.api.Frame;
import io.kapture.api.FrameFormat;
import io.kapture.api.encoder.AccessUnit;
import io.kapture.api.encoder.EncoderChoice;
import io.kapture.api.encoder.EncoderSettings;
import io.kapture.api.encoder.VideoEncoder;

/**
 * A recorder's H.264: frames go to the best-ranked {@code VideoEncoderFactory} service that accepts the camera's
 * format (or pass through, from a camera that delivers H.264), chosen by {@link EncoderChoice} as the RTSP server
 * chooses; each access unit becomes one length-prefixed MP4 sample ({@link AvcSamples}). The encoder is opened on
 * the first frame, opened anew when the frame format changes, and after a failure tried again when the set of
 * encoder services changes or {@value #RETRY_SECONDS} s later; until then every frame is refused with the reason
 * (no encoder installed, none takes this format, the library is missing), which the recorder shows as its last
 * error.
 *
 * <p>Threading contract: {@link #encode} on the delivery thread; the encoder is used and closed under this
 * object's monitor, so {@link #close} (from the thread that deactivates the recorder) never frees it while it
 * encodes. {@link #requestKeyframe} only sets a flag the next {@link #encode} reads.
 */
final class H264FrameEncoder implements FrameEncoder {

    static final int RETRY_SECONDS = 10;

    private static final Logger LOG = LoggerFactory.getLogger(H264FrameEncoder.class);

    private final String camera;
    private final Supplier<EncoderChoice> encoders;
    private final EncoderSettings settings;
    private final AtomicBoolean keyframeWanted = new AtomicBoolean();

    // guarded by this
    private VideoEncoder encoder;
    private FrameFormat encoderFormat;
    private String failure;
    private EncoderChoice failedChoice;
    private FrameFormat failedFormat;
    private long retryAtNanos;
    private boolean closed;
    private final List<EncodedFrame> produced = new ArrayList<>();
    private Frame current;

    H264FrameEncoder(String camera, Supplier<EncoderChoice> encoders, EncoderSettings settings) {
        this.camera = camera;
        this.encoders = encoders;
        this.settings = settings;
    }

    @Override
    public synchronized List<EncodedFrame> encode(Frame frame) {
        if (closed) {
            return List.of();
        }
        openFor(frame.format());
        if (keyframeWanted.getAndSet(false)) {
            encoder.requestKeyframe();
        }
        current = frame;
        try {
            encoder.encode(frame);
        } catch (RuntimeException e) {
            closeEncoder();
            failedChoice = encoders.get();
            fail("encoding frame " + frame.sequence() + " failed: " + e.getMessage(), frame.format());
            throw new IllegalStateException(failure, e);
        } finally {
            current = null;
        }
        // an asynchronous encoder's units that came between calls are handed on with this frame's
        List<EncodedFrame> out = produced.isEmpty() ? List.of() : List.copyOf(produced);
        produced.clear();
        return out;
    }

    @Override
    public void requestKeyframe() {
        keyframeWanted.set(true);
    }

    @Override
    public synchronized void close() {
        closed = true;
        closeEncoder();
    }

    /** Opens the encoder for this format if there is none (or it was for another format). */
    private void openFor(FrameFormat format) {
        if (encoder != null && format.equals(encoderFormat)) {
            return;
        }
        if (encoder != null) {
            LOG.info("Camera {} now delivers {} (was {}); opening a new H.264 encoder", camera, format, encoderFormat);
            closeEncoder();
        }
        EncoderChoice choice = encoders.get();
        if (failure != null && choice == failedChoice && format.equals(failedFormat)
                && System.nanoTime() - retryAtNanos < 0) {
            throw new IllegalStateException(failure);
        }
        try {
            encoder = choice.open(format, settings, this::accept);
            encoderFormat = format;
            keyframeWanted.set(false);
            if (failure != null) {
                LOG.info("Camera {}: H.264 encoding for the recording works again", camera);
                failure = null;
            }
        } catch (RuntimeException e) {
            failedChoice = choice;
            fail(e.getMessage(), format);
            throw new IllegalStateException(failure, e);
        }
    }

    /** An access unit, on the thread inside {@link VideoEncoder#encode} (or the encoder's own). */
    private void accept(AccessUnit unit) {
        Frame source = current;
        long wallClock = source == null ? System.currentTimeMillis() : source.wallClockMillis()
                - TimeUnit.NANOSECONDS.toMillis(source.timestampNanos() - unit.timestampNanos());
        FrameFormat format = encoderFormat == null ? source.format() : encoderFormat;
        synchronized (this) {
            produced.add(new EncodedFrame(ByteBuffer.wrap(AvcSamples.of(unit.nalUnits())).asReadOnlyBuffer(),
                    unit.timestampNanos(), wallClock, unit.sequence(), format.width(), format.height(),
                    unit.keyframe()));
        }
    }

    private void fail(String problem, FrameFormat format) {
        String reason = "H.264 encoding: " + problem;
        if (!reason.equals(failure)) {
            LOG.warn("Camera {}: no H.264 for the recording: {}; trying again when an encoder service changes, or"
                    + " in {} s", camera, problem, RETRY_SECONDS);
        }
        failure = reason;
        failedFormat = format;
        retryAtNanos = System.nanoTime() + TimeUnit.SECONDS.toNanos(RETRY_SECONDS);
    }

    private void closeEncoder() {
        if (encoder != null) {
            try {
                encoder.close();
            } finally {
                encoder = null;
                encoderFormat = null;
            }
        }
    }
}
