package io.kapture.v4l2.structs;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;

/**
 * A struct in native memory: either owned (allocated once, zeroed, freed by JNA when unreachable) or a view over
 * memory somebody else owns (the simulation uses views to read what a caller passed to {@code ioctl}).
 * Subclasses add typed accessors over their offsets; none allocates, so a struct can be reused for every frame.
 * Fields are read and written through a direct {@link ByteBuffer} over the memory, which the JIT compiles to plain
 * loads and stores: JNA's {@link Pointer} accessors cost a JNI call each (~200 ns per frame for the buffer structs,
 * measured; ~5 ns through the buffer).
 *
 * <p>Not thread-safe: one thread at a time fills, passes and reads a struct.
 */
public abstract class NativeStruct {

    private final Pointer pointer;
    private final ByteBuffer fields;
    private final int size;

    /** Allocates and zeroes {@code size} bytes. */
    protected NativeStruct(int size) {
        Memory memory = new Memory(size);
        memory.clear();
        this.pointer = memory;
        this.fields = fieldsOf(memory, size);
        this.size = size;
    }

    /** A view over {@code size} bytes at {@code pointer}. */
    protected NativeStruct(Pointer pointer, int size) {
        if (pointer == null) {
            throw new IllegalArgumentException("struct pointer must not be null");
        }
        this.pointer = pointer;
        this.fields = fieldsOf(pointer, size);
        this.size = size;
    }

    private static ByteBuffer fieldsOf(Pointer pointer, int size) {
        return pointer.getByteBuffer(0, size).order(ByteOrder.nativeOrder());
    }

    /** The address to pass to {@code ioctl}. */
    public final Pointer pointer() {
        return pointer;
    }

    /** The struct's size in bytes. */
    public final int size() {
        return size;
    }

    /** Zeroes the whole struct, as the V4L2 specification asks before most ioctls (reserved fields). */
    public final void clear() {
        int offset = 0;
        for (; offset + Long.BYTES <= size; offset += Long.BYTES) {
            fields.putLong(offset, 0L);
        }
        for (; offset < size; offset++) {
            fields.put(offset, (byte) 0);
        }
    }

    protected final int getInt(int offset) {
        return fields.getInt(offset);
    }

    protected final void setInt(int offset, int value) {
        fields.putInt(offset, value);
    }

    protected final int getUnsignedShort(int offset) {
        return fields.getShort(offset) & 0xffff;
    }

    protected final void setShort(int offset, int value) {
        fields.putShort(offset, (short) value);
    }

    protected final long getLong(int offset) {
        return fields.getLong(offset);
    }

    protected final void setLong(int offset, long value) {
        fields.putLong(offset, value);
    }

    protected final int getUnsignedByte(int offset) {
        return fields.get(offset) & 0xff;
    }

    protected final void setByte(int offset, int value) {
        fields.put(offset, (byte) value);
    }

    /** A pointer field; null for NULL. */
    protected final Pointer getPointer(int offset) {
        long address = fields.getLong(offset);
        return address == 0 ? null : new Pointer(address);
    }

    /** Sets a pointer field; the caller keeps what it points to reachable while the struct is used. */
    protected final void setPointer(int offset, Pointer value) {
        fields.putLong(offset, Pointer.nativeValue(value));
    }

    /** A NUL-terminated string of at most {@code length} bytes, as V4L2's {@code __u8 name[32]} fields hold. */
    protected final String getString(int offset, int length) {
        byte[] bytes = pointer.getByteArray(offset, length);
        int end = 0;
        while (end < length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8);
    }

    /** Writes a NUL-terminated string, cut to fit {@code length} bytes including the NUL. */
    protected final void setString(int offset, int length, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        int count = Math.min(bytes.length, length - 1);
        pointer.setMemory(offset, length, (byte) 0);
        pointer.write(offset, bytes, 0, count);
    }
}
