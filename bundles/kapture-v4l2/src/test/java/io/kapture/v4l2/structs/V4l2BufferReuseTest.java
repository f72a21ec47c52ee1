package io.kapture.v4l2.structs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.kapture.v4l2.V4l2;

/**
 * The capture path reuses one struct per call and, per frame, writes only what that call reads: a struct the
 * kernel has answered into (state flags set, other fields filled) must come out of {@link V4l2Buffer#requeue} as a
 * valid {@code QBUF} argument (no flags left over) and out of {@link V4l2Buffer#dequeueArguments} with type and
 * memory set, reserved fields as the kernel left them (zero).
 */
class V4l2BufferReuseTest {

    @Test
    void requeueClearsTheStateFlagsOfTheLastAnswerAndNamesTheBuffer() {
        V4l2Buffer buffer = answered();

        buffer.requeue(V4l2.BUF_TYPE_VIDEO_CAPTURE, V4l2.MEMORY_MMAP, 3);

        assertEquals(3, buffer.index());
        assertEquals(V4l2.BUF_TYPE_VIDEO_CAPTURE, buffer.type());
        assertEquals(V4l2.MEMORY_MMAP, buffer.memory());
        assertEquals(0, buffer.flags(), "QUEUED/MAPPED/DONE of the last answer must not go back to the driver");
        assertEquals(0, buffer.getInt(V4l2Buffer.RESERVED2));
        assertEquals(0, buffer.getInt(V4l2Buffer.REQUEST_FD));
    }

    @Test
    void dequeueArgumentsSetTypeAndMemory() {
        V4l2Buffer buffer = new V4l2Buffer();

        buffer.dequeueArguments(V4l2.BUF_TYPE_VIDEO_CAPTURE, V4l2.MEMORY_MMAP);

        assertEquals(V4l2.BUF_TYPE_VIDEO_CAPTURE, buffer.type());
        assertEquals(V4l2.MEMORY_MMAP, buffer.memory());
        assertEquals(0, buffer.getInt(V4l2Buffer.RESERVED2));
        assertEquals(0, buffer.getInt(V4l2Buffer.REQUEST_FD));
    }

    /** A struct as the kernel's answer to a QBUF or DQBUF leaves it. */
    private static V4l2Buffer answered() {
        V4l2Buffer buffer = new V4l2Buffer();
        buffer.prepare(V4l2.BUF_TYPE_VIDEO_CAPTURE, V4l2.MEMORY_MMAP, 1, null, 0);
        buffer.flags(V4l2.BUF_FLAG_MAPPED | V4l2.BUF_FLAG_QUEUED | V4l2.BUF_FLAG_DONE
                | V4l2.BUF_FLAG_TIMESTAMP_MONOTONIC);
        buffer.bytesUsed(460_800);
        buffer.sequence(41);
        buffer.timestampNanos(123_456_789_000L);
        return buffer;
    }
}
