package io.kapture.processor.recorder.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongUnaryOperator;

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
}
