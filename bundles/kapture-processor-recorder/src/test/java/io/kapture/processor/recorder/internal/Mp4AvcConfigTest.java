package io.kapture.processor.recorder.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.kapture.api.encoder.AnnexB;
import io.kapture.api.encoder.H264Nal;
import io.kapture.testing.SyntheticFeed;

/**
 * The {@code avcC} box of an MP4 file (ISO/IEC 14496-15 5.3.3.1): for the high profiles it ends with chroma format,
 * bit depths and the SPS extension count, read from the stream's SPS; for baseline it ends after the PPS list.
 * The streams are made by Debian's ffmpeg with libx264 (high, high 4:2:2) and by OpenH264 (baseline), and ffmpeg
 * reads the files back.
 */
class Mp4AvcConfigTest {

    @TempDir
    Path temp;

    @Test
    void aHighProfileFileCarriesChromaFormatAndBitDepths() throws Exception {
        // 4:2:0 (1), 8-bit luma and chroma, no SPS extension
        assertHighProfile("high", "yuv420p", 100, new byte[] { (byte) 0xFD, (byte) 0xF8, (byte) 0xF8, 0 },
                "High,yuv420p");
    }

    @Test
    void aHigh422FileSaysItsChromaFormatFromTheSps() throws Exception {
        // 4:2:2 (2), 8-bit luma and chroma, no SPS extension
        assertHighProfile("high422", "yuv422p", 122, new byte[] { (byte) 0xFE, (byte) 0xF8, (byte) 0xF8, 0 },
                "High 4:2:2,yuv422p");
    }

    /** libx264's stream in this profile, written to MP4: its avcC ends with {@code tail}, ffmpeg reads it clean. */
    private void assertHighProfile(String profile, String pixelFormat, int profileIdc, byte[] tail, String probed)
            throws IOException, InterruptedException {
        Path file = writeMp4(x264(profile, pixelFormat), profile + ".mp4");

        byte[] avcC = avcC(file);
        assertEquals(profileIdc, avcC[1] & 0xFF, "profile_idc");
        assertArrayEquals(tail, tail(avcC));
        assertEquals("", Ffprobe.decodeErrors(file));
        assertEquals(probed, probe(file));
    }

    @Test
    void aBaselineFileEndsItsAvcCAfterThePps() throws Exception {
        Path file = temp.resolve("baseline.mp4");
        Mp4Writer writer = Mp4Writer.create(file, H264Frames.WIDTH, H264Frames.HEIGHT);
        for (EncodedFrame frame : H264Frames.encode(10, 30)) {
            writer.write(frame);
        }
        writer.close();

        byte[] avcC = avcC(file);
        assertEquals(66, avcC[1] & 0xFF, "profile_idc");
        assertEquals(avcC.length, parameterSetsEnd(avcC), "nothing after the PPS list");
        assertEquals("", Ffprobe.decodeErrors(file));
    }

    /** The four bytes after the PPS list, which must end the box. */
    private static byte[] tail(byte[] avcC) {
        int end = parameterSetsEnd(avcC);
        assertEquals(avcC.length, end + 4, "four bytes after the PPS list");
        return Arrays.copyOfRange(avcC, end, end + 4);
    }

    /** Where the PPS list ends in an avcC's payload (after the box header). */
    private static int parameterSetsEnd(byte[] avcC) {
        ByteBuffer in = ByteBuffer.wrap(avcC);
        in.position(5);
        int spsCount = in.get() & 0x1F;
        for (int i = 0; i < spsCount; i++) {
            int length = in.getShort() & 0xFFFF;
            in.position(in.position() + length);
        }
        int ppsCount = in.get() & 0xFF;
        for (int i = 0; i < ppsCount; i++) {
            int length = in.getShort() & 0xFFFF;
            in.position(in.position() + length);
        }
        return in.position();
    }

    /** The avcC box's payload, found by its type in the file's header. */
    private static byte[] avcC(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        byte[] type = "avcC".getBytes(StandardCharsets.US_ASCII);
        for (int at = 4; at + 4 <= bytes.length; at++) {
            if (Arrays.equals(bytes, at, at + 4, type, 0, 4)) {
                int size = ByteBuffer.wrap(bytes, at - 4, 4).getInt();
                return Arrays.copyOfRange(bytes, at + 4, at - 4 + size);
            }
        }
        throw new AssertionError("no avcC box in " + file);
    }

    /** 20 frames of ffmpeg's test pattern from libx264 with this profile, as Annex B, without B-frames. */
    private byte[] x264(String profile, String pixelFormat) throws IOException, InterruptedException {
        Path out = temp.resolve(profile + ".h264");
        Process process = new ProcessBuilder("ffmpeg", "-v", "error", "-nostdin", "-f", "lavfi", "-i",
                "testsrc=size=320x240:rate=30", "-frames:v", "20", "-c:v", "libx264", "-profile:v", profile,
                "-pix_fmt", pixelFormat, "-bf", "0", "-g", "10", "-f", "h264", "-y", out.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0, output);
        return Files.readAllBytes(out);
    }

    /** The stream's access units (each ends with its one slice) written into an MP4 file, 1/30 s apart. */
    private Path writeMp4(byte[] annexB, String name) throws IOException {
        Path file = temp.resolve(name);
        Mp4Writer writer = Mp4Writer.create(file, H264Frames.WIDTH, H264Frames.HEIGHT);
        List<byte[]> unit = new ArrayList<>();
        int n = 0;
        for (byte[] nal : AnnexB.split(ByteBuffer.wrap(annexB))) {
            unit.add(nal);
            int type = H264Nal.type(nal);
            if (type == H264Nal.SLICE || type == H264Nal.IDR) {
                writer.write(new EncodedFrame(ByteBuffer.wrap(AvcSamples.of(unit)), n * SyntheticFeed.FRAME_NANOS,
                        0, n, H264Frames.WIDTH, H264Frames.HEIGHT, H264Nal.containsIdr(unit)));
                unit = new ArrayList<>();
                n++;
            }
        }
        writer.close();
        assertEquals(20, n, "access units in the stream");
        return file;
    }

    private static String probe(Path file) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries",
                "stream=profile,pix_fmt", "-of", "csv=p=0", file.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0, output);
        return output;
    }
}
