package io.kapture.processor.recorder.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Builds ISO base media file format boxes (ISO/IEC 14496-12) in memory: big-endian fields, and boxes nested by
 * {@link #open}/{@link #close} pairs, each box's 32-bit size filled in when it is closed. Large sample data never
 * passes through here; only headers ({@code ftyp}, {@code moov}, {@code moof}, the {@code mdat} header) do.
 *
 * <p>Not thread-safe: one writer owns it; {@link #reset} makes it ready for the next boxes, keeping its memory.
 */
final class BoxBuffer {

    private byte[] bytes = new byte[512];
    private int length;
    private int[] openBoxes = new int[16];
    private int depth;

    /** Forgets what was written, keeping the memory for the next boxes. */
    BoxBuffer reset() {
        length = 0;
        depth = 0;
        return this;
    }

    /** Starts a box of {@code type} (four ASCII characters); its size is written by the matching {@link #close}. */
    BoxBuffer open(String type) {
        if (depth == openBoxes.length) {
            openBoxes = Arrays.copyOf(openBoxes, depth * 2);
        }
        openBoxes[depth++] = length;
        u32(0);
        return fourcc(type);
    }

    /** Starts a full box: a box with a version byte and 24 bits of flags. */
    BoxBuffer openFull(String type, int version, int flags) {
        open(type);
        return u32((version << 24) | (flags & 0xFFFFFF));
    }

    /** Ends the innermost open box, writing its size. */
    BoxBuffer close() {
        int start = openBoxes[--depth];
        putInt(start, length - start);
        return this;
    }

    BoxBuffer fourcc(String code) {
        byte[] ascii = code.getBytes(StandardCharsets.US_ASCII);
        if (ascii.length != 4) {
            throw new IllegalArgumentException("a box type has four characters, was '" + code + "'");
        }
        return bytes(ascii);
    }

    BoxBuffer u8(int value) {
        ensure(1);
        bytes[length++] = (byte) value;
        return this;
    }

    BoxBuffer u16(int value) {
        return u8(value >>> 8).u8(value);
    }

    BoxBuffer u32(long value) {
        ensure(4);
        putInt(length, (int) value);
        length += 4;
        return this;
    }

    BoxBuffer u64(long value) {
        return u32(value >>> 32).u32(value);
    }

    /** {@code count} zero bytes. */
    BoxBuffer zeros(int count) {
        ensure(count);
        Arrays.fill(bytes, length, length + count, (byte) 0);
        length += count;
        return this;
    }

    BoxBuffer bytes(byte[] data) {
        ensure(data.length);
        System.arraycopy(data, 0, bytes, length, data.length);
        length += data.length;
        return this;
    }

    /** Overwrites four bytes already written, at {@code offset} from the start (a size or an offset known later). */
    void putInt(int offset, int value) {
        bytes[offset] = (byte) (value >>> 24);
        bytes[offset + 1] = (byte) (value >>> 16);
        bytes[offset + 2] = (byte) (value >>> 8);
        bytes[offset + 3] = (byte) value;
    }

    int length() {
        return length;
    }

    /** A view of what was written; valid until the next change. */
    ByteBuffer view() {
        if (depth != 0) {
            throw new IllegalStateException(depth + " boxes are still open");
        }
        return ByteBuffer.wrap(bytes, 0, length);
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
