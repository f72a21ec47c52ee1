package io.kapture.delivery.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.sun.jna.Platform;

/** Frame copies: the right bytes whatever the buffers, positions and limits untouched, libc used on Linux. */
class NativeCopyTest {

    private static final int BYTES = 100_003;

    @Test
    void onLinuxCopiesGoThroughLibc() {
        assumeTrue(Platform.isLinux(), "libc memcpy through JNA is checked on Linux");
        assertTrue(NativeCopy.usesLibc(), "JNA is on the class path, so memcpy must have been bound");
    }

    @ParameterizedTest
    @CsvSource({"true, true", "true, false", "false, true", "false, false"})
    void copiesExactlyTheFirstBytesOfAnyKindOfBuffer(boolean directSource, boolean directTarget) {
        ByteBuffer source = pattern(directSource, BYTES + 10, 7);
        ByteBuffer target = pattern(directTarget, BYTES + 10, 99);

        NativeCopy.copy(source, target, BYTES);

        assertEquals(source.duplicate().limit(BYTES), target.duplicate().limit(BYTES), "copied bytes");
        assertEquals(pattern(false, BYTES + 10, 99).position(BYTES), target.duplicate().position(BYTES),
                "bytes past the length untouched");
        assertEquals(0, target.position());
        assertEquals(BYTES + 10, target.limit());
    }

    @Test
    void aSourceWithAPositionIsStillCopiedFromIndexZero() {
        ByteBuffer source = pattern(true, BYTES, 3);
        source.position(17);
        ByteBuffer target = ByteBuffer.allocateDirect(BYTES);

        NativeCopy.copy(source, target, BYTES);

        assertEquals(pattern(false, BYTES, 3), target);
        assertEquals(17, source.position());
        assertEquals(BYTES, source.limit());
    }

    private static ByteBuffer pattern(boolean direct, int size, int seed) {
        ByteBuffer buffer = direct ? ByteBuffer.allocateDirect(size) : ByteBuffer.allocate(size);
        for (int i = 0; i < size; i++) {
            buffer.put(i, (byte) (i * 31 + seed));
        }
        return buffer;
    }
}
