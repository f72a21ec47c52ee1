package io.kapture.synthetic.internal.paint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CodeLayoutTest {

    @Test
    void wordsRoundTripAndCorruptionIsDetected() {
        for (long sequence : new long[] {0, 1, 255, 256, 65_537, 123_456_789, 0xFFFF_FFFFL}) {
            long word = CodeLayout.encode(sequence);
            assertEquals(sequence, CodeLayout.decode(word));
            assertEquals(-1, CodeLayout.decode(word ^ 1L << 20), "flipped sequence bit of " + sequence);
            assertEquals(-1, CodeLayout.decode(word ^ 1), "flipped check bit of " + sequence);
        }
        assertEquals(-1, CodeLayout.decode(0), "an all-black frame carries no code");
        assertEquals(-1, CodeLayout.decode((1L << CodeLayout.BITS) - 1), "an all-white frame carries no code");
    }

    @Test
    void onlyTheLow32BitsAreCarried() {
        assertEquals(5, CodeLayout.decode(CodeLayout.encode((1L << 32) + 5)));
    }

    @Test
    void blocksShrinkAndWrapOnSmallFrames() {
        CodeLayout wide = CodeLayout.of(640, 480);
        assertEquals(8, wide.blockSize());
        assertEquals(8, wide.height());
        assertEquals(new Rect(8 * 39, 0, 8, 8), wide.block(39));

        CodeLayout tiny = CodeLayout.of(16, 16);
        assertEquals(2, tiny.blockSize());
        assertEquals(new Rect(0, 2, 2, 2), tiny.block(8));
        assertTrue(tiny.height() <= 16);

        assertThrows(IllegalArgumentException.class, () -> CodeLayout.of(4, 4));
    }
}
