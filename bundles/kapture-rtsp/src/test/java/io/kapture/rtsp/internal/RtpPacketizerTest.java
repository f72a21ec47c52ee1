package io.kapture.rtsp.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.kapture.api.encoder.AccessUnit;

class RtpPacketizerTest {

    @Test
    void smallNalUnitsGoWholeAndTheLastPacketOfAnAccessUnitIsMarked() {
        RtpPacketizer packetizer = new RtpPacketizer(100, 0x11223344, 65535, 1000);
        byte[] sps = { 0x67, 1, 2, 3 };
        byte[] pps = { 0x68, 4 };

        List<byte[]> packets = packetizer.packetize(new AccessUnit(0, 5_000_000_000L, true, List.of(sps, pps)));

        assertEquals(2, packets.size());
        assertEquals(0x80, packets.get(0)[0] & 0xFF, "RTP version 2");
        assertEquals(96, packets.get(0)[1] & 0xFF, "payload type 96, no marker");
        assertEquals(0x80 | 96, packets.get(1)[1] & 0xFF, "marker on the access unit's last packet");
        assertEquals(65535, sequence(packets.get(0)));
        assertEquals(0, sequence(packets.get(1)), "sequence numbers wrap at 16 bits");
        assertEquals(1000, timestamp(packets.get(0)));
        assertEquals(0x11223344, readInt(packets.get(0), 8));
        assertArrayEquals(sps, Arrays.copyOfRange(packets.get(0), 12, 16));
    }

    @Test
    void largeNalUnitsAreCutIntoFuAFragmentsThatJoinBackToTheNalUnit() {
        RtpPacketizer packetizer = new RtpPacketizer(100, 1, 0, 0);
        byte[] idr = new byte[1000];
        idr[0] = 0x65;
        for (int i = 1; i < idr.length; i++) {
            idr[i] = (byte) i;
        }
        packetizer.packetize(new AccessUnit(0, 0, true, List.of(new byte[] { 0x67, 1, 2, 3 })));

        List<byte[]> packets = packetizer.packetize(new AccessUnit(1, 33_333_333, true, List.of(idr)));

        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        joined.write(0x65);
        for (int i = 0; i < packets.size(); i++) {
            byte[] packet = packets.get(i);
            assertTrue(packet.length <= 100);
            assertEquals(0x60 | 28, packet[12] & 0xFF, "FU indicator: NRI of the NAL, type 28");
            int header = packet[13] & 0xFF;
            assertEquals(i == 0, (header & 0x80) != 0, "start bit of fragment " + i);
            assertEquals(i == packets.size() - 1, (header & 0x40) != 0, "end bit of fragment " + i);
            assertEquals(5, header & 0x1F, "the NAL's type");
            assertEquals(i == packets.size() - 1, (packet[1] & 0x80) != 0, "marker of fragment " + i);
            assertEquals(3000, timestamp(packet), "90 kHz: 1/30 s later is 3000 ticks");
            joined.write(packet, 14, packet.length - 14);
        }
        assertArrayEquals(idr, joined.toByteArray());
        assertThrows(IllegalArgumentException.class, () -> new RtpPacketizer(14, 1, 0, 0));
    }

    private static int sequence(byte[] packet) {
        return (packet[2] & 0xFF) << 8 | packet[3] & 0xFF;
    }

    private static int timestamp(byte[] packet) {
        return readInt(packet, 4);
    }

    private static int readInt(byte[] packet, int at) {
        return (packet[at] & 0xFF) << 24 | (packet[at + 1] & 0xFF) << 16 | (packet[at + 2] & 0xFF) << 8
                | packet[at + 3] & 0xFF;
    }
}
