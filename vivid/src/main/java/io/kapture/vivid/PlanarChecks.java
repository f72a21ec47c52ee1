package io.kapture.vivid;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.kapture.api.FrameFlags;
import io.kapture.api.PixelFormat;
import io.kapture.api.spi.DriverBuffer;
import io.kapture.api.spi.FormatRequest;
import io.kapture.api.spi.Negotiation;
import io.kapture.v4l2.V4l2;
import io.kapture.v4l2.V4l2CaptureSource;
import io.kapture.v4l2.V4l2Sources;
import io.kapture.v4l2.structs.V4l2Format;

/**
 * Multi-plane capture on vivid's second instance, loaded multi-planar ({@code n_devs=2 multiplanar=1,2}, see
 * guest/init) with only a capture node. vivid offers NV12, NV21, NV16, YU12 and YV12 there both single-plane and as
 * NV12M, NV21M, NV16M, YUV420M and YVU420M, so Kapture's negotiation rightly picks the single-plane ones (the twin
 * is picked only where the packed format is not offered, proven in the simulation); the multi-plane formats are set
 * by hand through the device's own
 * {@code VIDIOC_S_FMT} and then streamed through the source, which maps every plane and packs each frame. The
 * packed frames must show the colour bars ({@link PlanarBars}, which reads Cb and Cr where the packed format says
 * they are, so a swap fails) and, in the rows free of vivid's text, be byte for byte the zero-copy single-plane
 * frame of the same format.
 *
 * <p>Threading contract: runs on the caller's thread, which also dequeues; opens and closes its own sources.
 */
final class PlanarChecks {

    /** The name vivid gives the second instance's capture node in sysfs. */
    static final String NODE_NAME = "vivid-001-vid-cap";
    private static final int WIDTH = 640;
    private static final int HEIGHT = 480;
    private static final int BUFFERS = 4;
    private static final int FRAMES = 6;

    /** The second vivid instance's capture node, found by its sysfs name. */
    static String node() throws IOException {
        try (Stream<Path> nodes = Files.list(Path.of("/sys/class/video4linux"))) {
            for (Path entry : nodes.sorted().toList()) {
                Path name = entry.resolve("name");
                if (Files.isReadable(name) && Files.readString(name).trim().equals(NODE_NAME)) {
                    return "/dev/" + entry.getFileName();
                }
            }
        }
        throw new CheckFailure("no video node named " + NODE_NAME + " in /sys/class/video4linux: vivid was not"
                + " loaded with n_devs=2 multiplanar=1,2 (guest/init)");
    }

    /**
     * NV12 from NV12M, NV21 from NV21M and NV16 from NV16M (two planes), then YU12 from YUV420M and YV12 from
     * YVU420M (three).
     */
    String packedPlanes() throws IOException, InterruptedException {
        String node = node();
        return node + ": " + String.join("; ", packed(node, PixelFormat.NV12, V4l2.PIX_FMT_NV12M, 2),
                packed(node, PixelFormat.NV21, V4l2.PIX_FMT_NV21M, 2),
                packed(node, PixelFormat.NV16, V4l2.PIX_FMT_NV16M, 2),
                packed(node, PixelFormat.YU12, V4l2.PIX_FMT_YUV420M, 3),
                packed(node, PixelFormat.YV12, V4l2.PIX_FMT_YVU420M, 3));
    }

    private String packed(String node, PixelFormat packed, int twin, int planes)
            throws IOException, InterruptedException {
        byte[] reference;
        int stride;
        try (V4l2CaptureSource source = V4l2Sources.open(node)) {
            CheckFailure.require(source.bufferType() == V4l2.BUF_TYPE_VIDEO_CAPTURE_MPLANE, node
                    + " is not multi-planar (buffer type " + source.bufferType() + ")");
            Negotiation single = source.negotiate(new FormatRequest(WIDTH, HEIGHT, packed, 0));
            CheckFailure.require(single.format().pixelFormat() == packed && single.adjustments().isEmpty(),
                    "negotiating " + packed + " gave " + single.format() + " " + single.adjustments()
                    + "; expected the single-plane format as offered");
            stride = single.format().bytesPerLine();
            source.start(BUFFERS);
            CheckFailure.require(source.bufferPlanes() == 1, "single-plane " + packed + " has "
                    + source.bufferPlanes() + " planes");
            reference = frames(source, 1, single.format().imageSize()).get(0);
            source.stop();
        }
        List<byte[]> frames;
        long mappings;
        int imageSize;
        try (V4l2CaptureSource source = V4l2Sources.open(node)) {
            V4l2Format format = new V4l2Format();
            format.type(V4l2.BUF_TYPE_VIDEO_CAPTURE_MPLANE);
            format.width(WIDTH);
            format.height(HEIGHT);
            format.pixelFormat(twin);
            format.field(V4l2.FIELD_ANY);
            format.numPlanes(planes);
            source.device().ioctl(V4l2.VIDIOC_S_FMT, format);
            String fourcc = PixelFormat.fourccString(twin);
            CheckFailure.require(format.pixelFormat() == twin && format.numPlanes() == planes, "S_FMT " + fourcc
                    + " gave " + PixelFormat.fourccString(format.pixelFormat()) + " with " + format.numPlanes()
                    + " planes");
            CheckFailure.require(format.planeBytesPerLine(0) == stride, fourcc + " has " + format.planeBytesPerLine(0)
                    + " bytes per luma line, single-plane " + packed + " " + stride);
            imageSize = new PlanarLayout(packed, HEIGHT, stride).size();
            source.start(BUFFERS);
            CheckFailure.require(source.bufferPlanes() == planes, fourcc + " buffers have " + source.bufferPlanes()
                    + " planes, expected " + planes);
            mappings = ProcessMappings.ofDevice(node);
            CheckFailure.require(mappings == (long) planes * source.bufferCount(), mappings + " mappings of " + node
                    + " for " + source.bufferCount() + " buffers of " + planes + " planes");
            frames = frames(source, FRAMES, imageSize);
            source.stop();
            CheckFailure.require(ProcessMappings.ofDevice(node) == 0, ProcessMappings.ofDevice(node)
                    + " mappings of " + node + " left after stop");
            CheckFailure.require(source.orphanedMappings() == 0, source.orphanedMappings() + " orphaned mappings");
        }
        for (int i = 0; i < frames.size(); i++) {
            List<String> problems = PlanarBars.problems(ByteBuffer.wrap(frames.get(i)), packed, WIDTH, HEIGHT,
                    stride);
            CheckFailure.require(problems.isEmpty(), "packed " + packed + " frame " + i + " is not the 75% colour"
                    + " bars: " + problems);
            String difference = sameBarRows(frames.get(i), reference, new PlanarLayout(packed, HEIGHT, stride));
            CheckFailure.require(difference == null, "packed " + packed + " frame " + i + " differs from the"
                    + " single-plane frame: " + difference);
        }
        return FRAMES + " " + PixelFormat.fourccString(twin) + " frames (" + planes + " planes, " + mappings
                + " mappings, 0 after stop) packed as " + packed + " of " + imageSize + " bytes: the colour bars (luma "
                + PlanarBars.lumaProfile(ByteBuffer.wrap(frames.get(0)), WIDTH) + "), bar rows identical to"
                + " single-plane " + packed;
    }

    private static List<byte[]> frames(V4l2CaptureSource source, int count, int imageSize)
            throws InterruptedException {
        List<byte[]> frames = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            DriverBuffer buffer = source.dequeue(10, TimeUnit.SECONDS);
            CheckFailure.require(buffer != null, source.path() + ": no frame " + i + " within 10 s");
            try {
                CheckFailure.require((buffer.flags() & FrameFlags.ERROR) == 0, "frame " + i + " flagged ERROR");
                CheckFailure.require(buffer.bytesUsed() == imageSize, "frame " + i + ": " + buffer.bytesUsed()
                        + " bytes used, expected " + imageSize);
                byte[] image = new byte[imageSize];
                buffer.memory().get(0, image);
                frames.add(image);
            } finally {
                source.queue(buffer);
            }
        }
        return frames;
    }

    /** The first differing byte among the luma rows free of OSD text and the chroma lines that cover them. */
    private static String sameBarRows(byte[] image, byte[] reference, PlanarLayout layout) {
        if (image.length != reference.length) {
            return image.length + " bytes against " + reference.length;
        }
        int stride = layout.stride();
        for (int row : ColourBars.rows(HEIGHT)) {
            for (int at = row * stride; at < row * stride + WIDTH; at++) {
                if (image[at] != reference[at]) {
                    return "luma byte " + (at - row * stride) + " of line " + row + ": " + image[at] + " vs " + reference[at];
                }
            }
            int line = layout.chromaLine(row);
            for (int plane = 0; plane < layout.chromaPlanes(); plane++) {
                int start = layout.chromaPlane(plane) + line * layout.chromaStride();
                for (int at = start; at < start + layout.chromaBytes(WIDTH); at++) {
                    if (image[at] != reference[at]) {
                        return "chroma plane " + plane + " byte " + (at - start) + " of line " + line + ": "
                                + image[at] + " vs " + reference[at];
                    }
                }
            }
        }
        return null;
    }
}
