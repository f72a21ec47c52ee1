package io.kapture.processor.recorder.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.LongUnaryOperator;

import io.kapture.api.FrameFormat;
import io.kapture.api.PixelFormat;
import io.kapture.api.encoder.EncoderRanking;
import io.kapture.api.encoder.EncoderSettings;
import io.kapture.api.encoder.H264Profile;
import io.kapture.api.encoder.VideoEncoderFactory;
import io.kapture.encoder.openh264.internal.OpenH264EncoderFactory;
import io.kapture.testing.SyntheticFeed;
import io.kapture.testing.TestFrame;

/**
 * Real H.264 for the writer's tests: the synthetic camera's frames encoded by the real OpenH264 (Debian
 * libopenh264-7) through {@link H264FrameEncoder}, as the recorder encodes them.
 *
 * <p>Stateless; each call encodes its own frames.
 */
final class H264Frames {

    static final int WIDTH = 320;
    static final int HEIGHT = 240;

    private H264Frames() {
    }

    /** The encoder services a recorder under test is bound to: the real OpenH264 only. */
    static EncoderRanking openh264() {
        EncoderRanking ranking = new EncoderRanking();
        ranking.add(new OpenH264EncoderFactory(),
                Map.of(VideoEncoderFactory.CODEC, VideoEncoderFactory.H264));
        return ranking;
    }

    /** {@code count} frames 1/30 s apart, a keyframe every {@code keyframeInterval}. */
    static List<EncodedFrame> encode(int count, int keyframeInterval) {
        return encode(count, keyframeInterval, n -> n * SyntheticFeed.FRAME_NANOS);
    }

    /** {@code count} frames captured at {@code timestamps.applyAsLong(n)} nanoseconds, n from 0. */
    static List<EncodedFrame> encode(int count, int keyframeInterval, LongUnaryOperator timestamps) {
        EncoderSettings settings = new EncoderSettings(1_000_000, keyframeInterval, H264Profile.BASELINE, 30);
        List<EncodedFrame> encoded = new ArrayList<>();
        try (SyntheticFeed feed = SyntheticFeed.timeline("cam0", "bars+box", WIDTH, HEIGHT, PixelFormat.YUYV);
                H264FrameEncoder encoder = new H264FrameEncoder("cam0", openh264()::choice, settings)) {
            for (int n = 0; n < count; n++) {
                TestFrame taken = feed.next();
                TestFrame frame = taken.toBuilder().timestampNanos(timestamps.applyAsLong(n)).build();
                try {
                    encoded.addAll(encoder.encode(frame));
                } finally {
                    frame.release();
                    taken.release();
                }
            }
        }
        if (encoded.size() != count) {
            throw new AssertionError("OpenH264 gave " + encoded.size() + " access units for " + count + " frames");
        }
        return encoded;
    }

    /**
     * {@code count} frames 1/30 s apart of fresh blocky noise ({@link #blocks}, squares of 4 pixels, a fixed seed),
     * which costs an encoder its whole bitrate, encoded at {@code bitrate} bits per second.
     */
    static List<EncodedFrame> encodeNoise(int count, int keyframeInterval, int bitrate) {
        EncoderSettings settings = new EncoderSettings(bitrate, keyframeInterval, H264Profile.BASELINE, 30);
        FrameFormat format = FrameFormat.of(WIDTH, HEIGHT, PixelFormat.YUYV);
        Random random = new Random(7);
        List<EncodedFrame> encoded = new ArrayList<>();
        try (H264FrameEncoder encoder = new H264FrameEncoder("cam0", openh264()::choice, settings)) {
            for (int n = 0; n < count; n++) {
                TestFrame frame = TestFrame.builder(format, blocks(format, random, 4)).camera("cam0").sequence(n)
                        .timestampNanos(n * SyntheticFeed.FRAME_NANOS).build();
                try {
                    encoded.addAll(encoder.encode(frame));
                } finally {
                    frame.release();
                }
            }
        }
        return encoded;
    }

    /** A YUYV picture of grey squares of {@code block} pixels, each of random brightness. */
    static byte[] blocks(FrameFormat format, Random random, int block) {
        byte[] image = new byte[format.imageSize()];
        for (int y = 0; y < format.height(); y += block) {
            for (int x = 0; x < format.width(); x += block) {
                byte luma = (byte) random.nextInt(256);
                for (int row = y; row < y + block; row++) {
                    for (int column = x; column < x + block; column++) {
                        image[row * format.bytesPerLine() + 2 * column] = luma;
                        image[row * format.bytesPerLine() + 2 * column + 1] = (byte) 128;
                    }
                }
            }
        }
        return image;
    }

    /** The access unit as a camera sends it: each NAL unit after a start code instead of its length. */
    static byte[] annexB(EncodedFrame unit) {
        ByteBuffer sample = unit.data().duplicate();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (sample.remaining() >= 4) {
            byte[] nal = new byte[sample.getInt()];
            sample.get(nal);
            out.writeBytes(new byte[] { 0, 0, 0, 1 });
            out.writeBytes(nal);
        }
        return out.toByteArray();
    }
}
