package io.kapture.v4l2.internal;

import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.sun.jna.Pointer;

import io.kapture.v4l2.Errno;
import io.kapture.v4l2.ErrnoException;
import io.kapture.v4l2.Libc;

/**
 * Retires a driver buffer's mapping at stop without ever leaving a hole under a {@link ByteBuffer} that may still
 * be read, and still unmaps every range in the end.
 *
 * <p>Why not a plain {@code munmap}: reading a {@link ByteBuffer} over an unmapped range crashes the JVM, and views
 * of a buffer escape (a zero-copy frame's {@code data()} is one; a careless listener may keep it past release). So
 * {@link #retire} replaces the range in one step by anonymous memory ({@code mmap(MAP_FIXED | MAP_ANONYMOUS)}): the
 * device's memory is released at once, a late reader sees zeros, untouched anonymous pages cost no memory. The
 * anonymous range is unmapped by a {@link Cleaner} once the buffer's root {@link ByteBuffer} is phantom reachable.
 * That is the JDK's own rule for {@code ByteBuffer.allocateDirect} memory and it holds for the same reason: every
 * view ({@code duplicate}, {@code slice}, {@code asReadOnlyBuffer}) references the root buffer it came from, and
 * the JDK's buffer accessors keep the buffer reachable while they touch its memory. Nothing in Kapture keeps a raw
 * address of a buffer without the buffer itself.
 *
 * <p>Threading: {@link #retire} from any thread; the unmapping runs on the cleaner's own thread; the counter is
 * atomic.
 */
final class RetiredMappings {

    private static final Logger LOG = LoggerFactory.getLogger(RetiredMappings.class);
    private static final Cleaner CLEANER = Cleaner.create();
    private static final AtomicInteger PENDING = new AtomicInteger();

    private RetiredMappings() {
    }

    /**
     * Replaces the range of {@code memory} (mapped at {@code address}, {@code length} bytes) by anonymous memory,
     * unmapped once {@code memory} and all its views are unreachable.
     *
     * @return false if the range could not be replaced: it then stays mapped to the device (logged), since
     *         unmapping it could crash a reader
     */
    static boolean retire(Libc libc, String device, Pointer address, long length, ByteBuffer memory) {
        try {
            libc.mmap(address, length, Libc.PROT_READ | Libc.PROT_WRITE,
                    Libc.MAP_PRIVATE | Libc.MAP_ANONYMOUS | Libc.MAP_FIXED, -1, 0);
        } catch (ErrnoException e) {
            LOG.warn("{}: replacing a buffer mapping by anonymous memory failed: {}; leaving it mapped rather than "
                    + "risk a reader crashing", device, Errno.describe(e.errno()));
            return false;
        }
        PENDING.incrementAndGet();
        CLEANER.register(memory, new Unmapper(libc, Pointer.nativeValue(address), length));
        return true;
    }

    /** Retired ranges not unmapped yet: some view of them may still be reachable. */
    static int pending() {
        return PENDING.get();
    }

    /** Unmaps one retired range; refers to its address as a number so that it keeps nothing reachable. */
    private record Unmapper(Libc libc, long address, long length) implements Runnable {
        @Override
        public void run() {
            try {
                libc.munmap(new Pointer(address), length);
            } catch (ErrnoException e) {
                LOG.warn("munmap of a retired buffer range ({} bytes) failed: {}", length, Errno.describe(e.errno()));
            } finally {
                PENDING.decrementAndGet();
            }
        }
    }
}
