package io.kapture.delivery.internal;

import java.nio.ByteBuffer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.sun.jna.Native;
import com.sun.jna.Platform;

/**
 * Copies a frame between two buffers as fast as the platform allows. Between direct buffers it calls the C
 * library's {@code memcpy} through JNA direct mapping: for frames of a few hundred kilobytes, which stay in the CPU
 * caches, glibc's memcpy is about 15 % faster than the JDK's bulk {@link ByteBuffer#put(int, ByteBuffer, int, int)}
 * copy loop (measured by the benchmarks module), and the call costs about 0.1 µs. Heap buffers, buffers whose
 * position is not 0 (JNA passes a direct buffer's address at its position) and runtimes without JNA take the JDK's
 * bulk put.
 *
 * <p>Stateless; safe from any thread. Allocates nothing: JNA reads the buffers' addresses in native code.
 */
final class NativeCopy {

    private static final Logger LOG = LoggerFactory.getLogger(NativeCopy.class);

    private static final boolean AVAILABLE = LibC.load();

    private NativeCopy() {
    }

    /**
     * Copies {@code length} bytes from index 0 of {@code source} to index 0 of {@code target}; positions and limits
     * stay as they were. The caller has checked that both buffers hold {@code length} bytes.
     */
    static void copy(ByteBuffer source, ByteBuffer target, int length) {
        if (AVAILABLE && source.isDirect() && target.isDirect() && source.position() == 0 && target.position() == 0
                && !target.isReadOnly()) {
            LibC.memcpy(target, source, length);
        } else {
            target.put(0, source, 0, length);
        }
    }

    /** Whether copies between direct buffers go through libc; for tests and logs. */
    static boolean usesLibc() {
        return AVAILABLE;
    }

    /** The direct-mapped natives, in their own class so that a missing JNA fails here and nowhere else. */
    private static final class LibC {

        static native void memcpy(ByteBuffer target, ByteBuffer source, long length);

        static boolean load() {
            try {
                Native.register(LibC.class, Platform.C_LIBRARY_NAME);
                return true;
            } catch (LinkageError | RuntimeException e) {
                LOG.info("Pooled frame copies use ByteBuffer.put: the C library's memcpy is not reachable through JNA"
                        + " ({})", e.toString());
                return false;
            }
        }
    }
}
