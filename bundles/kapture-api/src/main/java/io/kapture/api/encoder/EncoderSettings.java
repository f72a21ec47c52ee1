package io.kapture.api.encoder;

/**
 * What an encoder is asked to produce. The frame rate is the rate frames are expected at (rate control spreads the
 * bit budget over it), not a rate the encoder enforces: it encodes every frame it is given.
 *
 * <p>Immutable; safe from any thread.
 *
 * @param bitrate          target bits per second, 10 000 to 100 000 000
 * @param keyframeInterval frames from one keyframe to the next, 1 to 3600; a client joining late waits at most this
 *                         long for a picture (unless the encoder is asked for a keyframe at once)
 * @param profile          the H.264 profile
 * @param frameRate        expected frames per second, above 0 and at most 240
 */
public record EncoderSettings(int bitrate, int keyframeInterval, H264Profile profile, double frameRate) {

    /** 2 Mbit/s, a keyframe every 30 frames, baseline, 30 fps. */
    public static final EncoderSettings DEFAULT = new EncoderSettings(2_000_000, 30, H264Profile.BASELINE, 30);

    public EncoderSettings {
        if (bitrate < 10_000 || bitrate > 100_000_000) {
            throw new IllegalArgumentException("bitrate must be between 10000 and 100000000 bits per second, was "
                    + bitrate);
        }
        if (keyframeInterval < 1 || keyframeInterval > 3600) {
            throw new IllegalArgumentException("keyframe interval must be between 1 and 3600 frames, was "
                    + keyframeInterval);
        }
        if (profile == null) {
            throw new IllegalArgumentException("profile must be set: baseline, main or high");
        }
        if (!(frameRate > 0) || frameRate > 240) {
            throw new IllegalArgumentException("frame rate must be above 0 and at most 240, was " + frameRate);
        }
    }

    /** These settings with another bitrate. */
    public EncoderSettings withBitrate(int newBitrate) {
        return new EncoderSettings(newBitrate, keyframeInterval, profile, frameRate);
    }

    /** These settings with another expected frame rate. */
    public EncoderSettings withFrameRate(double newFrameRate) {
        return new EncoderSettings(bitrate, keyframeInterval, profile, newFrameRate);
    }
}
