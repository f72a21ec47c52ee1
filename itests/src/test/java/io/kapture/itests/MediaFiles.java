package io.kapture.itests;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

/**
 * What the processors leave behind, checked the way a viewer would: JPEG images that decode, AVI files whose
 * RIFF structure is complete (the size in the header is the file's, the frames are JPEGs, an index closes it), and
 * what ffprobe and ffmpeg make of a video file.
 * Files may vanish while they are listed (retention deletes old snapshots), which the listing tolerates.
 *
 * <p>Stateless; safe from any thread.
 */
final class MediaFiles {

    private MediaFiles() {
    }

    /** Regular files in {@code folder} whose names end with {@code suffix}, sorted by name; none if it is missing. */
    static List<Path> list(Path folder, String suffix) throws IOException {
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return found;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, "*" + suffix)) {
            for (Path entry : entries) {
                if (Files.isRegularFile(entry)) {
                    found.add(entry);
                }
            }
        }
        Collections.sort(found);
        return found;
    }

    /** A file's size, or -1 if it is gone. */
    static long size(Path file) throws IOException {
        try {
            return Files.size(file);
        } catch (NoSuchFileException gone) {
            return -1;
        }
    }

    /** Whether the bytes are one whole JPEG image (start and end markers) that decodes to the given size. */
    static boolean isJpeg(byte[] image, int width, int height) throws IOException {
        if (image.length < 4 || (image[0] & 0xff) != 0xFF || (image[1] & 0xff) != 0xD8
                || (image[image.length - 2] & 0xff) != 0xFF || (image[image.length - 1] & 0xff) != 0xD9) {
            return false;
        }
        java.awt.image.BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(image));
        return decoded != null && decoded.getWidth() == width && decoded.getHeight() == height;
    }

    /**
     * Describes what is wrong with a finished AVI file, or returns "" if it is whole: a RIFF AVI form whose size
     * is the file's, a {@code movi} list whose first chunk is a JPEG, and an {@code idx1} index of one 16-byte
     * entry per frame at the end.
     */
    static String aviProblems(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer data = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 256 || !fourcc(bytes, 0).equals("RIFF") || !fourcc(bytes, 8).equals("AVI ")) {
            return file + " is not a RIFF AVI file";
        }
        if (data.getInt(4) + 8L != bytes.length) {
            return file + ": RIFF size " + data.getInt(4) + " + 8 is not the file's size " + bytes.length;
        }
        int movi = indexOf(bytes, "movi");
        if (movi < 0 || !fourcc(bytes, movi + 4).equals("00dc") || (bytes[movi + 12] & 0xff) != 0xFF
                || (bytes[movi + 13] & 0xff) != 0xD8) {
            return file + ": no JPEG frame chunk at the start of the movi list";
        }
        int listSize = data.getInt(movi - 4);
        int index = movi + listSize;
        if (index + 8 > bytes.length || !fourcc(bytes, index).equals("idx1")) {
            return file + ": no idx1 index after the movi list of " + listSize + " bytes";
        }
        int indexSize = data.getInt(index + 4);
        if (indexSize <= 0 || indexSize % 16 != 0 || index + 8 + indexSize != bytes.length) {
            return file + ": idx1 of " + indexSize + " bytes does not end the file";
        }
        return "";
    }

    /** What ffprobe (Debian's) says of the first video stream, decoding every frame: codec_name, width, ... */
    static Map<String, String> probe(Path file) throws IOException, InterruptedException {
        String output = ffmpeg("ffprobe", "-v", "error", "-count_frames", "-select_streams", "v:0", "-show_entries",
                "stream=codec_name,width,height,nb_read_frames", "-of", "default=noprint_wrappers=1", file.toString());
        Map<String, String> values = new HashMap<>();
        for (String line : output.split("\\R")) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                values.put(line.substring(0, equals).trim(), line.substring(equals + 1).trim());
            }
        }
        return values;
    }

    /**
     * What ffmpeg reports decoding every frame ("" for a whole file); its null output keeps the file's time base,
     * so the irregular capture times an MP4 keeps are not taken for an error of the output side.
     */
    static String decodeErrors(Path file) throws IOException, InterruptedException {
        return ffmpeg("ffmpeg", "-v", "error", "-nostdin", "-i", file.toString(), "-enc_time_base", "-1", "-f",
                "null", "-").trim();
    }

    private static String ffmpeg(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + output);
            }
            return output;
        } finally {
            process.destroyForcibly();
        }
    }

    private static String fourcc(byte[] bytes, int at) {
        return new String(bytes, at, 4, StandardCharsets.US_ASCII);
    }

    private static int indexOf(byte[] bytes, String fourcc) {
        byte[] wanted = fourcc.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i + wanted.length <= bytes.length; i++) {
            if (bytes[i] == wanted[0] && bytes[i + 1] == wanted[1] && bytes[i + 2] == wanted[2]
                    && bytes[i + 3] == wanted[3]) {
                return i;
            }
        }
        return -1;
    }
}
