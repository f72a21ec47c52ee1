package io.kapture.encoder.openh264.internal;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;

import io.kapture.api.Frame;
import io.kapture.api.FrameFormat;
import io.kapture.api.PixelFormat;
import io.kapture.api.encoder.AccessUnit;
import io.kapture.api.encoder.AccessUnitSink;
import io.kapture.api.encoder.EncoderSettings;
import io.kapture.api.encoder.H264Parameters;
import io.kapture.api.encoder.ParameterSetTracker;
import io.kapture.api.encoder.VideoEncoder;
import io.kapture.convert.PixelConversion;

/**
 * An OpenH264 encoder for frames of one format: each frame is converted to I420 in a native buffer owned here (the
 * one copy per frame; OpenH264 reads only I420; MJPEG is decoded first), encoded, and its NAL units handed to the sink, keyframes with their
 * SPS and PPS in front. Bitrate, keyframe interval and frame rate change live through {@code SetOption}; a profile
 * change needs a new encoder ({@link #reconfigure} says false).
 *
 * <p>Threading contract as {@link VideoEncoder}: one thread at a time; {@link #parameters()} from any thread.
 * {@link #close()} frees the encoder and all native buffers, and is idempotent.
 */
final class OpenH264Encoder implements VideoEncoder {

    /** {@code videoFormatI420}. */
    private static final int COLOR_I420 = 23;
    private static final int OPTION_IDR_INTERVAL = 1;
    private static final int OPTION_FRAME_RATE = 4;
    private static final int OPTION_BITRATE = 5;
    private static final int OPTION_TRACE_LEVEL = 25;
    /** {@code WELS_LOG_QUIET}: the library would print to the process's stderr; its result codes say enough. */
    private static final int TRACE_QUIET = 0;
    /** {@code SPATIAL_LAYER_ALL}, for {@code SBitrateInfo.iLayer}. */
    private static final int ALL_LAYERS = 4;
    /** {@code sizeof(SSourcePicture)} and its offsets. */
    private static final int PICTURE_SIZE = 72;
    private static final int PICTURE_STRIDES = 4;
    private static final int PICTURE_PLANES = 24;
    private static final int PICTURE_WIDTH = 56;
    private static final int PICTURE_HEIGHT = 60;
    private static final int PICTURE_TIMESTAMP = 64;

    private final FrameFormat input;
    private final AccessUnitSink sink;
    private final NativeEncoder encoder;
    private final Memory picture = new Memory(PICTURE_SIZE);
    private final Memory option = new Memory(8);
    private final Memory i420;
    private final ByteBuffer i420View;
    private final EncodedLayers layers = new EncodedLayers();
    private final ParameterSetTracker parameterSets = new ParameterSetTracker();
    /** MJPEG frames decoded, reused from frame to frame; null for raw formats. */
    private final byte[] decodedRgb;
    private EncoderSettings settings;
    private long firstTimestampNanos = Long.MIN_VALUE;
    private boolean closed;

    /**
     * Opens an encoder; on any failure everything allocated so far is released.
     *
     * @throws IllegalArgumentException if OpenH264 refuses the size or settings
     */
    OpenH264Encoder(FrameFormat input, EncoderSettings settings, AccessUnitSink sink) {
        this.input = input;
        this.sink = sink;
        this.settings = settings;
        this.decodedRgb = input.pixelFormat() == PixelFormat.MJPEG ? new byte[PixelConversion.rgbSize(input)] : null;
        int size = PixelConversion.i420Size(input);
        this.i420 = new Memory(size);
        this.i420View = i420.getByteBuffer(0, size);
        NativeEncoder created = null;
        try (EncoderParams params = new EncoderParams()) {
            created = NativeEncoder.create();
            option.setInt(0, TRACE_QUIET);
            created.setOption(OPTION_TRACE_LEVEL, option);
            created.defaults(params);
            params.apply(input.width(), input.height(), settings);
            created.initialize(params);
        } catch (RuntimeException e) {
            if (created != null) {
                created.close();
            }
            freeBuffers();
            throw e;
        }
        this.encoder = created;
        describePicture();
    }

    @Override
    public void encode(Frame frame) {
        FrameFormat format = frame.format();
        if (format.width() != input.width() || format.height() != input.height()
                || format.pixelFormat() != input.pixelFormat()) {
            throw new IllegalArgumentException("this encoder was opened for " + input + " frames, camera "
                    + frame.camera() + " delivered " + format);
        }
        checkOpen();
        toI420(frame);
        if (firstTimestampNanos == Long.MIN_VALUE) {
            firstTimestampNanos = frame.timestampNanos();
        }
        // milliseconds from the first frame: the rate control estimates the input frame rate from them
        picture.setLong(PICTURE_TIMESTAMP, (frame.timestampNanos() - firstTimestampNanos) / 1_000_000);
        int result = encoder.encode(picture, layers.pointer());
        if (result != NativeEncoder.SUCCESS) {
            throw new IllegalStateException("OpenH264 failed to encode frame " + frame.sequence() + " of camera "
                    + frame.camera() + " (EncodeFrame returned " + result + ")");
        }
        int type = layers.frameType();
        if (type == EncodedLayers.TYPE_SKIP || layers.frameSize() == 0) {
            return;
        }
        List<byte[]> nals = layers.nalUnits();
        if (nals.isEmpty()) {
            return;
        }
        boolean keyframe = type == EncodedLayers.TYPE_IDR;
        sink.accept(new AccessUnit(frame.sequence(), frame.timestampNanos(), keyframe,
                parameterSets.complete(nals, keyframe)));
    }

    @Override
    public boolean reconfigure(EncoderSettings wanted) {
        checkOpen();
        if (wanted.profile() != settings.profile()) {
            return false;
        }
        if (wanted.keyframeInterval() != settings.keyframeInterval()) {
            option.setInt(0, wanted.keyframeInterval());
            if (encoder.setOption(OPTION_IDR_INTERVAL, option) != NativeEncoder.SUCCESS) {
                return false;
            }
        }
        if (wanted.bitrate() != settings.bitrate()) {
            option.setInt(0, ALL_LAYERS);
            option.setInt(4, wanted.bitrate());
            if (encoder.setOption(OPTION_BITRATE, option) != NativeEncoder.SUCCESS) {
                return false;
            }
        }
        if (EncoderParams.clampedFps(wanted.frameRate()) != EncoderParams.clampedFps(settings.frameRate())) {
            option.setFloat(0, EncoderParams.clampedFps(wanted.frameRate()));
            if (encoder.setOption(OPTION_FRAME_RATE, option) != NativeEncoder.SUCCESS) {
                return false;
            }
        }
        settings = wanted;
        return true;
    }

    @Override
    public void requestKeyframe() {
        checkOpen();
        encoder.forceIdr();
    }

    @Override
    public Optional<H264Parameters> parameters() {
        return parameterSets.parameters();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            encoder.close();
        } finally {
            freeBuffers();
        }
    }

    /** The settings in effect. */
    EncoderSettings settings() {
        return settings;
    }

    /** The frame as I420 in the native buffer; MJPEG is decoded to RGB first (the one format needing two steps). */
    private void toI420(Frame frame) {
        if (decodedRgb == null) {
            PixelConversion.toI420(frame.data(), frame.format(), i420View);
            return;
        }
        PixelConversion.toRgb(frame, decodedRgb);
        PixelConversion.toI420(ByteBuffer.wrap(decodedRgb), FrameFormat.of(input.width(), input.height(),
                PixelFormat.RGB24), i420View);
    }

    private void describePicture() {
        int width = input.width();
        int height = input.height();
        int chromaWidth = (width + 1) / 2;
        long base = Pointer.nativeValue(i420);
        long cb = base + (long) width * height;
        long cr = cb + (long) chromaWidth * ((height + 1) / 2);
        picture.clear();
        picture.setInt(0, COLOR_I420);
        picture.setInt(PICTURE_STRIDES, width);
        picture.setInt(PICTURE_STRIDES + 4, chromaWidth);
        picture.setInt(PICTURE_STRIDES + 8, chromaWidth);
        picture.setLong(PICTURE_PLANES, base);
        picture.setLong(PICTURE_PLANES + 8, cb);
        picture.setLong(PICTURE_PLANES + 16, cr);
        picture.setInt(PICTURE_WIDTH, width);
        picture.setInt(PICTURE_HEIGHT, height);
    }

    private void freeBuffers() {
        layers.close();
        picture.close();
        option.close();
        i420.close();
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("this OpenH264 encoder is closed");
        }
    }
}
