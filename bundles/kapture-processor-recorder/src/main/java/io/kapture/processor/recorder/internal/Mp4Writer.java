package io.kapture.processor.recorder.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.kapture.api.encoder.H264Parameters;

/**
 * Writes H.264 access units (length-prefixed {@code avc1} samples, see {@link AvcSamples}) as a fragmented MP4 file:
 * {@code ftyp} and {@code moov} ({@link Mp4Header}) when the first frame, a keyframe carrying SPS and PPS, arrives,
 * then one {@code moof}+{@code mdat} pair ({@link Mp4Fragment}) per keyframe interval: a fragment is written before
 * the first keyframe that comes {@value #MIN_FRAGMENT_MILLIS} ms or more after its start, or before any frame once
 * it spans {@value #MAX_FRAGMENT_MILLIS} ms (a camera with long keyframe intervals). Nothing is ever rewritten, so
 * at every moment the file is a playable movie of the fragments written so far: a crash loses the frames of the
 * fragment being gathered (a keyframe interval, 1 s by default; at most {@value #MAX_FRAGMENT_MILLIS} ms), and a
 * torn last fragment is cut off when the file is closed after a failed write.
 *
 * <p>Each sample lasts until the next frame's capture time (in 90 kHz ticks counted from the first frame, so
 * rounding never accumulates); the last one of the file as long as the one before. A frame is held until the next
 * one arrives, because its duration is known only then.
 *
 * <p>Memory: the frames of the fragment being gathered (references to their encoded bytes, no copy) and a few
 * hundred bytes of box headers.
 *
 * <p>Threading contract: not thread-safe; the owner serialises all calls. {@link #close()} always closes the file.
 */
final class Mp4Writer extends SinkFile {

    static final long MIN_FRAGMENT_MILLIS = 500;
    static final long MAX_FRAGMENT_MILLIS = 2000;
    private static final long MIN_FRAGMENT_NANOS = TimeUnit.MILLISECONDS.toNanos(MIN_FRAGMENT_MILLIS);
    private static final long MAX_FRAGMENT_NANOS = TimeUnit.MILLISECONDS.toNanos(MAX_FRAGMENT_MILLIS);
    private static final int DEFAULT_DURATION_TICKS = Mp4Header.TIMESCALE / 30;

    private final int width;
    private final int height;
    private final BoxBuffer boxes = new BoxBuffer();
    private final Mp4Fragment fragment = new Mp4Fragment();

    private H264Parameters parameters;
    /** Bytes of the file that are whole: header and complete fragments. */
    private long committed;
    private long fragmentsWritten;
    private long fragmentStartNanos;
    private EncodedFrame held;
    private long heldDecodeTime;
    private int lastDurationTicks = DEFAULT_DURATION_TICKS;
    private boolean torn;

    private Mp4Writer(Path path, FileChannel channel, int width, int height) {
        super(path, channel);
        this.width = width;
        this.height = height;
    }

    /**
     * Creates a new, empty file (never replacing one, never through a symbolic link); its header follows with the
     * first frame.
     *
     * @throws IOException if the file exists or cannot be created
     */
    static Mp4Writer create(Path path, int width, int height) throws IOException {
        return new Mp4Writer(path, createNew(path), width, height);
    }

    /**
     * Appends one access unit. The first must be a keyframe carrying SPS and PPS.
     *
     * @throws IOException if the first frame cannot start a file, or writing fails (the file then ends after its
     *                     last whole fragment when closed)
     */
    @Override
    public void write(EncodedFrame frame) throws IOException {
        if (torn || isClosed()) {
            throw new IOException(path() + " can take no more frames after a failed write");
        }
        if (parameters == null) {
            writeHeader(frame);
        }
        long decodeTime = decodeTime(frame.timestampNanos());
        if (held != null) {
            lastDurationTicks = (int) Math.max(1, decodeTime - heldDecodeTime);
            fragment.add(held, lastDurationTicks, heldDecodeTime);
            long span = frame.timestampNanos() - fragmentStartNanos;
            if (frame.keyFrame() && span >= MIN_FRAGMENT_NANOS || span >= MAX_FRAGMENT_NANOS) {
                writeFragment();
            }
        }
        if (fragment.isEmpty()) {
            fragmentStartNanos = frame.timestampNanos();
        }
        held = frame;
        heldDecodeTime = decodeTime;
        counted(frame.timestampNanos());
    }

    /**
     * Whether {@code frame} can go into this file: not a keyframe whose parameter sets differ from the file's (a
     * stream whose SPS or PPS changed needs a new file, as the header describes one).
     */
    @Override
    public boolean accepts(EncodedFrame frame) {
        if (parameters == null || !frame.keyFrame()) {
            return true;
        }
        return AvcSamples.parameters(frame.data()).map(parameters::equals).orElse(true);
    }

    /** Forces what was written to the disk, so it survives a power loss as well as a crash. */
    @Override
    public void checkpoint() throws IOException {
        channel().force(false);
    }

    /** Size the file will have when closed now. */
    @Override
    public long bytes() {
        long gathering = fragment.fileBytes() + (held == null ? 0 : held.size() + Mp4Fragment.BYTES_PER_SAMPLE);
        return committed + gathering;
    }

    @Override
    public int frameOverhead() {
        return Mp4Fragment.BYTES_PER_SAMPLE;
    }

    /** Fragments on disk. */
    long fragments() {
        return fragmentsWritten;
    }

    /**
     * Writes the held frame and the last fragment, then closes the file; later calls do nothing. After a failed
     * write the file is cut after its last whole fragment instead. If an interrupt closed the channel, the file is
     * opened again to be finished ({@link SinkFile#closing()}).
     */
    @Override
    public void close() throws IOException {
        FileChannel channel = closing();
        if (channel == null) {
            return;
        }
        try (FileChannel file = channel) {
            if (!torn && held != null) {
                fragment.add(held, lastDurationTicks, heldDecodeTime);
                held = null;
                writeFragment();
            }
            file.force(false);
        } finally {
            held = null;
            fragment.clear();
        }
    }

    private void writeHeader(EncodedFrame first) throws IOException {
        H264Parameters found = first.keyFrame() ? AvcSamples.parameters(first.data()).orElse(null) : null;
        if (found == null) {
            throw new IOException("an H.264 file must begin with a keyframe carrying SPS and PPS; frame "
                    + first.sequence() + " is " + (first.keyFrame() ? "a keyframe without them" : "no keyframe"));
        }
        try {
            Mp4Header.write(boxes.reset(), width, height, found);
        } catch (IllegalArgumentException e) {
            throw new IOException("frame " + first.sequence() + " cannot begin an H.264 file: " + e.getMessage(), e);
        }
        append(List.of(boxes.view()));
        parameters = found;
    }

    private void writeFragment() throws IOException {
        if (fragment.isEmpty()) {
            return;
        }
        fragment.writeHeader(boxes.reset(), fragmentsWritten + 1);
        List<EncodedFrame> samples = fragment.sampleList();
        ByteBuffer[] buffers = new ByteBuffer[samples.size() + 1];
        buffers[0] = boxes.view();
        for (int i = 0; i < samples.size(); i++) {
            buffers[i + 1] = samples.get(i).data().duplicate();
        }
        append(List.of(buffers));
        fragmentsWritten++;
        fragment.clear();
    }

    /** Appends the buffers after the committed bytes; a failure cuts the file back to them. */
    private void append(List<ByteBuffer> buffers) throws IOException {
        ByteBuffer[] all = buffers.toArray(ByteBuffer[]::new);
        long size = 0;
        for (ByteBuffer buffer : all) {
            size += buffer.remaining();
        }
        try {
            FileChannel channel = channel();
            channel.position(committed);
            long written = 0;
            while (written < size) {
                written += channel.write(all);
            }
            committed += size;
        } catch (IOException e) {
            torn = true;
            fragment.clear();
            held = null;
            try {
                if (channel().isOpen()) {
                    channel().truncate(committed);
                }
            } catch (IOException alsoFailed) {
                e.addSuppressed(alsoFailed);
            }
            throw e;
        }
    }

    /** Media time of a capture time, in ticks from the first frame (0 for it); always after the frame before. */
    private long decodeTime(long timestampNanos) {
        if (frames() == 0) {
            return 0;
        }
        long ticks = Math.round((timestampNanos - firstTimestampNanos()) * (Mp4Header.TIMESCALE / 1e9));
        return held == null ? Math.max(0, ticks) : Math.max(heldDecodeTime + 1, ticks);
    }
}
