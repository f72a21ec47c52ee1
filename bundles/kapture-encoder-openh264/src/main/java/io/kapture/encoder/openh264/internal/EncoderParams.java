package io.kapture.encoder.openh264.internal;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;

import io.kapture.api.encoder.EncoderSettings;
import io.kapture.api.encoder.H264Profile;

/**
 * OpenH264's {@code SEncParamExt} as a block of native memory: filled with the library's defaults, then the fields
 * Kapture sets are written at their offsets. The offsets are those of {@code codec_app_def.h} of OpenH264 2.x on
 * x86-64 (checked with {@code offsetof} against Debian's 2.3.1 headers); {@code OpenH264EncoderTest} checks the
 * result through the stream itself (size, profile and keyframe interval as ffprobe and the SPS report them).
 *
 * <p>Not thread-safe: used by one encoder while it opens. {@link #close()} frees the memory.
 */
final class EncoderParams implements AutoCloseable {

    /** {@code sizeof(SEncParamExt)}. */
    static final int SIZE = 920;

    private static final int USAGE_TYPE = 0;
    private static final int PIC_WIDTH = 4;
    private static final int PIC_HEIGHT = 8;
    private static final int TARGET_BITRATE = 12;
    private static final int RC_MODE = 16;
    private static final int MAX_FRAME_RATE = 20;
    private static final int TEMPORAL_LAYER_NUM = 24;
    private static final int SPATIAL_LAYER_NUM = 28;
    /** {@code sSpatialLayers[0]}, an {@code SSpatialLayerConfig}. */
    private static final int LAYER = 32;
    private static final int LAYER_WIDTH = LAYER;
    private static final int LAYER_HEIGHT = LAYER + 4;
    private static final int LAYER_FRAME_RATE = LAYER + 8;
    private static final int LAYER_BITRATE = LAYER + 12;
    private static final int LAYER_PROFILE = LAYER + 20;
    private static final int INTRA_PERIOD = 836;
    private static final int SPS_PPS_ID_STRATEGY = 844;
    private static final int ENTROPY_CODING_MODE = 856;
    /** A C {@code bool}: one byte. */
    private static final int ENABLE_FRAME_SKIP = 860;
    private static final int MULTIPLE_THREAD_IDC = 892;

    /** {@code CAMERA_VIDEO_REAL_TIME}. */
    private static final int USAGE_CAMERA_REAL_TIME = 0;
    /** {@code RC_BITRATE_MODE}. */
    private static final int RC_BITRATE = 1;
    /** {@code CONSTANT_ID}: the SPS and PPS keep their ids, so the SDP's parameter sets stay valid. */
    private static final int CONSTANT_ID = 0;

    /** OpenH264 accepts frame rates up to this. */
    static final float MAX_FPS = 60;

    private final Memory memory = new Memory(SIZE);

    EncoderParams() {
        memory.clear();
    }

    Pointer pointer() {
        return memory;
    }

    /** Writes size, rate control, keyframe interval and profile over the defaults; one slice, one thread. */
    void apply(int width, int height, EncoderSettings settings) {
        float fps = clampedFps(settings.frameRate());
        memory.setInt(USAGE_TYPE, USAGE_CAMERA_REAL_TIME);
        memory.setInt(PIC_WIDTH, width);
        memory.setInt(PIC_HEIGHT, height);
        memory.setInt(TARGET_BITRATE, settings.bitrate());
        memory.setInt(RC_MODE, RC_BITRATE);
        memory.setFloat(MAX_FRAME_RATE, fps);
        memory.setInt(TEMPORAL_LAYER_NUM, 1);
        memory.setInt(SPATIAL_LAYER_NUM, 1);
        memory.setInt(LAYER_WIDTH, width);
        memory.setInt(LAYER_HEIGHT, height);
        memory.setFloat(LAYER_FRAME_RATE, fps);
        memory.setInt(LAYER_BITRATE, settings.bitrate());
        memory.setInt(LAYER_PROFILE, settings.profile().idc());
        memory.setInt(INTRA_PERIOD, settings.keyframeInterval());
        memory.setInt(SPS_PPS_ID_STRATEGY, CONSTANT_ID);
        memory.setInt(ENTROPY_CODING_MODE, settings.profile() == H264Profile.BASELINE ? 0 : 1);
        // a camera stream keeps every frame: skipping would make the picture stutter rather than blur
        memory.setByte(ENABLE_FRAME_SKIP, (byte) 0);
        memory.setInt(MULTIPLE_THREAD_IDC, 1);
    }

    static float clampedFps(double fps) {
        return (float) Math.max(1, Math.min(MAX_FPS, fps));
    }

    @Override
    public void close() {
        memory.close();
    }
}
