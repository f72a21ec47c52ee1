package io.kapture.api.encoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;

import org.junit.jupiter.api.Test;

class AnnexBTest {

    private static final byte[] SPS = { 0x67, 0x42, (byte) 0xC0, 0x1F, 0x01 };
    private static final byte[] PPS = { 0x68, (byte) 0xCE, 0x3C, (byte) 0x80 };
    private static final byte[] IDR = { 0x65, (byte) 0x88, 0x00, 0x00, 0x03, 0x01, 0x02 };

    @Test
    void splitsThreeAndFourByteStartCodesAndDropsTrailingZeros() {
        byte[] stream = concat(new byte[] { 0, 0, 0, 1 }, SPS, new byte[] { 0, 0, 1 }, PPS, new byte[] { 0, 0, 0, 0, 1 },
                IDR, new byte[] { 0, 0 });
        List<byte[]> nals = AnnexB.split(ByteBuffer.wrap(stream));

        assertEquals(3, nals.size());
        assertArrayEquals(SPS, nals.get(0));
        assertArrayEquals(PPS, nals.get(1));
        // an emulation-prevented 00 00 03 inside a NAL unit is not a start code
        assertArrayEquals(IDR, nals.get(2));
    }

    @Test
    void readsBetweenPositionAndLimitWithoutMovingThem() {
        ByteBuffer buffer = ByteBuffer.wrap(concat(new byte[] { 9, 9, 0, 0, 1 }, SPS, new byte[] { 7 }));
        buffer.position(2).limit(5 + SPS.length);

        assertArrayEquals(SPS, AnnexB.split(buffer).get(0));
        assertEquals(2, buffer.position());
    }

    @Test
    void refusesDataWithoutAStartCode() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> AnnexB.split(ByteBuffer.wrap(new byte[] { 0, 0, 0, 9, 0x67, 1 })));
        assertTrue(error.getMessage().contains("00 00 00 09"), error.getMessage());
    }

    @Test
    void parametersGiveSdpFields() {
        H264Parameters parameters = new H264Parameters(SPS, PPS);

        assertEquals("42c01f", parameters.profileLevelId());
        assertEquals("Z0LAHwE=,aM48gA==", parameters.spropParameterSets());
        assertEquals(66, parameters.profileIdc());
        assertEquals(31, parameters.levelIdc());
    }

    @Test
    void trackerPutsLatestParameterSetsBeforeKeyframesThatLackThem() {
        ParameterSetTracker tracker = new ParameterSetTracker();
        byte[] slice = { 0x41, 1 };

        assertEquals(List.of(SPS, PPS, IDR), tracker.complete(List.of(SPS, PPS, IDR), true));
        assertEquals(List.of(slice), tracker.complete(List.of(slice), false));
        List<byte[]> later = tracker.complete(List.of(IDR), true);

        assertEquals(List.of(SPS, PPS, IDR), later);
        assertEquals(new H264Parameters(SPS, PPS), tracker.parameters().orElseThrow());
    }

    @Test
    void trackerLeavesKeyframesAloneBeforeAnyParameterSet() {
        ParameterSetTracker tracker = new ParameterSetTracker();

        assertEquals(List.of(IDR), tracker.complete(List.of(IDR), true));
        assertTrue(tracker.parameters().isEmpty());
    }

    @Test
    void accessUnitWritesAnnexB() {
        AccessUnit unit = new AccessUnit(1, 2, true, List.of(SPS, PPS));

        assertArrayEquals(concat(new byte[] { 0, 0, 0, 1 }, SPS, new byte[] { 0, 0, 0, 1 }, PPS), unit.toAnnexB());
        assertEquals(SPS.length + PPS.length, unit.size());
        assertThrows(IllegalArgumentException.class, () -> new AccessUnit(1, 2, false, List.of()));
    }

    @Test
    void settingsNameTheWrongValue() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new EncoderSettings(5, 30, H264Profile.BASELINE, 30));
        assertTrue(error.getMessage().contains("bitrate"), error.getMessage());
        assertEquals(H264Profile.MAIN, H264Profile.parse(" main "));
        assertThrows(IllegalArgumentException.class, () -> H264Profile.parse("extended"));
    }

    private static byte[] concat(byte[]... parts) {
        int size = 0;
        for (byte[] part : parts) {
            size += part.length;
        }
        byte[] all = new byte[size];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
