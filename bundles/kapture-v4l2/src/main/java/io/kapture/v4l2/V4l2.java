package io.kapture.v4l2;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;

import io.kapture.v4l2.structs.V4l2Buffer;
import io.kapture.v4l2.structs.V4l2Capability;
import io.kapture.v4l2.structs.V4l2Control;
import io.kapture.v4l2.structs.V4l2EncoderCmd;
import io.kapture.v4l2.structs.V4l2Event;
import io.kapture.v4l2.structs.V4l2EventSubscription;
import io.kapture.v4l2.structs.V4l2ExportBuffer;
import io.kapture.v4l2.structs.V4l2ExtControls;
import io.kapture.v4l2.structs.V4l2FmtDesc;
import io.kapture.v4l2.structs.V4l2Format;
import io.kapture.v4l2.structs.V4l2FrmIvalEnum;
import io.kapture.v4l2.structs.V4l2FrmSizeEnum;
import io.kapture.v4l2.structs.V4l2Input;
import io.kapture.v4l2.structs.V4l2QueryCtrl;
import io.kapture.v4l2.structs.V4l2QueryExtCtrl;
import io.kapture.v4l2.structs.V4l2QueryMenu;
import io.kapture.v4l2.structs.V4l2RequestBuffers;
import io.kapture.v4l2.structs.V4l2StreamParm;

/**
 * The ioctl request codes and constants of {@code linux/videodev2.h} that Kapture uses. Request codes are built
 * the way the kernel's {@code _IOC(dir, 'V', nr, size)} macro builds them, from the struct sizes of
 * {@link io.kapture.v4l2.structs}, so a wrong struct size shows as a wrong request code too; the ABI check compares
 * every one with the header. Constants only; thread-safe.
 */
public final class V4l2 {

    // _IOC layout (asm-generic/ioctl.h): nr 8 bits, type 8 bits, size 14 bits, direction 2 bits
    private static final int IOC_WRITE = 1;
    private static final int IOC_READ = 2;

    @AbiName("VIDIOC_QUERYCAP")
    public static final long VIDIOC_QUERYCAP = ioc(IOC_READ, 0, V4l2Capability.SIZE);
    @AbiName("VIDIOC_ENUM_FMT")
    public static final long VIDIOC_ENUM_FMT = ioc(IOC_READ | IOC_WRITE, 2, V4l2FmtDesc.SIZE);
    @AbiName("VIDIOC_G_FMT")
    public static final long VIDIOC_G_FMT = ioc(IOC_READ | IOC_WRITE, 4, V4l2Format.SIZE);
    @AbiName("VIDIOC_S_FMT")
    public static final long VIDIOC_S_FMT = ioc(IOC_READ | IOC_WRITE, 5, V4l2Format.SIZE);
    @AbiName("VIDIOC_REQBUFS")
    public static final long VIDIOC_REQBUFS = ioc(IOC_READ | IOC_WRITE, 8, V4l2RequestBuffers.SIZE);
    @AbiName("VIDIOC_QUERYBUF")
    public static final long VIDIOC_QUERYBUF = ioc(IOC_READ | IOC_WRITE, 9, V4l2Buffer.SIZE);
    @AbiName("VIDIOC_QBUF")
    public static final long VIDIOC_QBUF = ioc(IOC_READ | IOC_WRITE, 15, V4l2Buffer.SIZE);
    @AbiName("VIDIOC_EXPBUF")
    public static final long VIDIOC_EXPBUF = ioc(IOC_READ | IOC_WRITE, 16, V4l2ExportBuffer.SIZE);
    @AbiName("VIDIOC_DQBUF")
    public static final long VIDIOC_DQBUF = ioc(IOC_READ | IOC_WRITE, 17, V4l2Buffer.SIZE);
    @AbiName("VIDIOC_STREAMON")
    public static final long VIDIOC_STREAMON = ioc(IOC_WRITE, 18, Integer.BYTES);
    @AbiName("VIDIOC_STREAMOFF")
    public static final long VIDIOC_STREAMOFF = ioc(IOC_WRITE, 19, Integer.BYTES);
    @AbiName("VIDIOC_G_PARM")
    public static final long VIDIOC_G_PARM = ioc(IOC_READ | IOC_WRITE, 21, V4l2StreamParm.SIZE);
    @AbiName("VIDIOC_S_PARM")
    public static final long VIDIOC_S_PARM = ioc(IOC_READ | IOC_WRITE, 22, V4l2StreamParm.SIZE);
    @AbiName("VIDIOC_ENUMINPUT")
    public static final long VIDIOC_ENUMINPUT = ioc(IOC_READ | IOC_WRITE, 26, V4l2Input.SIZE);
    @AbiName("VIDIOC_G_CTRL")
    public static final long VIDIOC_G_CTRL = ioc(IOC_READ | IOC_WRITE, 27, V4l2Control.SIZE);
    @AbiName("VIDIOC_S_CTRL")
    public static final long VIDIOC_S_CTRL = ioc(IOC_READ | IOC_WRITE, 28, V4l2Control.SIZE);
    @AbiName("VIDIOC_QUERYCTRL")
    public static final long VIDIOC_QUERYCTRL = ioc(IOC_READ | IOC_WRITE, 36, V4l2QueryCtrl.SIZE);
    @AbiName("VIDIOC_QUERYMENU")
    public static final long VIDIOC_QUERYMENU = ioc(IOC_READ | IOC_WRITE, 37, V4l2QueryMenu.SIZE);
    @AbiName("VIDIOC_G_INPUT")
    public static final long VIDIOC_G_INPUT = ioc(IOC_READ, 38, Integer.BYTES);
    @AbiName("VIDIOC_S_INPUT")
    public static final long VIDIOC_S_INPUT = ioc(IOC_READ | IOC_WRITE, 39, Integer.BYTES);
    @AbiName("VIDIOC_TRY_FMT")
    public static final long VIDIOC_TRY_FMT = ioc(IOC_READ | IOC_WRITE, 64, V4l2Format.SIZE);
    @AbiName("VIDIOC_G_EXT_CTRLS")
    public static final long VIDIOC_G_EXT_CTRLS = ioc(IOC_READ | IOC_WRITE, 71, V4l2ExtControls.SIZE);
    @AbiName("VIDIOC_S_EXT_CTRLS")
    public static final long VIDIOC_S_EXT_CTRLS = ioc(IOC_READ | IOC_WRITE, 72, V4l2ExtControls.SIZE);
    @AbiName("VIDIOC_ENUM_FRAMESIZES")
    public static final long VIDIOC_ENUM_FRAMESIZES = ioc(IOC_READ | IOC_WRITE, 74, V4l2FrmSizeEnum.SIZE);
    @AbiName("VIDIOC_ENUM_FRAMEINTERVALS")
    public static final long VIDIOC_ENUM_FRAMEINTERVALS = ioc(IOC_READ | IOC_WRITE, 75, V4l2FrmIvalEnum.SIZE);
    @AbiName("VIDIOC_ENCODER_CMD")
    public static final long VIDIOC_ENCODER_CMD = ioc(IOC_READ | IOC_WRITE, 77, V4l2EncoderCmd.SIZE);
    @AbiName("VIDIOC_TRY_ENCODER_CMD")
    public static final long VIDIOC_TRY_ENCODER_CMD = ioc(IOC_READ | IOC_WRITE, 78, V4l2EncoderCmd.SIZE);
    @AbiName("VIDIOC_DQEVENT")
    public static final long VIDIOC_DQEVENT = ioc(IOC_READ, 89, V4l2Event.SIZE);
    @AbiName("VIDIOC_SUBSCRIBE_EVENT")
    public static final long VIDIOC_SUBSCRIBE_EVENT = ioc(IOC_WRITE, 90, V4l2EventSubscription.SIZE);
    @AbiName("VIDIOC_UNSUBSCRIBE_EVENT")
    public static final long VIDIOC_UNSUBSCRIBE_EVENT = ioc(IOC_WRITE, 91, V4l2EventSubscription.SIZE);
    @AbiName("VIDIOC_QUERY_EXT_CTRL")
    public static final long VIDIOC_QUERY_EXT_CTRL = ioc(IOC_READ | IOC_WRITE, 103, V4l2QueryExtCtrl.SIZE);

    @AbiName("V4L2_CAP_VIDEO_CAPTURE")
    public static final int CAP_VIDEO_CAPTURE = 0x00000001;
    @AbiName("V4L2_CAP_VIDEO_OUTPUT")
    public static final int CAP_VIDEO_OUTPUT = 0x00000002;
    @AbiName("V4L2_CAP_VIDEO_OVERLAY")
    public static final int CAP_VIDEO_OVERLAY = 0x00000004;
    @AbiName("V4L2_CAP_VBI_CAPTURE")
    public static final int CAP_VBI_CAPTURE = 0x00000010;
    @AbiName("V4L2_CAP_VIDEO_CAPTURE_MPLANE")
    public static final int CAP_VIDEO_CAPTURE_MPLANE = 0x00001000;
    @AbiName("V4L2_CAP_VIDEO_OUTPUT_MPLANE")
    public static final int CAP_VIDEO_OUTPUT_MPLANE = 0x00002000;
    @AbiName("V4L2_CAP_VIDEO_M2M_MPLANE")
    public static final int CAP_VIDEO_M2M_MPLANE = 0x00004000;
    @AbiName("V4L2_CAP_VIDEO_M2M")
    public static final int CAP_VIDEO_M2M = 0x00008000;
    @AbiName("V4L2_CAP_TUNER")
    public static final int CAP_TUNER = 0x00010000;
    @AbiName("V4L2_CAP_AUDIO")
    public static final int CAP_AUDIO = 0x00020000;
    @AbiName("V4L2_CAP_SDR_CAPTURE")
    public static final int CAP_SDR_CAPTURE = 0x00100000;
    @AbiName("V4L2_CAP_EXT_PIX_FORMAT")
    public static final int CAP_EXT_PIX_FORMAT = 0x00200000;
    @AbiName("V4L2_CAP_META_CAPTURE")
    public static final int CAP_META_CAPTURE = 0x00800000;
    @AbiName("V4L2_CAP_READWRITE")
    public static final int CAP_READWRITE = 0x01000000;
    @AbiName("V4L2_CAP_STREAMING")
    public static final int CAP_STREAMING = 0x04000000;
    @AbiName("V4L2_CAP_META_OUTPUT")
    public static final int CAP_META_OUTPUT = 0x08000000;
    @AbiName("V4L2_CAP_TOUCH")
    public static final int CAP_TOUCH = 0x10000000;
    @AbiName("V4L2_CAP_IO_MC")
    public static final int CAP_IO_MC = 0x20000000;
    @AbiName("V4L2_CAP_DEVICE_CAPS")
    public static final int CAP_DEVICE_CAPS = 0x80000000;

    @AbiName("V4L2_BUF_TYPE_VIDEO_CAPTURE")
    public static final int BUF_TYPE_VIDEO_CAPTURE = 1;
    @AbiName("V4L2_BUF_TYPE_VIDEO_OUTPUT")
    public static final int BUF_TYPE_VIDEO_OUTPUT = 2;
    @AbiName("V4L2_BUF_TYPE_VIDEO_OUTPUT_MPLANE")
    public static final int BUF_TYPE_VIDEO_OUTPUT_MPLANE = 10;
    @AbiName("V4L2_BUF_TYPE_VIDEO_CAPTURE_MPLANE")
    public static final int BUF_TYPE_VIDEO_CAPTURE_MPLANE = 9;
    @AbiName("V4L2_BUF_TYPE_META_CAPTURE")
    public static final int BUF_TYPE_META_CAPTURE = 13;

    @AbiName("V4L2_MEMORY_MMAP")
    public static final int MEMORY_MMAP = 1;
    @AbiName("V4L2_MEMORY_DMABUF")
    public static final int MEMORY_DMABUF = 4;

    @AbiName("V4L2_FIELD_ANY")
    public static final int FIELD_ANY = 0;
    @AbiName("V4L2_FIELD_NONE")
    public static final int FIELD_NONE = 1;

    @AbiName("VIDEO_MAX_PLANES")
    public static final int VIDEO_MAX_PLANES = 8;

    @AbiName("V4L2_PIX_FMT_NV12M")
    public static final int PIX_FMT_NV12M = 0x32314d4e;
    @AbiName("V4L2_PIX_FMT_YUV420M")
    public static final int PIX_FMT_YUV420M = 0x32314d59;
    @AbiName("V4L2_PIX_FMT_NV21M")
    public static final int PIX_FMT_NV21M = 0x31324d4e;
    @AbiName("V4L2_PIX_FMT_YVU420M")
    public static final int PIX_FMT_YVU420M = 0x31324d59;
    @AbiName("V4L2_PIX_FMT_NV16M")
    public static final int PIX_FMT_NV16M = 0x36314d4e;

    @AbiName("V4L2_PIX_FMT_H264")
    public static final int PIX_FMT_H264 = 0x34363248;
    @AbiName("V4L2_PIX_FMT_HEVC")
    public static final int PIX_FMT_HEVC = 0x43564548;
    @AbiName("V4L2_PIX_FMT_VP8")
    public static final int PIX_FMT_VP8 = 0x30385056;
    @AbiName("V4L2_PIX_FMT_FWHT")
    public static final int PIX_FMT_FWHT = 0x54485746;
    @AbiName("V4L2_PIX_FMT_NV12")
    public static final int PIX_FMT_NV12 = 0x3231564e;
    @AbiName("V4L2_PIX_FMT_YUV420")
    public static final int PIX_FMT_YUV420 = 0x32315559;

    @AbiName("V4L2_FMT_FLAG_COMPRESSED")
    public static final int FMT_FLAG_COMPRESSED = 0x0001;
    @AbiName("V4L2_FMT_FLAG_EMULATED")
    public static final int FMT_FLAG_EMULATED = 0x0002;

    @AbiName("V4L2_FRMSIZE_TYPE_DISCRETE")
    public static final int FRMSIZE_TYPE_DISCRETE = 1;
    @AbiName("V4L2_FRMSIZE_TYPE_CONTINUOUS")
    public static final int FRMSIZE_TYPE_CONTINUOUS = 2;
    @AbiName("V4L2_FRMSIZE_TYPE_STEPWISE")
    public static final int FRMSIZE_TYPE_STEPWISE = 3;
    @AbiName("V4L2_FRMIVAL_TYPE_DISCRETE")
    public static final int FRMIVAL_TYPE_DISCRETE = 1;
    @AbiName("V4L2_FRMIVAL_TYPE_CONTINUOUS")
    public static final int FRMIVAL_TYPE_CONTINUOUS = 2;
    @AbiName("V4L2_FRMIVAL_TYPE_STEPWISE")
    public static final int FRMIVAL_TYPE_STEPWISE = 3;

    @AbiName("V4L2_CAP_TIMEPERFRAME")
    public static final int CAP_TIMEPERFRAME = 0x1000;

    @AbiName("V4L2_BUF_FLAG_MAPPED")
    public static final int BUF_FLAG_MAPPED = 0x00000001;
    @AbiName("V4L2_BUF_FLAG_QUEUED")
    public static final int BUF_FLAG_QUEUED = 0x00000002;
    @AbiName("V4L2_BUF_FLAG_DONE")
    public static final int BUF_FLAG_DONE = 0x00000004;
    @AbiName("V4L2_BUF_FLAG_KEYFRAME")
    public static final int BUF_FLAG_KEYFRAME = 0x00000008;
    @AbiName("V4L2_BUF_FLAG_ERROR")
    public static final int BUF_FLAG_ERROR = 0x00000040;
    @AbiName("V4L2_BUF_FLAG_TIMESTAMP_MASK")
    public static final int BUF_FLAG_TIMESTAMP_MASK = 0x0000e000;
    @AbiName("V4L2_BUF_FLAG_TIMESTAMP_MONOTONIC")
    public static final int BUF_FLAG_TIMESTAMP_MONOTONIC = 0x00002000;
    @AbiName("V4L2_BUF_FLAG_TSTAMP_SRC_SOE")
    public static final int BUF_FLAG_TSTAMP_SRC_SOE = 0x00010000;
    @AbiName("V4L2_BUF_FLAG_LAST")
    public static final int BUF_FLAG_LAST = 0x00100000;

    @AbiName("V4L2_CTRL_TYPE_INTEGER")
    public static final int CTRL_TYPE_INTEGER = 1;
    @AbiName("V4L2_CTRL_TYPE_BOOLEAN")
    public static final int CTRL_TYPE_BOOLEAN = 2;
    @AbiName("V4L2_CTRL_TYPE_MENU")
    public static final int CTRL_TYPE_MENU = 3;
    @AbiName("V4L2_CTRL_TYPE_BUTTON")
    public static final int CTRL_TYPE_BUTTON = 4;
    @AbiName("V4L2_CTRL_TYPE_INTEGER64")
    public static final int CTRL_TYPE_INTEGER64 = 5;
    @AbiName("V4L2_CTRL_TYPE_CTRL_CLASS")
    public static final int CTRL_TYPE_CTRL_CLASS = 6;
    @AbiName("V4L2_CTRL_TYPE_STRING")
    public static final int CTRL_TYPE_STRING = 7;
    @AbiName("V4L2_CTRL_TYPE_BITMASK")
    public static final int CTRL_TYPE_BITMASK = 8;
    @AbiName("V4L2_CTRL_TYPE_INTEGER_MENU")
    public static final int CTRL_TYPE_INTEGER_MENU = 9;

    @AbiName("V4L2_CTRL_FLAG_DISABLED")
    public static final int CTRL_FLAG_DISABLED = 0x0001;
    @AbiName("V4L2_CTRL_FLAG_GRABBED")
    public static final int CTRL_FLAG_GRABBED = 0x0002;
    @AbiName("V4L2_CTRL_FLAG_READ_ONLY")
    public static final int CTRL_FLAG_READ_ONLY = 0x0004;
    @AbiName("V4L2_CTRL_FLAG_INACTIVE")
    public static final int CTRL_FLAG_INACTIVE = 0x0010;
    @AbiName("V4L2_CTRL_FLAG_WRITE_ONLY")
    public static final int CTRL_FLAG_WRITE_ONLY = 0x0040;
    @AbiName("V4L2_CTRL_FLAG_VOLATILE")
    public static final int CTRL_FLAG_VOLATILE = 0x0080;
    @AbiName("V4L2_CTRL_FLAG_NEXT_CTRL")
    public static final int CTRL_FLAG_NEXT_CTRL = 0x80000000;
    @AbiName("V4L2_CTRL_FLAG_NEXT_COMPOUND")
    public static final int CTRL_FLAG_NEXT_COMPOUND = 0x40000000;
    @AbiName("V4L2_CTRL_WHICH_CUR_VAL")
    public static final int CTRL_WHICH_CUR_VAL = 0;

    @AbiName("V4L2_CID_BRIGHTNESS")
    public static final int CID_BRIGHTNESS = 0x00980900;
    @AbiName("V4L2_CID_CONTRAST")
    public static final int CID_CONTRAST = 0x00980901;
    @AbiName("V4L2_CID_SATURATION")
    public static final int CID_SATURATION = 0x00980902;
    @AbiName("V4L2_CID_AUTO_WHITE_BALANCE")
    public static final int CID_AUTO_WHITE_BALANCE = 0x0098090c;
    @AbiName("V4L2_CID_POWER_LINE_FREQUENCY")
    public static final int CID_POWER_LINE_FREQUENCY = 0x00980918;
    @AbiName("V4L2_CID_WHITE_BALANCE_TEMPERATURE")
    public static final int CID_WHITE_BALANCE_TEMPERATURE = 0x0098091a;
    @AbiName("V4L2_CID_EXPOSURE_AUTO")
    public static final int CID_EXPOSURE_AUTO = 0x009a0901;
    @AbiName("V4L2_CID_EXPOSURE_ABSOLUTE")
    public static final int CID_EXPOSURE_ABSOLUTE = 0x009a0902;
    @AbiName("V4L2_CID_FOCUS_ABSOLUTE")
    public static final int CID_FOCUS_ABSOLUTE = 0x009a090a;
    @AbiName("V4L2_CID_FOCUS_AUTO")
    public static final int CID_FOCUS_AUTO = 0x009a090c;

    @AbiName("V4L2_CID_MIN_BUFFERS_FOR_CAPTURE")
    public static final int CID_MIN_BUFFERS_FOR_CAPTURE = 0x00980927;
    @AbiName("V4L2_CID_MIN_BUFFERS_FOR_OUTPUT")
    public static final int CID_MIN_BUFFERS_FOR_OUTPUT = 0x00980928;
    @AbiName("V4L2_CID_MPEG_VIDEO_GOP_SIZE")
    public static final int CID_MPEG_VIDEO_GOP_SIZE = 0x009909cb;
    @AbiName("V4L2_CID_MPEG_VIDEO_BITRATE")
    public static final int CID_MPEG_VIDEO_BITRATE = 0x009909cf;
    @AbiName("V4L2_CID_MPEG_VIDEO_REPEAT_SEQ_HEADER")
    public static final int CID_MPEG_VIDEO_REPEAT_SEQ_HEADER = 0x009909e2;
    @AbiName("V4L2_CID_MPEG_VIDEO_FORCE_KEY_FRAME")
    public static final int CID_MPEG_VIDEO_FORCE_KEY_FRAME = 0x009909e5;
    @AbiName("V4L2_CID_MPEG_VIDEO_H264_I_PERIOD")
    public static final int CID_MPEG_VIDEO_H264_I_PERIOD = 0x00990a66;
    @AbiName("V4L2_CID_MPEG_VIDEO_H264_PROFILE")
    public static final int CID_MPEG_VIDEO_H264_PROFILE = 0x00990a6b;
    @AbiName("V4L2_MPEG_VIDEO_H264_PROFILE_CONSTRAINED_BASELINE")
    public static final int MPEG_VIDEO_H264_PROFILE_CONSTRAINED_BASELINE = 1;
    @AbiName("V4L2_MPEG_VIDEO_H264_PROFILE_MAIN")
    public static final int MPEG_VIDEO_H264_PROFILE_MAIN = 2;
    @AbiName("V4L2_MPEG_VIDEO_H264_PROFILE_HIGH")
    public static final int MPEG_VIDEO_H264_PROFILE_HIGH = 4;

    @AbiName("V4L2_ENC_CMD_START")
    public static final int ENC_CMD_START = 0;
    @AbiName("V4L2_ENC_CMD_STOP")
    public static final int ENC_CMD_STOP = 1;

    @AbiName("V4L2_INPUT_TYPE_CAMERA")
    public static final int INPUT_TYPE_CAMERA = 2;

    @AbiName("V4L2_EVENT_EOS")
    public static final int EVENT_EOS = 2;
    @AbiName("V4L2_EVENT_SOURCE_CHANGE")
    public static final int EVENT_SOURCE_CHANGE = 5;
    @AbiName("V4L2_EVENT_SRC_CH_RESOLUTION")
    public static final int EVENT_SRC_CH_RESOLUTION = 0x0001;

    private static final Map<Long, String> IOCTL_NAMES = ioctlNames();

    private V4l2() {
    }

    /** The name of a request code for messages ({@code VIDIOC_DQBUF}), or its hex value if unknown. */
    public static String ioctlName(long request) {
        String name = IOCTL_NAMES.get(request);
        return name != null ? name : "ioctl 0x" + Long.toHexString(request);
    }

    /** The kernel's {@code _IOC} macro. */
    private static long ioc(int direction, int nr, int size) {
        return ((long) direction << 30 | (long) size << 16 | (long) 'V' << 8 | nr) & 0xffffffffL;
    }

    private static Map<Long, String> ioctlNames() {
        Map<Long, String> names = new HashMap<>();
        for (Field field : V4l2.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getName().startsWith("VIDIOC_")) {
                try {
                    names.put(field.getLong(null), field.getName());
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot read " + field, e);
                }
            }
        }
        return Map.copyOf(names);
    }
}
