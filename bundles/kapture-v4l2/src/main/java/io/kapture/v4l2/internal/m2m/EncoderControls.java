package io.kapture.v4l2.internal.m2m;

import java.util.ArrayList;
import java.util.List;

import io.kapture.api.encoder.EncoderSettings;
import io.kapture.api.encoder.H264Profile;
import io.kapture.v4l2.Errno;
import io.kapture.v4l2.V4l2;
import io.kapture.v4l2.V4l2Device;
import io.kapture.v4l2.structs.V4l2Control;
import io.kapture.v4l2.structs.V4l2QueryCtrl;

/**
 * The encoder settings as the {@code V4L2_CID_MPEG_VIDEO_*} controls of one memory-to-memory encoder: keyframe
 * interval ({@code GOP_SIZE}, and {@code H264_I_PERIOD} which Raspberry Pi's bcm2835-codec reads), bitrate, H.264
 * profile, the sequence header before every keyframe, and a forced keyframe. Drivers implement only some (vicodec
 * has the GOP size and nothing of bitrate or profile): each setting the driver lacks, or refuses, is recorded in
 * {@link #unapplied()} in words an operator can read, never dropped silently.
 *
 * <p>Threading: confined to the encoder's caller thread.
 */
final class EncoderControls {

    private final V4l2Device device;
    private final boolean h264;
    private final V4l2QueryCtrl query = new V4l2QueryCtrl();
    private final V4l2Control control = new V4l2Control();
    private final List<String> unapplied = new ArrayList<>();

    EncoderControls(V4l2Device device, boolean h264) {
        this.device = device;
        this.h264 = h264;
    }

    /** Applies every setting at the start; what could not be applied is in {@link #unapplied()}. */
    void applyAll(EncoderSettings settings) {
        applyKeyframeInterval(settings.keyframeInterval());
        applyBitrate(settings.bitrate());
        if (h264) {
            String profile = set(V4l2.CID_MPEG_VIDEO_H264_PROFILE, profileValue(settings.profile()));
            note(profile, "H.264 profile " + settings.profile().name().toLowerCase(java.util.Locale.ROOT)
                    + " (V4L2_CID_MPEG_VIDEO_H264_PROFILE)");
            // best effort: the SPS/PPS are put before every keyframe by Kapture anyway (ParameterSetTracker)
            set(V4l2.CID_MPEG_VIDEO_REPEAT_SEQ_HEADER, 1);
        }
    }

    /** Changes keyframe interval and bitrate while encoding; false if the driver refused one it has. */
    boolean applyLive(EncoderSettings from, EncoderSettings to) {
        boolean taken = true;
        if (from.keyframeInterval() != to.keyframeInterval()) {
            taken &= applyKeyframeInterval(to.keyframeInterval());
        }
        if (from.bitrate() != to.bitrate()) {
            taken &= applyBitrate(to.bitrate());
        }
        return taken;
    }

    /** Presses {@code FORCE_KEY_FRAME}; false if the driver has no such control. */
    boolean forceKeyframe() {
        return set(V4l2.CID_MPEG_VIDEO_FORCE_KEY_FRAME, 1) == null;
    }

    /** Whether the driver has this control ({@code VIDIOC_QUERYCTRL}). */
    boolean has(int id) {
        query.clear();
        query.id(id);
        return device.tryIoctl(V4l2.VIDIOC_QUERYCTRL, query) >= 0
                && (query.flags() & V4l2.CTRL_FLAG_DISABLED) == 0;
    }

    /** The settings the driver lacks or refused, for example {@code bitrate 2000000 (V4L2_CID_MPEG_VIDEO_BITRATE): no such control}. */
    List<String> unapplied() {
        return List.copyOf(unapplied);
    }

    private boolean applyKeyframeInterval(int frames) {
        String gop = set(V4l2.CID_MPEG_VIDEO_GOP_SIZE, frames);
        String period = h264 ? set(V4l2.CID_MPEG_VIDEO_H264_I_PERIOD, frames) : "not H.264";
        if (gop != null && period != null) {
            note(gop, "keyframe interval " + frames + " (V4L2_CID_MPEG_VIDEO_GOP_SIZE"
                    + (h264 ? " or H264_I_PERIOD" : "") + ")");
            return false;
        }
        return true;
    }

    private boolean applyBitrate(int bitrate) {
        String result = set(V4l2.CID_MPEG_VIDEO_BITRATE, bitrate);
        note(result, "bitrate " + bitrate + " (V4L2_CID_MPEG_VIDEO_BITRATE)");
        return result == null;
    }

    /** Sets a control, clamped to its range; null if done, else why not. */
    private String set(int id, int value) {
        if (!has(id)) {
            return "no such control";
        }
        int clamped = Math.max(query.minimum(), Math.min(query.maximum(), value));
        control.id(id);
        control.value(clamped);
        int result = device.tryIoctl(V4l2.VIDIOC_S_CTRL, control);
        if (result < 0) {
            return "refused with " + Errno.describe(-result);
        }
        return clamped == value ? null : "clamped to " + clamped + " (range " + query.minimum() + ".."
                + query.maximum() + ")";
    }

    private void note(String outcome, String what) {
        if (outcome != null) {
            unapplied.add(what + ": " + outcome);
        }
    }

    private static int profileValue(H264Profile profile) {
        return switch (profile) {
            case BASELINE -> V4l2.MPEG_VIDEO_H264_PROFILE_CONSTRAINED_BASELINE;
            case MAIN -> V4l2.MPEG_VIDEO_H264_PROFILE_MAIN;
            case HIGH -> V4l2.MPEG_VIDEO_H264_PROFILE_HIGH;
        };
    }
}
