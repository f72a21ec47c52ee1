package io.kapture.vivid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import io.kapture.api.FrameFormat;
import io.kapture.api.PixelFormat;
import io.kapture.testing.TestFrame;

class CpuMarksTest {

    private static final FrameFormat FORMAT = FrameFormat.of(4, 2, PixelFormat.YUYV);

    @Test
    void countsTheNumbersSkippedBeforeTheLastMeasuredFrameAndThoseOfTheFirstSecond() throws InterruptedException {
        CpuMarks marks = new CpuMarks(10, 12);
        // 0-3, then 12 (8 lost at start, as the issue saw), a repeat, 50 (36 lost, 27 of them at or after 40)
        long[] sequences = {0, 1, 2, 3, 12, 13, 13, 14, 50, 51, 52, 60};
        LongStream.of(sequences).forEach(sequence -> marks.onFrame(frame(sequence)));

        assertTrue(marks.await(0, TimeUnit.SECONDS));
        Map<String, Object> report = report(marks);
        assertEquals(12, report.get("in_frames"));
        assertEquals(0L, report.get("in_first_seq"));
        assertEquals(8L + 35, report.get("in_lost"), "51 is the 10th frame: 52 and 60 are not measured");
        assertEquals(8L + 25, report.get("in_lost_start"), "4-11 and 15-39");
        assertEquals(2L, report.get("in_gaps"));
        assertEquals("3->12", report.get("in_first_gap"));
        assertEquals(1L, report.get("in_repeats"));
        assertTrue(Double.parseDouble((String) report.get("in_steady_ms")) >= 0);
    }

    @Test
    void reportsNoSteadyStateBeforeTheLastMeasuredFrame() throws InterruptedException {
        CpuMarks marks = new CpuMarks(10, 12);
        LongStream.range(5, 9).forEach(sequence -> marks.onFrame(frame(sequence)));

        assertFalse(marks.await(0, TimeUnit.SECONDS));
        Map<String, Object> report = report(marks);
        assertEquals(4, report.get("in_frames"));
        assertEquals(5L, report.get("in_lost"), "the stream's first five numbers never arrived");
        assertFalse(report.containsKey("in_steady_ms"));
    }

    @Test
    void readsTheJitAndUptimeAtEachExtraMarkInFrameOrder() throws InterruptedException {
        long[] jit = {0};
        long[] uptime = {1000};
        CpuMarks marks = new CpuMarks(8, 10, new int[] {6, 1, 3, 99}, () -> jit[0] += 5, () -> uptime[0] += 25);
        LongStream.range(0, 10).forEach(sequence -> marks.onFrame(frame(sequence)));

        assertTrue(marks.await(0, TimeUnit.SECONDS));
        String[] read = ((String) report(marks).get("in_marks")).split(",");
        assertEquals(3, read.length, "frame 99 never came: " + String.join(",", read));
        String[] frames = new String[read.length];
        for (int i = 0; i < read.length; i++) {
            String[] fields = read[i].split(":");
            frames[i] = fields[0];
            assertEquals(String.valueOf(5 * (i + 1)), fields[2], "the JIT's time, read once per mark");
            assertEquals(String.valueOf(1000 + 25 * (i + 1)), fields[3], "the uptime, read once per mark");
            assertTrue(Double.parseDouble(fields[1]) > 0, "the process has used CPU");
        }
        assertEquals("1,3,6", String.join(",", frames));
    }

    @Test
    void reportsNoMarksWhenNoneWereAsked() throws InterruptedException {
        CpuMarks marks = new CpuMarks(4, 4);
        LongStream.range(0, 4).forEach(sequence -> marks.onFrame(frame(sequence)));

        assertTrue(marks.await(0, TimeUnit.SECONDS));
        assertFalse(report(marks).containsKey("in_marks"));
    }

    private static Map<String, Object> report(CpuMarks marks) {
        Map<String, Object> report = new LinkedHashMap<>();
        marks.report(report);
        return report;
    }

    private static TestFrame frame(long sequence) {
        return TestFrame.builder(FORMAT, new byte[FORMAT.imageSize()]).sequence(sequence).build();
    }
}
