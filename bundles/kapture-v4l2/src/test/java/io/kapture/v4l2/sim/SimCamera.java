package io.kapture.v4l2.sim;

import java.util.List;
import java.util.Map;

import io.kapture.api.PixelFormat;
import io.kapture.v4l2.V4l2;

/**
 * What a simulated camera offers: identity, capabilities, formats with their sizes and rates, and controls.
 * Immutable; thread-safe.
 *
 * @param driver     as QUERYCAP reports it
 * @param card       as QUERYCAP reports it
 * @param bus        as QUERYCAP reports it
 * @param deviceCaps the node's capabilities ({@code device_caps})
 * @param formats    offered formats, in enumeration order
 * @param controls   controls, in id order
 */
public record SimCamera(String driver, String card, String bus, int deviceCaps, List<SimFormat> formats,
        List<SimControl> controls) {

    /**
     * One offered format.
     *
     * @param fourcc   the code
     * @param compressed whether ENUM_FMT flags it compressed
     * @param sizes    discrete sizes as {width, height}, or empty for the stepwise range
     * @param stepwise {minW, maxW, stepW, minH, maxH, stepH} or null
     * @param fps      discrete rates offered at every size
     */
    public record SimFormat(int fourcc, boolean compressed, List<int[]> sizes, int[] stepwise, List<Integer> fps) {
    }

    /**
     * One control; {@code menu} holds item labels (MENU) or values (INTEGER_MENU) by index.
     */
    public record SimControl(int id, int type, String name, long min, long max, long step, long def, int flags,
            Map<Integer, Object> menu) {
    }

    private static final int STREAMING = V4l2.CAP_STREAMING | V4l2.CAP_EXT_PIX_FORMAT;

    /** A UVC-like webcam: YUYV and MJPEG at discrete sizes, single-planar, with the usual controls. */
    public static SimCamera webcam(String card) {
        return new SimCamera("uvcvideo", card, "usb-0000:00:14.0-1", V4l2.CAP_VIDEO_CAPTURE | STREAMING,
                List.of(new SimFormat(PixelFormat.YUYV.fourcc(), false,
                                List.of(new int[] {640, 480}, new int[] {1280, 720}), null, List.of(30, 15)),
                        new SimFormat(PixelFormat.MJPEG.fourcc(), true,
                                List.of(new int[] {640, 480}, new int[] {1280, 720}, new int[] {1920, 1080}), null,
                                List.of(30)),
                        new SimFormat(PixelFormat.fourcc('Y', '1', '6', ' '), false, List.of(new int[] {640, 480}),
                                null, List.of(30))),
                List.of(new SimControl(V4l2.CID_BRIGHTNESS, V4l2.CTRL_TYPE_INTEGER, "Brightness", -64, 64, 1, 0, 0,
                                Map.of()),
                        new SimControl(V4l2.CID_CONTRAST, V4l2.CTRL_TYPE_INTEGER, "Contrast", 0, 95, 1, 32,
                                V4l2.CTRL_FLAG_READ_ONLY, Map.of()),
                        new SimControl(V4l2.CID_AUTO_WHITE_BALANCE, V4l2.CTRL_TYPE_BOOLEAN,
                                "White Balance, Automatic", 0, 1, 1, 1, 0, Map.of()),
                        new SimControl(V4l2.CID_POWER_LINE_FREQUENCY, V4l2.CTRL_TYPE_MENU, "Power Line Frequency",
                                0, 2, 1, 1, 0, Map.of(0, "Disabled", 1, "50 Hz", 2, "60 Hz")),
                        new SimControl(V4l2.CID_WHITE_BALANCE_TEMPERATURE, V4l2.CTRL_TYPE_INTEGER,
                                "White Balance Temperature", 2800, 6500, 10, 4600, V4l2.CTRL_FLAG_INACTIVE, Map.of()),
                        new SimControl(V4l2.CID_EXPOSURE_AUTO, V4l2.CTRL_TYPE_MENU, "Auto Exposure", 0, 3, 1, 3, 0,
                                Map.of(1, "Manual Mode", 3, "Aperture Priority Mode")),
                        new SimControl(V4l2.CID_EXPOSURE_ABSOLUTE, V4l2.CTRL_TYPE_INTEGER64, "Exposure Time, Absolute",
                                1, 5_000_000_000L, 1, 156, 0, Map.of()),
                        new SimControl(V4l2.CID_FOCUS_ABSOLUTE, V4l2.CTRL_TYPE_INTEGER_MENU, "Focus, Absolute", 0, 2,
                                1, 0, 0, Map.of(0, 10L, 1, 50L, 2, 250L)),
                        new SimControl(0x009a0910, V4l2.CTRL_TYPE_BUTTON, "Pan, Reset", 0, 0, 0, 0,
                                V4l2.CTRL_FLAG_WRITE_ONLY, Map.of()),
                        new SimControl(0x009a0911, V4l2.CTRL_TYPE_INTEGER, "Disabled Thing", 0, 1, 1, 0,
                                V4l2.CTRL_FLAG_DISABLED, Map.of())));
    }

    /**
     * A SoC / Raspberry Pi style sensor node: multi-planar only, NV12 and YUYV over a stepwise size range, and NV12
     * a second time as the two-plane NV12M.
     */
    public static SimCamera multiPlanar(String card) {
        int[] range = {64, 1920, 16, 64, 1080, 2};
        return new SimCamera("unicam", card, "platform:fe801000.csi", V4l2.CAP_VIDEO_CAPTURE_MPLANE | STREAMING
                | V4l2.CAP_IO_MC,
                List.of(new SimFormat(PixelFormat.NV12.fourcc(), false, List.of(), range, List.of(60, 30)),
                        new SimFormat(PixelFormat.YUYV.fourcc(), false, List.of(), range, List.of(30)),
                        new SimFormat(V4l2.PIX_FMT_NV12M, false, List.of(), range, List.of(30))),
                List.of());
    }

    /**
     * A SoC ISP output node (rkisp1, MediaTek, i.MX style): multi-planar only, offering NV12, YU12, NV21, YV12 and
     * NV16 only as their multi-plane twins NV12M, NV21M, NV16M (two planes) and YUV420M, YVU420M (three), over a
     * stepwise size range.
     */
    public static SimCamera isp(String card) {
        int[] range = {32, 1920, 8, 16, 1080, 2};
        return new SimCamera("rkisp1", card, "platform:rkisp1", V4l2.CAP_VIDEO_CAPTURE_MPLANE | STREAMING
                | V4l2.CAP_IO_MC,
                List.of(new SimFormat(V4l2.PIX_FMT_NV12M, false, List.of(), range, List.of(30)),
                        new SimFormat(V4l2.PIX_FMT_YUV420M, false, List.of(), range, List.of(30)),
                        new SimFormat(V4l2.PIX_FMT_NV21M, false, List.of(), range, List.of(30)),
                        new SimFormat(V4l2.PIX_FMT_YVU420M, false, List.of(), range, List.of(30)),
                        new SimFormat(V4l2.PIX_FMT_NV16M, false, List.of(), range, List.of(30))),
                List.of());
    }

    /**
     * A Raspberry Pi style sensor on the single-planar API offering the Cr-first and 4:2:2 planar formats only:
     * NV21, YV12 and NV16 at two discrete sizes.
     */
    public static SimCamera planarSensor(String card) {
        List<int[]> sizes = List.of(new int[] {640, 480}, new int[] {1280, 720});
        return new SimCamera("bcm2835-v4l2", card, "platform:bcm2835-v4l2-0", V4l2.CAP_VIDEO_CAPTURE | STREAMING,
                List.of(new SimFormat(PixelFormat.NV21.fourcc(), false, sizes, null, List.of(30)),
                        new SimFormat(PixelFormat.YV12.fourcc(), false, sizes, null, List.of(30)),
                        new SimFormat(PixelFormat.NV16.fourcc(), false, sizes, null, List.of(30))),
                List.of());
    }

    /** A camera with its own H.264 encoder (a UVC H.264 webcam, a loopback fed by an encoder): H.264 at 640x480. */
    public static SimCamera h264(String card) {
        return new SimCamera("uvcvideo", card, "usb-0000:00:14.0-2", V4l2.CAP_VIDEO_CAPTURE | STREAMING,
                List.of(new SimFormat(PixelFormat.H264.fourcc(), true, List.of(new int[] {640, 480}), null,
                        List.of(30))),
                List.of());
    }

    /**
     * A camera behind libcamera's V4L2 compatibility layer, as {@code v4l2-compat.so} answers: driver
     * {@code libcamera}, single-planar capture, BGR888 (V4L2's RGB3) at one size, no frame rates or controls.
     */
    public static SimCamera libcameraCompat(String card) {
        return new SimCamera("libcamera", card, "libcamera:0", V4l2.CAP_VIDEO_CAPTURE | STREAMING,
                List.of(new SimFormat(PixelFormat.RGB24.fourcc(), false, List.of(new int[] {640, 480}), null,
                        List.of(30))),
                List.of());
    }

    /**
     * A v4l2loopback device fed MJPEG by a writer, as its QUERYCAP answers once the writer streams: driver
     * {@code v4l2 loopback}, single-planar capture, MJPEG at 320x240.
     */
    public static SimCamera loopback(String card) {
        return new SimCamera("v4l2 loopback", card, "platform:v4l2loopback-000", V4l2.CAP_VIDEO_CAPTURE | STREAMING,
                List.of(new SimFormat(PixelFormat.MJPEG.fourcc(), true, List.of(new int[] {320, 240}), null,
                        List.of(5))),
                List.of());
    }

    /** The metadata node a UVC camera has next to its video node. */
    public static SimCamera metadata(String card) {
        return new SimCamera("uvcvideo", card, "usb-0000:00:14.0-1", V4l2.CAP_META_CAPTURE | STREAMING, List.of(),
                List.of());
    }

    /** Whether the node captures through the multi-planar API. */
    public boolean multiPlanar() {
        return (deviceCaps & V4l2.CAP_VIDEO_CAPTURE_MPLANE) != 0;
    }

    /** The buffer type the node streams, 0 for nodes that do not capture video. */
    public int bufferType() {
        if ((deviceCaps & V4l2.CAP_VIDEO_CAPTURE) != 0) {
            return V4l2.BUF_TYPE_VIDEO_CAPTURE;
        }
        return multiPlanar() ? V4l2.BUF_TYPE_VIDEO_CAPTURE_MPLANE : 0;
    }
}
