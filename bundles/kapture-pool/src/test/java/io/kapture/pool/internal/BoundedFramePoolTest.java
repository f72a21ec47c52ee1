package io.kapture.pool.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;

import org.junit.jupiter.api.Test;

import io.kapture.api.FramePool.BufferKind;
import io.kapture.api.FramePoolStats;

/** The pool on one thread: reuse, clearing, kinds, the budget and rejected releases. */
class BoundedFramePoolTest {

    private static final int FRAME = 1920 * 1080 * 2;
    private static final int FRAME_CLASS = 4 * 1024 * 1024;

    @Test
    void acquiredBufferIsClearedToTheAskedSize() {
        BoundedFramePool pool = new BoundedFramePool(64L << 20);
        ByteBuffer first = pool.acquire(FRAME, BufferKind.DIRECT);
        first.position(100).limit(200);
        pool.release(first);

        ByteBuffer again = pool.acquire(FRAME - 1000, BufferKind.DIRECT);

        assertSame(first, again);
        assertEquals(0, again.position());
        assertEquals(FRAME - 1000, again.limit());
        assertEquals(FRAME_CLASS, again.capacity());
        assertTrue(again.isDirect());
    }

    @Test
    void warmPoolServesFromFreeBuffers() {
        BoundedFramePool pool = new BoundedFramePool(64L << 20);
        ByteBuffer a = pool.acquire(FRAME, BufferKind.HEAP);
        ByteBuffer b = pool.acquire(FRAME, BufferKind.HEAP);
        pool.release(a);
        pool.release(b);

        for (int i = 0; i < 10; i++) {
            ByteBuffer x = pool.acquire(FRAME, BufferKind.HEAP);
            ByteBuffer y = pool.acquire(FRAME - 5000, BufferKind.HEAP);
            assertTrue((x == a || x == b) && (y == a || y == b) && x != y);
            pool.release(y);
            pool.release(x);
        }

        FramePoolStats stats = pool.stats();
        assertEquals(22, stats.gets());
        assertEquals(22, stats.returns());
        assertEquals(2, stats.allocations());
        assertEquals(0, stats.outstanding());
        assertEquals(2L * FRAME_CLASS, stats.bytesHeld());
        assertEquals(20.0 / 22, stats.hitRate(), 1e-9);
    }

    @Test
    void heapAndDirectBuffersAreKeptApart() {
        BoundedFramePool pool = new BoundedFramePool(64L << 20);
        ByteBuffer direct = pool.acquire(8192, BufferKind.DIRECT);
        pool.release(direct);

        ByteBuffer heap = pool.acquire(8192, BufferKind.HEAP);

        assertNotSame(direct, heap);
        assertFalse(heap.isDirect());
        assertTrue(heap.hasArray());
        assertEquals(2, pool.stats().allocations());
        assertEquals(1, pool.freeBuffers(8192, BufferKind.DIRECT));
    }

    @Test
    void budgetIsNeverExceededAndExtraBuffersAreLetGo() {
        BoundedFramePool pool = new BoundedFramePool(2L * FRAME_CLASS);
        ByteBuffer[] held = new ByteBuffer[3];
        for (int i = 0; i < held.length; i++) {
            held[i] = pool.acquire(FRAME, BufferKind.DIRECT);
            assertEquals(FRAME, held[i].limit());
        }
        assertEquals(2L * FRAME_CLASS, pool.stats().bytesHeld());

        for (ByteBuffer buffer : held) {
            pool.release(buffer);
        }

        FramePoolStats stats = pool.stats();
        assertEquals(3, stats.allocations());
        assertEquals(3, stats.returns());
        assertEquals(0, stats.outstanding());
        assertEquals(2L * FRAME_CLASS, stats.bytesHeld());
        assertEquals(2, pool.freeBuffers(FRAME, BufferKind.DIRECT));
    }

    @Test
    void bufferLargerThanTheBudgetIsStillHandedOutButNeverKept() {
        BoundedFramePool pool = new BoundedFramePool(1024);
        ByteBuffer buffer = pool.acquire(FRAME, BufferKind.HEAP);
        assertEquals(0, pool.stats().bytesHeld());

        pool.release(buffer);

        assertEquals(0, pool.stats().bytesHeld());
        assertEquals(0, pool.freeBuffers(FRAME, BufferKind.HEAP));
        assertNotSame(buffer, pool.acquire(FRAME, BufferKind.HEAP));
        assertEquals(2, pool.stats().allocations());
    }

    @Test
    void shrinkingTheBudgetLetsFreeBuffersGoAndUntracksOutstandingOnes() {
        BoundedFramePool pool = new BoundedFramePool(4L * FRAME_CLASS);
        ByteBuffer[] held = new ByteBuffer[4];
        for (int i = 0; i < held.length; i++) {
            held[i] = pool.acquire(FRAME, BufferKind.DIRECT);
        }
        pool.release(held[0]);
        pool.release(held[1]);

        pool.setMaxBytes(FRAME_CLASS);

        assertEquals(FRAME_CLASS, pool.stats().bytesHeld());
        assertEquals(FRAME_CLASS, pool.stats().maxBytes());
        pool.release(held[2]);
        pool.release(held[3]);
        FramePoolStats stats = pool.stats();
        assertEquals(FRAME_CLASS, stats.bytesHeld());
        assertEquals(1, pool.freeBuffers(FRAME, BufferKind.DIRECT));
        assertEquals(0, stats.outstanding());
    }

    @Test
    void growingTheBudgetKeepsMore() {
        BoundedFramePool pool = new BoundedFramePool(0);
        pool.setMaxBytes(2L * FRAME_CLASS);
        ByteBuffer a = pool.acquire(FRAME, BufferKind.HEAP);
        ByteBuffer b = pool.acquire(FRAME, BufferKind.HEAP);
        pool.release(a);
        pool.release(b);

        assertEquals(2, pool.freeBuffers(FRAME, BufferKind.HEAP));
        assertEquals(2L * FRAME_CLASS, pool.stats().bytesHeld());
    }

    @Test
    void readOnlyViewIsRejected() {
        BoundedFramePool pool = new BoundedFramePool(1 << 20);
        ByteBuffer buffer = pool.acquire(4096, BufferKind.DIRECT);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> pool.release(buffer.asReadOnlyBuffer()));
        assertTrue(e.getMessage().contains("read-only"), e.getMessage());
        assertEquals(1, pool.stats().outstanding());
    }

    @Test
    void foreignCapacityIsRejected() {
        BoundedFramePool pool = new BoundedFramePool(1 << 20);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> pool.release(ByteBuffer.allocate(FRAME)));
        assertTrue(e.getMessage().contains(String.valueOf(FRAME)), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> pool.release(ByteBuffer.allocate(8192).slice(0, 4096)));
        assertThrows(IllegalArgumentException.class, () -> pool.release(null));
        assertEquals(0, pool.stats().returns());
    }

    @Test
    void releaseWithoutAcquireIsRejected() {
        BoundedFramePool pool = new BoundedFramePool(1 << 20);

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> pool.release(ByteBuffer.allocateDirect(4096)));
        assertTrue(e.getMessage().contains("outstanding"), e.getMessage());
        assertEquals(0, pool.stats().outstanding());
        assertEquals(0, pool.stats().returns());
    }

    @Test
    void secondReleaseOfOneBufferIsRejectedEvenWhileOthersAreOutstanding() {
        BoundedFramePool pool = new BoundedFramePool(1 << 20);
        ByteBuffer a = pool.acquire(4096, BufferKind.HEAP);
        pool.acquire(4096, BufferKind.HEAP);
        pool.release(a);

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> pool.release(a));
        assertTrue(e.getMessage().contains("already released"), e.getMessage());
        assertEquals(1, pool.stats().outstanding());
    }

    @Test
    void impossibleRequestsAreRejected() {
        BoundedFramePool pool = new BoundedFramePool(1 << 20);

        assertThrows(IllegalArgumentException.class, () -> pool.acquire(-1, BufferKind.HEAP));
        assertThrows(IllegalArgumentException.class, () -> pool.acquire(Integer.MAX_VALUE, BufferKind.HEAP));
        assertThrows(IllegalArgumentException.class, () -> pool.acquire(100, null));
        assertThrows(IllegalArgumentException.class, () -> new BoundedFramePool(-1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> pool.setMaxBytes(-5));
        assertTrue(e.getMessage().contains("max.bytes"), e.getMessage());
        assertEquals(0, pool.stats().gets());
    }
}
