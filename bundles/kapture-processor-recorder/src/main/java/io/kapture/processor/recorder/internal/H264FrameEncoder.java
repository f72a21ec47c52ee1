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
 * <p>The encoder is told the rate frames actually come at, measured from their capture times by a
 * {@link FrameRateMeter} (its rate control spreads the bit budget over it: told 30 fps, an encoder fed 10 fps
 * spends a third of the bitrate). It opens with the rate of the frames so far (the configured
 * {@code EncoderSettings} rate before the second frame) and is reconfigured, or opened anew if it cannot change
 * live, whenever the measured rate moves more than {@value #RATE_TOLERANCE_PERCENT}% away from what it was told.
 *
 * <p>Threading contract: {@link #encode} on the delivery thread; the encoder is used and closed under this
 * object's monitor, so {@link #close} (from the thread that deactivates the recorder) never frees it while it
 * encodes. {@link #requestKeyframe} only sets a flag the next {@link #encode} reads.
 */
final class H264FrameEncoder implements FrameEncoder {

    static final int RETRY_SECONDS = 10;
    static final int RATE_TOLERANCE_PERCENT = 10;

    private static final Logger LOG = LoggerFactory.getLogger(H264FrameEncoder.class);

    private final String camera;
    private final Supplier<EncoderChoice> encoders;
    private final EncoderSettings settings;
    private final AtomicBoolean keyframeWanted = new AtomicBoolean();
    private final FrameRateMeter rate = new FrameRateMeter();

    // guarded by this
    private VideoEncoder encoder;
    private FrameFormat encoderFormat;
    /** The frame rate the open encoder was told. */
    private double encoderFps;
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
        rate.add(frame.timestampNanos());
        openFor(frame.format());
        followRate(frame.format());
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
            double fps = rate.fps().orElse(settings.frameRate());
            encoder = choice.open(format, settings.withFrameRate(fps), this::accept);
            encoderFormat = format;
            encoderFps = fps;
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

    /** Tells the open encoder the measured frame rate once it differs by more than the tolerance. */
    private void followRate(FrameFormat format) {
        double fps = rate.fps().orElse(encoderFps);
        if (Math.abs(fps - encoderFps) * 100 <= RATE_TOLERANCE_PERCENT * encoderFps) {
            return;
        }
        String told = String.format("%.2f", encoderFps);
        if (encoder.reconfigure(settings.withFrameRate(fps))) {
            encoderFps = fps;
            LOG.info("Camera {}: the recording's H.264 encoder, told {} fps, now told {} (the rate frames come at)",
                    camera, told, String.format("%.2f", fps));
            return;
        }
        if (rate.frames() < FrameRateMeter.WINDOW) {
            // opening anew costs a keyframe (and a new file if the SPS differs): only on a full measurement
            return;
        }
        LOG.info("Camera {}: the recording's H.264 encoder, told {} fps, is opened anew for {} (the rate frames come"
                + " at)", camera, told, String.format("%.2f", fps));
        closeEncoder();
        openFor(format);
    }

    /** The frame rate the encoder was last told (tests). */
    synchronized double encoderFps() {
        return encoderFps;
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
