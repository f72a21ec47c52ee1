package io.kapture.vivid;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.kapture.api.PixelFormat;
import io.kapture.api.spi.DriverBuffer;
import io.kapture.api.spi.FormatDescription;
import io.kapture.api.spi.FormatRequest;
import io.kapture.api.spi.Negotiation;
import io.kapture.v4l2.Errno;
import io.kapture.v4l2.V4l2;
import io.kapture.v4l2.V4l2CaptureSource;
import io.kapture.v4l2.V4l2Device;
import io.kapture.v4l2.V4l2Sources;
import io.kapture.v4l2.structs.NativeStruct;
import io.kapture.v4l2.structs.V4l2Control;
import io.kapture.v4l2.structs.V4l2EventSubscription;
import io.kapture.v4l2.structs.V4l2Format;
import io.kapture.v4l2.structs.V4l2FrmIvalEnum;
import io.kapture.v4l2.structs.V4l2QueryCtrl;
import io.kapture.v4l2.structs.V4l2QueryExtCtrl;
import io.kapture.v4l2.structs.V4l2RequestBuffers;
import io.kapture.v4l2.structs.V4l2StreamParm;

/**
 * Which V4L2 calls libcamera's compatibility layer does not support, tried one by one through Kapture's binding on
 * the node it took over, and what Kapture then does: the raw answers (an errno per call) are reported as found;
 * the check fails only where Kapture's own handling is not clean (a listing, negotiation, capture or export that
 * throws where the layer merely lacks a feature).
 *
 * <p>Threading contract: runs on the caller's thread; opens and closes its own handles.
 */
final class CompatCalls {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 480;

    /** The raw answers, then Kapture's behaviour over the same node. */
    String probe() throws Exception {
        String node = LibcameraChecks.node();
        Map<String, String> answers = new LinkedHashMap<>();
        List<String> kapture = new ArrayList<>();
        try (V4l2CaptureSource source = V4l2Sources.open(node)) {
            V4l2Device device = source.device();
            FormatDescription first = source.formats().get(0);
            V4l2FrmIvalEnum interval = new V4l2FrmIvalEnum();
            interval.pixelFormat(first.fourcc());
            interval.width(WIDTH);
            interval.height(HEIGHT);
            answers.put("ENUM_FRAMEINTERVALS", answer(device, V4l2.VIDIOC_ENUM_FRAMEINTERVALS, interval));
            V4l2StreamParm parm = new V4l2StreamParm();
            parm.type(V4l2.BUF_TYPE_VIDEO_CAPTURE);
            answers.put("G_PARM", answer(device, V4l2.VIDIOC_G_PARM, parm));
            parm.timePerFrame(1, 15);
            answers.put("S_PARM", answer(device, V4l2.VIDIOC_S_PARM, parm));
            V4l2QueryCtrl query = new V4l2QueryCtrl();
            query.id(V4l2.CTRL_FLAG_NEXT_CTRL);
            answers.put("QUERYCTRL", answer(device, V4l2.VIDIOC_QUERYCTRL, query));
            V4l2QueryExtCtrl extended = new V4l2QueryExtCtrl();
            extended.id(V4l2.CTRL_FLAG_NEXT_CTRL | V4l2.CTRL_FLAG_NEXT_COMPOUND);
            answers.put("QUERY_EXT_CTRL", answer(device, V4l2.VIDIOC_QUERY_EXT_CTRL, extended));
            V4l2Control control = new V4l2Control();
            control.id(V4l2.CID_BRIGHTNESS);
            answers.put("G_CTRL", answer(device, V4l2.VIDIOC_G_CTRL, control));
            V4l2EventSubscription subscription = new V4l2EventSubscription();
            subscription.type(V4l2.EVENT_SOURCE_CHANGE);
            answers.put("SUBSCRIBE_EVENT", answer(device, V4l2.VIDIOC_SUBSCRIBE_EVENT, subscription));
            V4l2Format planes = new V4l2Format();
            planes.type(V4l2.BUF_TYPE_VIDEO_CAPTURE_MPLANE);
            answers.put("G_FMT(multi-planar)", answer(device, V4l2.VIDIOC_G_FMT, planes));
            V4l2RequestBuffers dmabuf = new V4l2RequestBuffers();
            dmabuf.type(V4l2.BUF_TYPE_VIDEO_CAPTURE);
            dmabuf.memory(V4l2.MEMORY_DMABUF);
            answers.put("REQBUFS(DMABUF)", answer(device, V4l2.VIDIOC_REQBUFS, dmabuf));

            kapture.add("formats: " + source.formats().stream().map(format -> format.fourccString() + " "
                    + format.sizes().size() + " sizes, "
                    + format.sizes().stream().mapToInt(size -> size.framesPerSecond().size()).sum() + " rates")
                    .toList());
            kapture.add("controls: " + source.controls().size());
            PixelFormat known = PixelFormat.ofFourcc(first.fourcc());
            Negotiation negotiated = source.negotiate(new FormatRequest(WIDTH, HEIGHT, known, 15));
            kapture.add("negotiate " + known + " " + WIDTH + "x" + HEIGHT + " @ 15: " + negotiated.format() + " @ "
                    + negotiated.framesPerSecond() + ", adjustments " + negotiated.adjustments());
            source.start(4);
            try {
                DriverBuffer buffer = source.dequeue(30, TimeUnit.SECONDS);
                CheckFailure.require(buffer != null, "no buffer within 30 s after start");
                kapture.add("dequeue (poll on the layer's eventfd): buffer " + buffer.index() + ", "
                        + buffer.bytesUsed() + " bytes, sequence " + buffer.sequence());
                kapture.add("exportBuffer (EXPBUF): " + export(source, buffer.index()));
                source.queue(buffer);
            } finally {
                source.stop();
            }
            kapture.add("stop: " + source.bufferCount() + " buffers left, " + source.orphanedMappings()
                    + " orphaned mappings");
        }
        return "unanswered by the layer: " + answers + "; Kapture: " + String.join("; ", kapture);
    }

    private static String export(V4l2CaptureSource source, int index) {
        int fd = source.exportBuffer(index);
        try {
            return "descriptor " + fd;
        } finally {
            source.device().libc().close(fd);
        }
    }

    private static String answer(V4l2Device device, long request, NativeStruct argument) {
        int result = device.tryIoctl(request, argument);
        if (result >= 0) {
            return "ok";
        }
        return switch (-result) {
            case Errno.ENOTTY -> "ENOTTY";
            case Errno.EINVAL -> "EINVAL";
            case Errno.EBUSY -> "EBUSY";
            default -> "errno " + (-result);
        };
    }
}
