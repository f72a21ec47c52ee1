package io.kapture.vivid;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the video frames out of an AVI file as stored: the data of every {@code 00dc} chunk in the {@code movi}
 * list, in file order, without decoding. The passthrough check compares them with the camera's own JPEGs; ffmpeg
 * would not do here, as its MJPEG handling may rewrite a frame's headers on the way out.
 *
 * <p>Stateless; thread-safe.
 */
final class AviFrames {

    private AviFrames() {
    }

    /**
     * The frames of {@code file}.
     *
     * @throws CheckFailure if the file is not a RIFF AVI with a movi list, or a chunk runs past the end
     */
    static List<byte[]> read(Path file) throws IOException {
        ByteBuffer avi = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        CheckFailure.require(avi.remaining() >= 12 && fourcc(avi, 0).equals("RIFF") && fourcc(avi, 8).equals("AVI "),
                file.getFileName() + " is not a RIFF AVI file");
        List<byte[]> frames = new ArrayList<>();
        boolean movi = readList(avi, 12, avi.limit(), frames, file);
        CheckFailure.require(movi, file.getFileName() + " has no movi list");
        return frames;
    }

    /** Walks the chunks between {@code from} and {@code to}; returns whether a movi list was among them. */
    private static boolean readList(ByteBuffer avi, int from, int to, List<byte[]> frames, Path file) {
        boolean movi = false;
        int at = from;
        while (at + 8 <= to) {
            String id = fourcc(avi, at);
            int size = avi.getInt(at + 4);
            CheckFailure.require(size >= 0 && at + 8L + size <= to, file.getFileName() + ": chunk " + id + " at "
                    + at + " claims " + size + " bytes, past the end");
            if (id.equals("LIST") && size >= 4 && fourcc(avi, at + 8).equals("movi")) {
                movi = true;
                readList(avi, at + 12, at + 8 + size, frames, file);
            } else if (id.equals("00dc")) {
                byte[] frame = new byte[size];
                avi.get(at + 8, frame);
                frames.add(frame);
            }
            at += 8 + size + (size & 1);
        }
        return movi;
    }

    private static String fourcc(ByteBuffer avi, int at) {
        char[] chars = new char[4];
        for (int i = 0; i < 4; i++) {
            chars[i] = (char) (avi.get(at + i) & 0xff);
        }
        return new String(chars);
    }
}
