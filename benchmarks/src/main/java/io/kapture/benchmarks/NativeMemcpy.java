package io.kapture.benchmarks;

import java.nio.ByteBuffer;

import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;

/**
 * libc's {@code memcpy}, called through JNA direct mapping: the native reference line for copy costs. The call
 * overhead (tens of nanoseconds) is negligible next to copying a frame of hundreds of kilobytes.
 *
 * <p>Stateless; safe from any thread.
 */
final class NativeMemcpy {
    static {
        Native.register(Platform.C_LIBRARY_NAME);
    }

    private NativeMemcpy() {
    }

    private static native Pointer memcpy(Pointer destination, Pointer source, long length);

    /** The same function with the buffers as arguments (JNA reads their addresses natively), as the pool calls it. */
    private static native void memcpy(ByteBuffer destination, ByteBuffer source, long length);

    /** Copies {@code length} bytes between two direct buffers with libc's memcpy. */
    static void copy(ByteBuffer destination, ByteBuffer source, int length) {
        memcpy(Native.getDirectBufferPointer(destination), Native.getDirectBufferPointer(source), length);
    }

    /** Copies {@code length} bytes between two direct buffers, handing JNA the buffers themselves. */
    static void copyBuffers(ByteBuffer destination, ByteBuffer source, int length) {
        memcpy(destination, source, length);
    }
}
