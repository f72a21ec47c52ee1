package io.kapture.v4l2;

import java.util.ArrayList;
import java.util.List;

/** Capability bits as the words {@link io.kapture.api.spi.DeviceInfo} lists. Stateless; thread-safe. */
final class Capabilities {

    private static final int[] BITS = {V4l2.CAP_VIDEO_CAPTURE, V4l2.CAP_VIDEO_CAPTURE_MPLANE, V4l2.CAP_VIDEO_OUTPUT,
        V4l2.CAP_VIDEO_OUTPUT_MPLANE, V4l2.CAP_VIDEO_M2M, V4l2.CAP_VIDEO_M2M_MPLANE, V4l2.CAP_VIDEO_OVERLAY,
        V4l2.CAP_VBI_CAPTURE, V4l2.CAP_META_CAPTURE, V4l2.CAP_META_OUTPUT, V4l2.CAP_SDR_CAPTURE, V4l2.CAP_TOUCH,
        V4l2.CAP_TUNER, V4l2.CAP_AUDIO, V4l2.CAP_STREAMING, V4l2.CAP_READWRITE, V4l2.CAP_EXT_PIX_FORMAT,
        V4l2.CAP_IO_MC};
    private static final String[] WORDS = {"video-capture", "video-capture-mplane", "video-output",
        "video-output-mplane", "video-m2m", "video-m2m-mplane", "video-overlay", "vbi-capture", "metadata-capture",
        "metadata-output", "sdr-capture", "touch", "tuner", "audio", "streaming", "read-write", "ext-pix-format",
        "io-mc"};

    private Capabilities() {
    }

    static List<String> words(int caps) {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < BITS.length; i++) {
            if ((caps & BITS[i]) != 0) {
                words.add(WORDS[i]);
            }
        }
        return words;
    }
}
