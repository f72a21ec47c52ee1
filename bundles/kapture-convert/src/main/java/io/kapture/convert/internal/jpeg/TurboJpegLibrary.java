package io.kapture.convert.internal.jpeg;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;

/**
 * The TurboJPEG 2.x C API of libjpeg-turbo ({@code libturbojpeg.so.0}, Debian package libturbojpeg0), bound with JNA
 * direct mapping. Pointers are passed as {@code long} addresses and C's {@code unsigned long} as {@code long}: exact on
 * 64-bit Linux (LP64), and it lets every call run without creating a Java object. {@link #load()} refuses other data
 * models, so the static methods are only called once it has returned.
 *
 * <p>The functions may be called from any thread, but one TurboJPEG handle must only be used by one thread at a time
 * (the library keeps per-handle state, including the last error message): {@link TurboCodec} owns that rule.
 */
final class TurboJpegLibrary {

    /** The shared object's name as Debian's libturbojpeg0 installs it (no unversioned link without the -dev package). */
    static final String NAME = "libturbojpeg.so.0";

    static final int SAMP_420 = 2;
    static final int SAMP_GRAY = 3;

    static final int PF_RGB = 0;
    static final int PF_BGR = 1;
    static final int PF_BGRX = 3;
    static final int PF_XRGB = 5;
    static final int PF_GRAY = 6;

    /** Never let the library reallocate the output buffer: it is ours, sized with {@link #tjBufSize}. */
    static final int FLAG_NOREALLOC = 1024;

    /** {@link #tjGetErrorCode}: the image is complete but may be damaged (as ImageIO's warnings). */
    static final int ERR_WARNING = 0;

    private static volatile boolean loaded;

    private TurboJpegLibrary() {
    }

    /**
     * Binds the functions, once.
     *
     * @throws UnsatisfiedLinkError if the library or one of its functions is missing, or this is not a 64-bit (LP64)
     *                              platform
     */
    static synchronized void load() {
        if (loaded) {
            return;
        }
        if (Native.POINTER_SIZE != 8 || Native.LONG_SIZE != 8) {
            throw new UnsatisfiedLinkError("the TurboJPEG binding passes pointers and C longs as 64-bit values; this "
                    + "platform has " + Native.POINTER_SIZE * 8 + "-bit pointers and " + Native.LONG_SIZE * 8
                    + "-bit longs");
        }
        Native.register(TurboJpegLibrary.class, NativeLibrary.getInstance(NAME));
        loaded = true;
    }

    /** The handle's last error, or the library's last global one for a 0 handle; only valid until the next call. */
    static String errorText(long handle) {
        long text = tjGetErrorStr2(handle);
        return text == 0 ? "no message" : new Pointer(text).getString(0).trim();
    }

    static native long tjInitCompress();

    static native long tjInitDecompress();

    static native int tjDestroy(long handle);

    static native long tjGetErrorStr2(long handle);

    static native int tjGetErrorCode(long handle);

    static native long tjBufSize(int width, int height, int jpegSubsamp);

    static native int tjCompress2(long handle, long srcBuf, int width, int pitch, int height, int pixelFormat,
            long jpegBufAddress, long jpegSizeAddress, int jpegSubsamp, int jpegQual, int flags);

    static native int tjCompressFromYUVPlanes(long handle, long srcPlanesAddress, int width, long stridesAddress,
            int height, int subsamp, long jpegBufAddress, long jpegSizeAddress, int jpegQual, int flags);

    static native int tjDecompressHeader3(long handle, long jpegBuf, long jpegSize, long widthAddress,
            long heightAddress, long jpegSubsampAddress, long jpegColorspaceAddress);

    static native int tjDecompress2(long handle, long jpegBuf, long jpegSize, long dstBuf, int width, int pitch,
            int height, int pixelFormat, int flags);
}
