package io.kapture.benchmarks;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import io.kapture.api.FrameFormat;
import io.kapture.synthetic.internal.paint.DirtyRegions;
import io.kapture.synthetic.internal.paint.FramePainter;
import io.kapture.synthetic.internal.paint.Pattern;

/**
 * What the synthetic camera spends painting one YUYV frame (bars, moving box, code and digits) into a buffer it
 * painted before: the part of every pipeline and latency figure that a real camera does not cost the host.
 *
 * <p>JMH owns the threading: one state per benchmark thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PaintBenchmark {

    @Param({FrameSizes.VGA, FrameSizes.FULL_HD, FrameSizes.UHD})
    public String size;

    private FramePainter painter;
    private ByteBuffer[] images;
    private DirtyRegions[] dirty;
    private long sequence = 1_000_000;

    @Setup(Level.Trial)
    public void setUp() {
        FrameFormat format = FrameSizes.yuyv(size);
        painter = FramePainter.of(format, Pattern.BARS_AND_BOX, 128);
        images = new ByteBuffer[] {ByteBuffer.allocateDirect(format.imageSize()),
            ByteBuffer.allocateDirect(format.imageSize())};
        dirty = new DirtyRegions[] {new DirtyRegions(), new DirtyRegions()};
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        painter.close();
    }

    @Benchmark
    public int paintFrame() {
        long next = sequence++;
        int slot = (int) (next & 1);
        return painter.paint(images[slot], dirty[slot], next);
    }
}
