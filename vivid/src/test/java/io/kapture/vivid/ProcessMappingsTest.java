package io.kapture.vivid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessMappingsTest {

    private static final List<String> MAPS = List.of(
            "55d0c0a00000-55d0c0a01000 r--p 00000000 fe:01 1234   /usr/bin/java",
            "7f0000000000-7f0000096000 rw-s 00000000 00:05 17     /dev/video0",
            "7f0000096000-7f000012c000 rw-s 00096000 00:05 17     /dev/video0",
            "7f000012c000-7f00001c2000 rw-s 00000000 00:05 17     /dev/video01",
            "7f00001c2000-7f0000258000 r--s 00000000 00:0d 99     /dmabuf:",
            "7f0000258000-7f00002ee000 r--s 00000000 00:0d 98     anon_inode:dmabuf",
            "7ffc00000000-7ffc00021000 rw-p 00000000 00:00 0      [stack]",
            "7ffc00021000-7ffc00022000 rw-p 00000000 00:00 0");

    @Test
    void countsOnlyTheDevicesOwnMappings() {
        assertEquals(2, ProcessMappings.ofDevice(MAPS, "/dev/video0"));
        assertEquals(0, ProcessMappings.ofDevice(MAPS, "/dev/video2"));
    }

    @Test
    void readsTheAddressRangesOfTheDevicesMappings() {
        List<long[]> ranges = ProcessMappings.rangesOf(MAPS, "/dev/video0");

        assertEquals(2, ranges.size());
        assertEquals(0x7f0000000000L, ranges.get(0)[0]);
        assertEquals(0x7f0000096000L, ranges.get(0)[1]);
        assertEquals(0x7f000012c000L, ranges.get(1)[1]);
    }

    @Test
    void countsDmabufMappingsUnderBothNames() {
        assertEquals(2, ProcessMappings.ofDmabufs(MAPS));
    }

    @Test
    void readsThisProcesssOwnMaps() throws IOException {
        assertEquals(0, ProcessMappings.ofDevice("/dev/no-such-device"));
    }

    @Test
    void countsOpenDescriptorsOfAFile(@TempDir Path folder) throws IOException {
        Path file = Files.writeString(folder.resolve("node"), "x");
        assertEquals(0, ProcessMappings.descriptorsOf(file.toString()));
        try (FileChannel first = FileChannel.open(file); FileChannel second = FileChannel.open(file)) {
            assertEquals(2, ProcessMappings.descriptorsOf(file.toString()));
        }
        assertEquals(0, ProcessMappings.descriptorsOf(file.toString()));
    }
}
