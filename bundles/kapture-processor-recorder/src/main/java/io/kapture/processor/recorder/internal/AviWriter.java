package io.kapture.processor.recorder.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Writes JPEG images as an MJPEG video stream in a RIFF AVI 1.0 file, as ffmpeg, VLC and most players read it:
 * {@code RIFF AVI [LIST hdrl [avih] [LIST strl [strh vids MJPG] [strf BITMAPINFOHEADER]]] [LIST movi [00dc]...]
 * [idx1]}, every chunk a key frame. The headers are written first with placeholder counts and rewritten in place
 * when the file is closed (and at each {@link #checkpoint()}), so a file cut short by a crash still holds every
 * frame written before the last checkpoint, readable by players that do without the index.
 *
 * <p>AVI carries one frame rate, not per-frame times: it is the average over the file, from the first to the last
 * frame's capture time, so playback lasts as long as the capture did. Files must stay below 2 GiB (AVI 1.0 sizes
 * are 32 bits and many readers treat them as signed); the recorder rotates long before.
 *
 * <p>Memory: per frame, 8 bytes of index in an array that doubles as it grows; nothing else.
 *
 * <p>Threading contract: not thread-safe; the owner serialises all calls. {@link #close()} always closes the file,
 * even when writing the index fails.
 */
final class AviWriter extends SinkFile {

    /** Largest file this writer makes: 2 GiB less some room, as AVI 1.0 sizes are 32-bit. */
    static final long MAX_FILE_BYTES = (1L << 31) - (1 << 20);
    /** Bytes of a frame beyond its data: chunk header, padding byte, index entry. */
    static final int FRAME_OVERHEAD = 8 + 1 + 16;

    private static final int AVIF_HASINDEX = 0x10;
    private static final int AVIIF_KEYFRAME = 0x10;
    private static final int DEFAULT_MICROS_PER_FRAME = 33_333;
    /** Where the 'movi' list's fourcc lies; index offsets count from here. */
    private static final int MOVI_FOURCC = 220;
    /** Bytes before the first frame chunk. */
    private static final int HEADER_BYTES = 224;
    private static final int HDRL_SIZE = 192;
    private static final int STRL_SIZE = 116;

    private final int width;
    private final int height;
    private final ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    private final ByteBuffer chunkHeader = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
    private final ByteBuffer padding = ByteBuffer.allocate(1);

    private long moviEnd = HEADER_BYTES;
    private int largestFrame;
    /** Per frame: offset from 'movi' in the high 32 bits, size in the low 32. */
    private long[] index = new long[1024];

    private AviWriter(Path path, FileChannel channel, int width, int height) {
        super(path, channel);
        this.width = width;
        this.height = height;
    }

    /**
     * Creates a new file (never replacing one, never through a symbolic link) and writes its headers; if the
     * headers cannot be written, the file is removed again.
     *
     * @throws IOException if the file exists or cannot be written
     */
    static AviWriter create(Path path, int width, int height) throws IOException {
        FileChannel channel = createNew(path);
        AviWriter writer = new AviWriter(path, channel, width, height);
        try {
            writer.writeHeaders(false);
        } catch (IOException | RuntimeException e) {
            // a full disk has room for the name but not the headers: leave no empty file behind
            channel.close();
            Files.deleteIfExists(path);
            throw e;
        }
        return writer;
    }

    @Override
    public void write(EncodedFrame frame) throws IOException {
        write(frame.data(), frame.timestampNanos());
    }

    /**
     * Appends one JPEG image, the bytes between {@code jpeg}'s position and limit (left unchanged).
     *
     * @throws IOException if writing fails
     */
    void write(ByteBuffer jpeg, long timestampNanos) throws IOException {
        int size = jpeg.remaining();
        chunkHeader.clear();
        chunkHeader.put((byte) '0').put((byte) '0').put((byte) 'd').put((byte) 'c').putInt(size).flip();
        writeFully(chunkHeader, moviEnd);
        writeFully(jpeg.duplicate(), moviEnd + 8);
        long end = moviEnd + 8 + size;
        if ((size & 1) != 0) {
            padding.clear();
            writeFully(padding, end);
            end++;
        }
        int frames = frames();
        if (frames == index.length) {
            index = Arrays.copyOf(index, frames * 2);
        }
        index[frames] = (moviEnd - MOVI_FOURCC) << 32 | size;
        counted(timestampNanos);
        largestFrame = Math.max(largestFrame, size);
        moviEnd = end;
    }

    /** Rewrites the headers for the frames so far, without an index, so they survive a crash. */
    @Override
    public void checkpoint() throws IOException {
        writeHeaders(false);
    }

    /** Size the file will have when closed now, with its index. */
    @Override
    public long bytes() {
        return moviEnd + 8 + 16L * frames();
    }

    @Override
    public int frameOverhead() {
        return FRAME_OVERHEAD;
    }

    /**
     * Writes the index and the final headers, then closes the file; later calls do nothing. A channel an
     * interrupt closed is opened again ({@link SinkFile#closing()}); the caller must not be interrupted itself
     * while closing.
     */
    @Override
    public void close() throws IOException {
        FileChannel channel = closing();
        if (channel == null) {
            return;
        }
        int frames = frames();
        try (FileChannel file = channel) {
            ByteBuffer entries = ByteBuffer.allocate(8 + 16 * frames).order(ByteOrder.LITTLE_ENDIAN);
            fourcc(entries, "idx1").putInt(16 * frames);
            for (int i = 0; i < frames; i++) {
                fourcc(entries, "00dc").putInt(AVIIF_KEYFRAME).putInt((int) (index[i] >>> 32)).putInt((int) index[i]);
            }
            entries.flip();
            try {
                writeFully(entries, moviEnd);
                // a frame cut short by a failed write may lie beyond the index: the file ends with the index
                file.truncate(bytes());
            } catch (IOException noRoom) {
                closeWithoutIndex(noRoom);
            }
            writeHeaders(true);
            file.force(false);
        }
    }

    /**
     * Ends the file after its last whole frame, with headers that say so and no index, when the index cannot be
     * written (a full disk): the headers' bytes exist already, so rewriting them needs no new space, and players
     * read an AVI without an index. Throws the original failure, with what was done, so it is still reported.
     */
    private void closeWithoutIndex(IOException cause) throws IOException {
        try {
            channel().truncate(moviEnd);
            writeHeaders(false);
            channel().force(false);
        } catch (IOException alsoFailed) {
            cause.addSuppressed(alsoFailed);
            throw cause;
        }
        throw new IOException("no room for the index of " + path() + " (" + cause.getMessage() + "); closed it"
                + " after its " + frames() + " whole frames without an index, which players do without", cause);
    }

    private void writeHeaders(boolean withIndex) throws IOException {
        long fileEnd = withIndex ? bytes() : moviEnd;
        int microsPerFrame = microsPerFrame();
        int frames = frames();
        ByteBuffer h = header.clear();
        fourcc(h, "RIFF").putInt((int) (fileEnd - 8));
        fourcc(h, "AVI ");
        fourcc(h, "LIST").putInt(HDRL_SIZE);
        fourcc(h, "hdrl");
        fourcc(h, "avih").putInt(56);
        h.putInt(microsPerFrame);
        h.putInt((int) Math.min(Integer.MAX_VALUE, (long) largestFrame * 1_000_000 / microsPerFrame + 1));
        h.putInt(0);
        h.putInt(withIndex ? AVIF_HASINDEX : 0);
        h.putInt(frames);
        h.putInt(0);
        h.putInt(1);
        h.putInt(largestFrame + 8);
        h.putInt(width).putInt(height);
        h.putInt(0).putInt(0).putInt(0).putInt(0);
        fourcc(h, "LIST").putInt(STRL_SIZE);
        fourcc(h, "strl");
        fourcc(h, "strh").putInt(56);
        fourcc(h, "vids");
        fourcc(h, "MJPG");
        h.putInt(0);
        h.putShort((short) 0).putShort((short) 0);
        h.putInt(0);
        h.putInt(microsPerFrame).putInt(1_000_000);
        h.putInt(0);
        h.putInt(frames);
        h.putInt(largestFrame + 8);
        h.putInt(-1);
        h.putInt(0);
        h.putShort((short) 0).putShort((short) 0).putShort((short) width).putShort((short) height);
        fourcc(h, "strf").putInt(40);
        h.putInt(40).putInt(width).putInt(height);
        h.putShort((short) 1).putShort((short) 24);
        fourcc(h, "MJPG");
        h.putInt(width * height * 3);
        h.putInt(0).putInt(0).putInt(0).putInt(0);
        fourcc(h, "LIST").putInt((int) (moviEnd - MOVI_FOURCC));
        fourcc(h, "movi");
        h.flip();
        writeFully(h, 0);
    }

    /** Average time per frame over the file: capture time spread evenly, or 30 fps until there are two frames. */
    private int microsPerFrame() {
        if (frames() < 2 || durationNanos() <= 0) {
            return DEFAULT_MICROS_PER_FRAME;
        }
        long micros = Math.round(durationNanos() / 1000.0 / (frames() - 1));
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, micros));
    }

    private void writeFully(ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            at += channel().write(buffer, at);
        }
    }

    private static ByteBuffer fourcc(ByteBuffer buffer, String code) {
        for (int i = 0; i < 4; i++) {
            buffer.put((byte) code.charAt(i));
        }
        return buffer;
    }
}
