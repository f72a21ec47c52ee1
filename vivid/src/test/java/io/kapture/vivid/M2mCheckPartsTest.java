package io.kapture.vivid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.kapture.api.encoder.AccessUnit;

/** The parts the M2M guest checks judge with: the FWHT header reader and the synthetic frames' order mark. */
class M2mCheckPartsTest {

    private static AccessUnit unit(int magic1, int flags, int payload, int length) {
        ByteBuffer data = ByteBuffer.allocate(length);
        data.putInt(0, magic1).putInt(4, 0xffffffff).putInt(8, 3).putInt(12, 640).putInt(16, 480).putInt(20, flags)
                .putInt(40, payload);
        return new AccessUnit(1, 2, false, List.of(data.array()));
    }

    @Test
    void aVicodecHeaderIsReadAndCheckedAgainstTheBufferLength() {
        FwhtHeader intra = FwhtHeader.of(unit(0x4f4f4f4f, 1 << 10, 100, FwhtHeader.SIZE + 100));
        assertTrue(intra.valid());
        assertTrue(intra.intra());
        assertEquals(640, intra.width());
        assertEquals(480, intra.height());
        assertFalse(FwhtHeader.of(unit(0x4f4f4f4f, 0, 100, FwhtHeader.SIZE + 100)).intra());
        assertFalse(FwhtHeader.of(unit(0x4f4f4f4e, 0, 100, FwhtHeader.SIZE + 100)).valid(), "wrong magic");
        assertFalse(FwhtHeader.of(unit(0x4f4f4f4f, 0, 99, FwhtHeader.SIZE + 100)).valid(), "payload size mismatch");
        assertFalse(FwhtHeader.of(new AccessUnit(1, 2, false, List.of(new byte[8]))).valid(), "too short");
    }

    @Test
    void noEarlierFrameHasFrameNsLeadingEdgeBright() {
        // so in any other order some frame sits where an earlier one belongs, and that position looks dark
        SyntheticYuyv synthetic = new SyntheticYuyv(640, 480);
        for (int index = 1; index < 30; index++) {
            assertEquals(SyntheticYuyv.SQUARE_LUMA, synthetic.leadingEdgeLuma(synthetic.frame(index), 0, index), 0.01);
            assertTrue(synthetic.leadingEdgeLuma(synthetic.frame(index - 1), 0, index) < 100,
                    "frame " + (index - 1) + " must look dark where frame " + index + "'s square leads");
        }
    }
}
