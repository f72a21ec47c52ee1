package io.kapture.vivid;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.sun.jna.Pointer;

import io.kapture.api.CaptureException;
import io.kapture.api.FrameFlags;
import io.kapture.api.FrameFormat;
import io.kapture.api.PixelFormat;
import io.kapture.api.spi.ControlInfo;
import io.kapture.api.spi.DriverBuffer;
import io.kapture.api.spi.FormatRequest;
import io.kapture.api.spi.Negotiation;
import io.kapture.v4l2.Libc;
import io.kapture.v4l2.LinuxLibc;
import io.kapture.v4l2.V4l2CaptureSource;
import io.kapture.v4l2.V4l2Sources;

/**
 * The streaming checks on Kapture's V4L2 source itself, below the engine: mmap streaming with contiguous sequence
 * numbers and vivid's colour bars in every frame, STREAMOFF and close leaving no mapping behind, and DMABUF export
 * of a buffer whose own mapping shows the same bytes as Kapture's.
 *
 * <p>Threading contract: each check runs on the caller's thread, which is also the dequeuing thread, and opens and
 * closes its own source.
 */
final class StreamChecks {

    static final int WIDTH = 640;
    static final int HEIGHT = 480;
    /**
     * Frames per second of the streaming checks. vivid skips a sequence number whenever no buffer is queued when a
     * frame is due, and also whenever its own thread wakes half a frame period late (see {@link DriverClockGap}),
     * which an emulated guest on a busy host does: measured here, at 15 fps (a 33 ms stall) nearly every stream
     * had such a gap and at 5 fps (100 ms) about one in three on a loaded host. At 2 fps that takes a 250 ms
     * stall, and with {@link #BUFFERS} buffers a consumer may fall 8 s behind before the driver runs dry.
     */
    static final double RATE = 2;
    /** Driver buffers of the streaming checks. */
    static final int BUFFERS = 16;
    private static final long DEQUEUE_TIMEOUT_SECONDS = 10;

    private final String device;
    private final Path out;

    StreamChecks(String device, Path out) {
        this.device = device;
        this.out = out;
    }

    /**
     * Streams {@code frames} frames through mmap: every sequence number follows the one before, timestamps rise,
     * no frame is flagged corrupted, every frame is a whole 640x480 YUYV image showing the 75% colour bars, and
     * (when v4l2-ctl's reference frame is there) the bars' rows are byte for byte those v4l2-ctl captured.
     */
    String mmapStreaming(int frames) throws IOException, InterruptedException {
        byte[] reference = referenceFrame();
        List<byte[]> images = new ArrayList<>();
        long first;
        long mappings;
        FrameFormat format;
        try (V4l2CaptureSource source = V4l2Sources.open(device)) {
            format = negotiate(source);
            source.start(BUFFERS);
            mappings = ProcessMappings.ofDevice(source.path());
            CheckFailure.require(mappings >= source.bufferCount(), "streaming with " + source.bufferCount()
                    + " buffers but only " + mappings + " mappings of " + source.path() + " in /proc/self/maps");
            long previous = -1;
            long previousTime = Long.MIN_VALUE;
            int queuedBefore = BUFFERS;
            first = -1;
            for (int i = 0; i < frames; i++) {
                DriverBuffer buffer = dequeue(source, i);
                try {
                    requireNoGap(i, previous, buffer.sequence(), queuedBefore);
                    CheckFailure.require(buffer.timestampNanos() > previousTime, "frame " + i + ": timestamp "
                            + buffer.timestampNanos() + " not after " + previousTime);
                    CheckFailure.require((buffer.flags() & FrameFlags.ERROR) == 0, "frame " + i + " flagged ERROR");
                    CheckFailure.require(buffer.bytesUsed() == format.imageSize(), "frame " + i + ": "
                            + buffer.bytesUsed() + " bytes used, expected " + format.imageSize());
                    byte[] image = new byte[buffer.bytesUsed()];
                    buffer.memory().get(0, image);
                    images.add(image);
                    first = first < 0 ? buffer.sequence() : first;
                    previous = buffer.sequence();
                    previousTime = buffer.timestampNanos();
                } finally {
                    source.queue(buffer);
                }
                queuedBefore = source.queuedBuffers();
            }
            source.stop();
        }
        for (int i = 0; i < images.size(); i++) {
            ByteBuffer image = ByteBuffer.wrap(images.get(i));
            List<String> problems = ColourBars.problems(image, WIDTH, HEIGHT, format.bytesPerLine());
            CheckFailure.require(problems.isEmpty(), "frame " + i + " is not the 75% colour bars: " + problems);
            if (reference != null) {
                String difference = sameBarRows(images.get(i), reference, format.bytesPerLine());
                CheckFailure.require(difference == null, "frame " + i + " differs from v4l2-ctl's: " + difference);
            }
        }
        return frames + " frames, sequence " + first + ".." + (first + frames - 1) + " without a gap, " + BUFFERS
                + " buffers (" + mappings + " mappings), every frame the 75% colour bars (luma "
                + ColourBars.lumaProfile(ByteBuffer.wrap(images.get(0)), WIDTH) + ")"
                + (reference == null ? "" : ", bar rows identical to v4l2-ctl's frame");
    }

    /** After STREAMOFF no mapping of the node is left, no buffer orphaned; after close the node opens again. */
    String streamOffAndClose() throws IOException, InterruptedException {
        String path;
        long streaming;
        try (V4l2CaptureSource source = V4l2Sources.open(device)) {
            path = source.path();
            negotiate(source);
            long before = ProcessMappings.ofDevice(path);
            source.start(BUFFERS);
            streaming = ProcessMappings.ofDevice(path);
            DriverBuffer held = dequeue(source, 0);
            CheckFailure.require(held != null, "no frame");
            source.queue(held);
            source.stop();
            long stopped = ProcessMappings.ofDevice(path);
            CheckFailure.require(streaming >= BUFFERS, "only " + streaming + " mappings while streaming");
            CheckFailure.require(stopped == 0, stopped + " mappings of " + path + " left after STREAMOFF ("
                    + before + " before start, " + streaming + " while streaming)");
            CheckFailure.require(source.bufferCount() == 0, "bufferCount " + source.bufferCount() + " after stop");
            CheckFailure.require(source.orphanedMappings() == 0, source.orphanedMappings() + " orphaned mappings");
            source.start(BUFFERS);
            source.stop();
            CheckFailure.require(ProcessMappings.ofDevice(path) == 0, "mappings left after a second start/stop");
        }
        long closed = ProcessMappings.ofDevice(path);
        CheckFailure.require(closed == 0, closed + " mappings of " + path + " left after close");
        long descriptors = ProcessMappings.descriptorsOf(path);
        CheckFailure.require(descriptors == 0, descriptors + " descriptors of " + path + " still open after close");
        try (V4l2CaptureSource again = V4l2Sources.open(device)) {
            negotiate(again);
            again.start(2);
        }
        CheckFailure.require(ProcessMappings.ofDevice(path) == 0, "mappings left after reopening and closing");
        return "mappings of " + path + ": " + streaming + " while streaming " + BUFFERS + " buffers, 0 after"
                + " STREAMOFF, none orphaned, 0 mappings and 0 descriptors after close; reopened, streamed and"
                + " closed again cleanly";
    }

    /**
     * Exports a dequeued buffer as DMABUF, maps the DMABUF descriptor itself and finds the very bytes Kapture's
     * mmap shows; closing the descriptor and stopping leave neither descriptor nor mapping.
     */
    String dmabufExport() throws IOException, InterruptedException {
        Libc libc = LinuxLibc.get();
        try (V4l2CaptureSource source = V4l2Sources.open(device)) {
            FrameFormat format = negotiate(source);
            source.start(4);
            DriverBuffer buffer = dequeue(source, 0);
            int fd = source.exportBuffer(buffer.index());
            String link;
            boolean same;
            try {
                CheckFailure.require(fd >= 0, "EXPBUF gave descriptor " + fd);
                link = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
                CheckFailure.require(link.contains("dmabuf"), "descriptor " + fd + " is " + link + ", not a dmabuf");
                long length = buffer.memory().capacity();
                Pointer mapped = libc.mmap(null, length, Libc.PROT_READ, Libc.MAP_SHARED, fd, 0);
                try {
                    CheckFailure.require(ProcessMappings.ofDmabufs() >= 1, "the DMABUF mapping is not in /proc/self/maps");
                    byte[] viaDmabuf = mapped.getByteArray(0, buffer.bytesUsed());
                    byte[] viaMmap = new byte[buffer.bytesUsed()];
                    buffer.memory().get(0, viaMmap);
                    same = Arrays.equals(viaDmabuf, viaMmap);
                    CheckFailure.require(ColourBars.problems(ByteBuffer.wrap(viaDmabuf), WIDTH, HEIGHT,
                            format.bytesPerLine()).isEmpty(), "the DMABUF mapping does not show the colour bars");
                } finally {
                    libc.munmap(mapped, length);
                }
            } finally {
                libc.close(fd);
                source.queue(buffer);
            }
            CheckFailure.require(same, "the DMABUF mapping's bytes differ from Kapture's mmap of buffer "
                    + buffer.index());
            CheckFailure.require(!Files.exists(Path.of("/proc/self/fd/" + fd)) || !Files.readSymbolicLink(
                    Path.of("/proc/self/fd/" + fd)).toString().contains("dmabuf"), "descriptor " + fd + " still open");
            source.stop();
            CheckFailure.require(ProcessMappings.ofDmabufs() == 0, "DMABUF mappings left after munmap and stop");
            return "buffer " + buffer.index() + " exported as fd " + fd + " (" + link + "); its own mapping holds the"
                    + " same " + buffer.bytesUsed() + " bytes as Kapture's mmap; fd closed, nothing left mapped";
        }
    }

    /**
     * A source change while streaming: vivid sends {@code V4L2_EVENT_SOURCE_CHANGE} when its "Colorspace" control
     * changes (it emulates a detected change of the input). Kapture's source must end the stream with an error
     * that says so, and stream again after stop, negotiation and start; the event of restoring the control, sent
     * before that negotiation, must not end the new stream.
     */
    String sourceChange() throws InterruptedException {
        try (V4l2CaptureSource source = V4l2Sources.open(device)) {
            negotiate(source);
            source.start(BUFFERS);
            source.queue(dequeue(source, 0));
            ControlInfo colorspace = source.controls().stream().filter(c -> c.name().equals("colorspace"))
                    .findFirst().orElseThrow(() -> new CheckFailure("vivid has no colorspace control"));
            long changed = colorspace.value() == colorspace.minimum() ? colorspace.minimum() + 1 : colorspace.minimum();
            String error = null;
            try {
                source.control("colorspace", changed);
                for (int i = 1; i <= BUFFERS + 2 && error == null; i++) {
                    DriverBuffer buffer = dequeue(source, i);
                    source.queue(buffer);
                }
            } catch (CaptureException e) {
                error = e.getMessage();
            } finally {
                source.control("colorspace", colorspace.value());
            }
            CheckFailure.require(error != null, "no error from dequeue after the source change");
            CheckFailure.require(error.contains("changed resolution"), "unexpected error: " + error);
            source.stop();
            negotiate(source);
            source.start(BUFFERS);
            for (int i = 0; i < 3; i++) {
                source.queue(dequeue(source, i));
            }
            return "colorspace " + colorspace.value() + " -> " + changed + ": \"" + error + "\"; after stop, negotiate"
                    + " and start 3 frames, the event of restoring the colorspace (before negotiating) not ending it";
        }
    }

    /**
     * Fails unless {@code sequence} follows {@code previous}: with a {@link DriverClockGap} if buffers were queued
     * all along (vivid's clock skipped), else with a plain failure (the driver had no buffer: Kapture starved it).
     *
     * @param queuedBefore buffers queued to the driver right after the previous frame was given back
     */
    static void requireNoGap(int frame, long previous, long sequence, int queuedBefore) {
        if (previous < 0 || sequence == previous + 1) {
            return;
        }
        if (queuedBefore > 0) {
            throw new DriverClockGap("vivid skipped sequence " + previous + " -> " + sequence + " at frame " + frame
                    + " with " + queuedBefore + " buffers queued");
        }
        throw new CheckFailure("frame " + frame + ": sequence " + sequence + " after " + previous
                + " while no buffer was queued: the driver ran dry");
    }

    static FrameFormat negotiate(V4l2CaptureSource source) {
        Negotiation negotiation = source.negotiate(new FormatRequest(WIDTH, HEIGHT, PixelFormat.YUYV, RATE));
        FrameFormat format = negotiation.format();
        CheckFailure.require(format.width() == WIDTH && format.height() == HEIGHT
                && format.pixelFormat() == PixelFormat.YUYV, "asked 640x480 YUYV, got " + format);
        return format;
    }

    private static DriverBuffer dequeue(V4l2CaptureSource source, int index) throws InterruptedException {
        DriverBuffer buffer = source.dequeue(DEQUEUE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        CheckFailure.require(buffer != null, "no frame " + index + " within " + DEQUEUE_TIMEOUT_SECONDS + " s");
        return buffer;
    }

    /** v4l2-ctl's frame from the same guest, or null if guest/checks.sh captured none. */
    private byte[] referenceFrame() throws IOException {
        Path file = out.resolve("v4l2-ctl-frame.yuyv");
        return Files.exists(file) ? Files.readAllBytes(file) : null;
    }

    /** Null if the rows free of vivid's OSD text are the same in both frames, else where they first differ. */
    private static String sameBarRows(byte[] image, byte[] reference, int bytesPerLine) {
        if (reference.length != image.length) {
            return "v4l2-ctl's frame has " + reference.length + " bytes, Kapture's " + image.length;
        }
        for (int row = 0; row < HEIGHT; row++) {
            if (row >= 16 && row < ColourBars.FIRST_ROW_BELOW_TEXT) {
                continue;
            }
            for (int at = row * bytesPerLine; at < row * bytesPerLine + 2 * WIDTH; at++) {
                if (image[at] != reference[at]) {
                    return "row " + row + " byte " + (at - row * bytesPerLine) + ": " + (image[at] & 0xff)
                            + " vs " + (reference[at] & 0xff);
                }
            }
        }
        return null;
    }
}
