package io.kapture.processor.recorder.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The RIFF structure, the index and the timing of files the writer makes, read back by {@link AviFile}. */
class AviWriterTest {

    @TempDir
    Path temp;

    @Test
    void framesOfOddAndEvenSizesAreChunkedPaddedAndIndexed() throws IOException {
        Path path = temp.resolve("a.avi");
        AviWriter writer = AviWriter.create(path, 320, 240);
        for (int i = 0; i < 25; i++) {
            writer.write(ByteBuffer.wrap(bytes(1000 + i, i)), i * 40_000_000L);
        }
        long promised = writer.bytes();
        writer.close();

        AviFile avi = new AviFile(path);
        assertEquals(promised, avi.fileSize, "bytes() told the final size");
        assertEquals(25, avi.frames.size());
        avi.assertIndexMatchesChunks();
        for (int i = 0; i < 25; i++) {
            assertArrayEquals(bytes(1000 + i, i), avi.frames.get(i));
        }
        assertEquals(25, avi.totalFrames);
        assertEquals(25, avi.length);
        assertEquals(1, avi.streams);
        assertEquals(0x10, avi.flags, "AVIF_HASINDEX");
        assertEquals(320, avi.width);
        assertEquals(240, avi.height);
        assertEquals("vids", avi.streamType);
        assertEquals("MJPG", avi.handler);
        assertEquals("MJPG", avi.compression);
        assertEquals(40_000, avi.microsPerFrame, "25 fps from the timestamps");
        assertEquals(1_000_000.0 / 40_000, (double) avi.rate / avi.scale, 1e-9);
    }

    @Test
    void theRateIsTheAverageOverTheFile() throws IOException {
        Path path = temp.resolve("uneven.avi");
        try (AviWriter writer = AviWriter.create(path, 16, 16)) {
            long[] times = { 0, 10_000_000, 50_000_000, 60_000_000, 100_000_000 };
            for (long time : times) {
                writer.write(ByteBuffer.wrap(bytes(10, 1)), time);
            }
            assertEquals(100_000_000, writer.durationNanos());
        }

        assertEquals(25_000, new AviFile(path).microsPerFrame, "100 ms over 4 intervals");
    }

    @Test
    void aCheckpointedFileThatWasNeverClosedIsReadableWithoutIndex() throws IOException {
        Path path = temp.resolve("crashed.avi");
        AviWriter writer = AviWriter.create(path, 64, 48);
        for (int i = 0; i < 3; i++) {
            writer.write(ByteBuffer.wrap(bytes(501, i)), i * 33_333_333L);
        }
        writer.checkpoint();

        AviFile avi = new AviFile(path);

        assertEquals(3, avi.frames.size());
        assertEquals(3, avi.totalFrames);
        assertEquals(0, avi.index.size());
        assertEquals(0, avi.flags, "no index promised");
        writer.close();
    }

    @Test
    void aWriteCutByAnInterruptLeavesAFileThatCloseStillFinishes() throws IOException {
        Path path = temp.resolve("interrupted.avi");
        AviWriter writer = AviWriter.create(path, 64, 48);
        for (int i = 0; i < 3; i++) {
            writer.write(ByteBuffer.wrap(bytes(500 + i, i)), i * 40_000_000L);
        }
        Thread.currentThread().interrupt();
        try {
            assertThrows(ClosedByInterruptException.class, () -> writer.write(ByteBuffer.wrap(bytes(600, 9)), 0));
        } finally {
            Thread.interrupted();
        }

        writer.close();

        AviFile avi = new AviFile(path);
        assertEquals(3, avi.frames.size(), "the frames written before the interrupt");
        avi.assertIndexMatchesChunks();
        assertEquals(0x10, avi.flags, "finished, with its index");
        assertArrayEquals(bytes(502, 2), avi.frames.get(2));
    }

    @Test
    void anEmptyFileIsStillValid() throws IOException {
        Path path = temp.resolve("empty.avi");
        AviWriter.create(path, 640, 480).close();

        AviFile avi = new AviFile(path);

        assertEquals(0, avi.frames.size());
        assertEquals(33_333, avi.microsPerFrame);
    }

    @Test
    void neverReplacesAFileNorWritesThroughALink() throws IOException {
        Path existing = Files.writeString(temp.resolve("taken.avi"), "mine");
        Path target = Files.writeString(temp.resolve("target"), "keep");
        Path link = Files.createSymbolicLink(temp.resolve("link.avi"), target);

        assertThrows(FileAlreadyExistsException.class, () -> AviWriter.create(existing, 16, 16));
        assertThrows(IOException.class, () -> AviWriter.create(link, 16, 16));

        assertEquals("mine", Files.readString(existing));
        assertEquals("keep", Files.readString(target));
        assertTrue(Files.isSymbolicLink(link));
    }

    private static byte[] bytes(int length, int seed) {
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++) {
            data[i] = (byte) (seed * 31 + i);
        }
        return data;
    }
}
