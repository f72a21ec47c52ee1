package io.kapture.encoder.openh264.internal;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;

/**
 * The C entry points of Cisco's OpenH264 ({@code libopenh264.so.7}, Debian package libopenh264-7), bound with JNA
 * direct mapping; the encoder's methods are a C++ vtable reached through {@link NativeEncoder}. Pointers are passed
 * as {@code long} addresses, exact on 64-bit Linux; {@link #load()} refuses other platforms, so the static methods
 * are only called once it has returned.
 *
 * <p>The entry points may be called from any thread; one encoder must only be used by one thread at a time.
 */
final class OpenH264Library {

    /** The shared object's name as Debian's libopenh264-7 installs it (no unversioned link without the -dev package). */
    static final String NAME = "libopenh264.so.7";

    private static volatile String version;

    private OpenH264Library() {
    }

    /**
     * Binds the functions once and returns the library's version, for example {@code 2.3.1}.
     *
     * @throws UnsatisfiedLinkError if the library or a function is missing, or this is not a 64-bit platform
     */
    static synchronized String load() {
        if (version != null) {
            return version;
        }
        if (Native.POINTER_SIZE != 8) {
            throw new UnsatisfiedLinkError("the OpenH264 binding passes pointers as 64-bit values; this platform has "
                    + Native.POINTER_SIZE * 8 + "-bit pointers");
        }
        Native.register(OpenH264Library.class, NativeLibrary.getInstance(NAME));
        try (Memory versionStruct = new Memory(16)) {
            WelsGetCodecVersionEx(address(versionStruct));
            version = versionStruct.getInt(0) + "." + versionStruct.getInt(4) + "." + versionStruct.getInt(8);
        }
        return version;
    }

    static long address(Memory memory) {
        return Pointer.nativeValue(memory);
    }

    /** {@code int WelsCreateSVCEncoder(ISVCEncoder** ppEncoder)}: 0 on success. */
    static native int WelsCreateSVCEncoder(long encoderOut);

    /** {@code void WelsDestroySVCEncoder(ISVCEncoder* pEncoder)}. */
    static native void WelsDestroySVCEncoder(long encoder);

    /** {@code void WelsGetCodecVersionEx(OpenH264Version* pVersion)}: four unsigned ints, major first. */
    static native void WelsGetCodecVersionEx(long versionOut);
}
