package io.kapture.encoder.openh264.internal;

import com.sun.jna.Function;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;

/**
 * One OpenH264 encoder instance ({@code ISVCEncoder}): creation, the vtable calls Kapture makes, and destruction.
 * {@code ISVCEncoder} is a pointer to a table of function pointers whose first argument is the instance itself; the
 * table's order is that of {@code struct ISVCEncoderVtbl} in {@code codec_api.h}.
 *
 * <p>Not thread-safe: owned by one {@link OpenH264Encoder}, called by one thread at a time. {@link #close()} is
 * idempotent and releases the instance on every path.
 */
final class NativeEncoder implements AutoCloseable {

    private static final int INITIALIZE_EXT = 1;
    private static final int GET_DEFAULT_PARAMS = 2;
    private static final int UNINITIALIZE = 3;
    private static final int ENCODE_FRAME = 4;
    private static final int FORCE_INTRA_FRAME = 6;
    private static final int SET_OPTION = 7;

    /** Bytes of a pointer on the 64-bit platforms {@link OpenH264Library#load()} accepts. */
    private static final int POINTER_SIZE = 8;

    /** {@code cmResultSuccess}. */
    static final int SUCCESS = 0;

    private final Pointer instance;
    private final Function[] table;
    private boolean initialized;
    private boolean closed;

    private NativeEncoder(Pointer instance) {
        this.instance = instance;
        Pointer vtable = instance.getPointer(0);
        this.table = new Function[SET_OPTION + 1];
        for (int i = 0; i < table.length; i++) {
            table[i] = Function.getFunction(vtable.getPointer((long) i * POINTER_SIZE));
        }
    }

    /** Creates an encoder instance (not yet initialized). */
    static NativeEncoder create() {
        try (Memory out = new Memory(POINTER_SIZE)) {
            out.setLong(0, 0);
            int result = OpenH264Library.WelsCreateSVCEncoder(OpenH264Library.address(out));
            long instance = out.getLong(0);
            if (result != SUCCESS || instance == 0) {
                throw new IllegalStateException("OpenH264 could not create an encoder (WelsCreateSVCEncoder returned "
                        + result + ")");
            }
            return new NativeEncoder(new Pointer(instance));
        }
    }

    /** Fills {@code params} (an {@link EncoderParams} block) with the library's defaults. */
    void defaults(EncoderParams params) {
        check("GetDefaultParams", call(GET_DEFAULT_PARAMS, params.pointer()));
    }

    /** Initializes the encoder with {@code params}. */
    void initialize(EncoderParams params) {
        check("InitializeExt", call(INITIALIZE_EXT, params.pointer()));
        initialized = true;
    }

    /** Encodes one picture; the result code, {@link #SUCCESS} when the layers in {@code output} are valid. */
    int encode(Pointer sourcePicture, Pointer output) {
        return call(ENCODE_FRAME, sourcePicture, output);
    }

    /** Makes the next picture an IDR. */
    void forceIdr() {
        call(FORCE_INTRA_FRAME, 1);
    }

    /** Sets an {@code ENCODER_OPTION} to the value at {@code value}; the result code. */
    int setOption(int option, Pointer value) {
        return call(SET_OPTION, option, value);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (initialized) {
            invoke(UNINITIALIZE);
        }
        OpenH264Library.WelsDestroySVCEncoder(Pointer.nativeValue(instance));
    }

    private int call(int slot, Object... args) {
        if (closed) {
            throw new IllegalStateException("the OpenH264 encoder is closed");
        }
        return invoke(slot, args);
    }

    private int invoke(int slot, Object... args) {
        Object[] all = new Object[args.length + 1];
        all[0] = instance;
        System.arraycopy(args, 0, all, 1, args.length);
        return table[slot].invokeInt(all);
    }

    private static void check(String function, int result) {
        if (result != SUCCESS) {
            throw new IllegalArgumentException("OpenH264 refused the encoder settings (" + function + " returned "
                    + result + ")");
        }
    }
}
