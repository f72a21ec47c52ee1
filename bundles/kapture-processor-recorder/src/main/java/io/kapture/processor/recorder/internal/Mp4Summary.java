package io.kapture.processor.recorder.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * What a fragmented MP4 file holds, as the catalog lists it: frames and playing time, summed over its movie
 * fragments. Only the top-level box headers and each {@code moof} are read (12 bytes per frame), never the media
 * data; a torn last fragment (the file of a crashed recorder) counts as far as its {@code moof} is whole.
 *
 * <p>Stateless; safe from any thread.
 */
final class Mp4Summary {

    /** A {@code moof} larger than this is not one Kapture wrote; the rest of the file is not counted. */
    private static final int MAX_MOOF_BYTES = 16 << 20;

    /** Frames and milliseconds of playing time. */
    record Counts(long frames, long durationMillis) {
    }

    private Mp4Summary() {
    }

    /** Counts the samples and their durations in every {@code moof} of the file, in ticks of its one track. */
    static Counts of(FileChannel file) throws IOException {
        long size = file.size();
        long at = 0;
        long frames = 0;
        long endTicks = 0;
        long timescale = Mp4Header.TIMESCALE;
        ByteBuffer header = ByteBuffer.allocate(16);
        while (at + 8 <= size) {
            header.clear().limit(8);
            readFully(file, header, at);
            long boxSize = Integer.toUnsignedLong(header.getInt(0));
            int type = header.getInt(4);
            if (boxSize < 8 || at + boxSize > size) {
                break;
            }
            if (type == fourcc("moof") && boxSize <= MAX_MOOF_BYTES) {
                ByteBuffer moof = ByteBuffer.allocate((int) boxSize - 8);
                readFully(file, moof, at + 8);
                long[] fragment = fragment(moof.flip());
                frames += fragment[0];
                endTicks = Math.max(endTicks, fragment[1]);
            }
            at += boxSize;
        }
        return new Counts(frames, endTicks * 1000 / timescale);
    }

    /** Sample count and the decode time after the last sample of one {@code moof}'s contents. */
    private static long[] fragment(ByteBuffer moof) {
        long count = 0;
        long end = 0;
        for (ByteBuffer traf : children(moof, "traf")) {
            long base = 0;
            for (ByteBuffer tfdt : children(traf.duplicate(), "tfdt")) {
                base = tfdt.get(0) == 1 ? tfdt.getLong(4) : Integer.toUnsignedLong(tfdt.getInt(4));
            }
            for (ByteBuffer trun : children(traf.duplicate(), "trun")) {
                int flags = trun.getInt(0) & 0xFFFFFF;
                int samples = trun.getInt(4);
                int at = 8 + ((flags & 0x1) != 0 ? 4 : 0) + ((flags & 0x4) != 0 ? 4 : 0);
                int entry = Integer.bitCount(flags & 0xF00) * 4;
                long ticks = 0;
                for (int i = 0; i < samples && (flags & 0x100) != 0 && at + 4 <= trun.limit(); i++, at += entry) {
                    ticks += Integer.toUnsignedLong(trun.getInt(at));
                }
                count += samples;
                end = Math.max(end, base + ticks);
            }
        }
        return new long[] { count, end };
    }

    /** The contents of the child boxes of {@code type}, each as its own buffer. */
    private static List<ByteBuffer> children(ByteBuffer parent, String type) {
        List<ByteBuffer> found = new ArrayList<>();
        int wanted = fourcc(type);
        int at = parent.position();
        while (at + 8 <= parent.limit()) {
            int size = parent.getInt(at);
            if (size < 8 || at + size > parent.limit()) {
                break;
            }
            if (parent.getInt(at + 4) == wanted) {
                found.add(parent.slice(at + 8, size - 8));
            }
            at += size;
        }
        return found;
    }

    private static int fourcc(String code) {
        return code.charAt(0) << 24 | code.charAt(1) << 16 | code.charAt(2) << 8 | code.charAt(3);
    }

    private static void readFully(FileChannel file, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int read = file.read(buffer, at);
            if (read < 0) {
                throw new IOException("the file ended inside a box");
            }
            at += read;
        }
    }
}
