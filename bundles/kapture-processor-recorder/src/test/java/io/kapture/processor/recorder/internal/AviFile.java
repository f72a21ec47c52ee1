package io.kapture.processor.recorder.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

/**
 * An AVI file read back chunk by chunk, independently of {@link AviWriter}: the RIFF tree is walked by the sizes
 * in the file, every size is checked against where the next chunk really starts, and the frames are taken from
 * the 'movi' list (not from the index), so the index can be checked against them. Immutable after parsing.
 */
final class AviFile {

    final long riffSize;
    final long fileSize;
    final int microsPerFrame;
    final int flags;
    final int totalFrames;
    final int streams;
    final int width;
    final int height;
    final String streamType;
    final String handler;
    final int scale;
    final int rate;
    final int length;
    final String compression;
    /** Chunk positions in the file, and the frames' bytes, in file order. */
    final List<Integer> chunkOffsets = new ArrayList<>();
    final List<byte[]> frames = new ArrayList<>();
    /** idx1 entries: ckid, flags, offset from 'movi', size; empty if there is no idx1. */
    final List<int[]> index = new ArrayList<>();
    final List<String> indexIds = new ArrayList<>();
    final int moviFourcc;

    AviFile(Path path) throws IOException {
        ByteBuffer file = ByteBuffer.wrap(Files.readAllBytes(path)).order(ByteOrder.LITTLE_ENDIAN);
        fileSize = file.limit();
        expect(file, 0, "RIFF");
        riffSize = Integer.toUnsignedLong(file.getInt(4));
        expect(file, 8, "AVI ");
        expect(file, 12, "LIST");
        int hdrlEnd = 20 + file.getInt(16);
        expect(file, 20, "hdrl");
        expect(file, 24, "avih");
        assertEquals(56, file.getInt(28));
        microsPerFrame = file.getInt(32);
        flags = file.getInt(44);
        totalFrames = file.getInt(48);
        streams = file.getInt(56);
        width = file.getInt(64);
        height = file.getInt(68);
        expect(file, 88, "LIST");
        assertEquals(hdrlEnd, 96 + file.getInt(92), "strl ends where hdrl ends");
        expect(file, 96, "strl");
        expect(file, 100, "strh");
        assertEquals(56, file.getInt(104));
        streamType = fourcc(file, 108);
        handler = fourcc(file, 112);
        scale = file.getInt(128);
        rate = file.getInt(132);
        length = file.getInt(140);
        expect(file, 164, "strf");
        assertEquals(40, file.getInt(168));
        assertEquals(width, file.getInt(176));
        assertEquals(height, file.getInt(180));
        compression = fourcc(file, 188);
        assertEquals(hdrlEnd, 212, "hdrl holds exactly avih and one strl");
        expect(file, hdrlEnd, "LIST");
        int moviEnd = hdrlEnd + 8 + file.getInt(hdrlEnd + 4);
        moviFourcc = hdrlEnd + 8;
        expect(file, moviFourcc, "movi");
        int at = moviFourcc + 4;
        while (at < moviEnd) {
            expect(file, at, "00dc");
            int size = file.getInt(at + 4);
            byte[] data = new byte[size];
            file.get(at + 8, data);
            chunkOffsets.add(at);
            frames.add(data);
            at += 8 + size + (size & 1);
        }
        assertEquals(moviEnd, at, "the movi list's size matches its chunks");
        if (at < fileSize) {
            expect(file, at, "idx1");
            int entries = file.getInt(at + 4) / 16;
            for (int i = 0; i < entries; i++) {
                int entry = at + 8 + 16 * i;
                indexIds.add(fourcc(file, entry));
                index.add(new int[] { file.getInt(entry + 4), file.getInt(entry + 8), file.getInt(entry + 12) });
            }
            at += 8 + 16 * entries;
        }
        assertEquals(fileSize, at, "nothing after the last chunk");
        assertTrue(riffSize == fileSize - 8, "RIFF size " + riffSize + " for a file of " + fileSize + " bytes");
    }

    /** Checks that the index lists every frame chunk, in order, as a key frame, with its offset and size. */
    void assertIndexMatchesChunks() {
        assertEquals(frames.size(), index.size(), "one idx1 entry per frame");
        for (int i = 0; i < frames.size(); i++) {
            assertEquals("00dc", indexIds.get(i));
            assertEquals(0x10, index.get(i)[0], "key frame flag of entry " + i);
            assertEquals(chunkOffsets.get(i) - moviFourcc, index.get(i)[1], "offset of entry " + i);
            assertEquals(frames.get(i).length, index.get(i)[2], "size of entry " + i);
        }
    }

    /**
     * The whole frame chunks of a file cut short (by a crash: no index, sizes in the headers out of date), read
     * from the first chunk until the file ends or a chunk does.
     */
    static List<byte[]> wholeFramesOf(Path path) throws IOException {
        ByteBuffer file = ByteBuffer.wrap(Files.readAllBytes(path)).order(ByteOrder.LITTLE_ENDIAN);
        List<byte[]> whole = new ArrayList<>();
        int at = 224;
        while (at + 8 <= file.limit() && fourcc(file, at).equals("00dc")
                && at + 8L + file.getInt(at + 4) <= file.limit()) {
            byte[] data = new byte[file.getInt(at + 4)];
            file.get(at + 8, data);
            whole.add(data);
            at += 8 + data.length + (data.length & 1);
        }
        return whole;
    }

    static BufferedImage decode(byte[] jpeg) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(jpeg));
    }

    BufferedImage image(int frame) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(frames.get(frame)));
    }

    private static void expect(ByteBuffer file, int at, String code) {
        assertEquals(code, fourcc(file, at), "fourcc at " + at);
    }

    private static String fourcc(ByteBuffer file, int at) {
        char[] chars = new char[4];
        for (int i = 0; i < 4; i++) {
            chars[i] = (char) file.get(at + i);
        }
        return new String(chars);
    }
}
