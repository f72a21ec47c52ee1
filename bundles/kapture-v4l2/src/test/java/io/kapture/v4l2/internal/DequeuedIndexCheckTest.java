package io.kapture.v4l2.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.jna.Pointer;

import io.kapture.api.CaptureException;
import io.kapture.api.PixelFormat;
import io.kapture.api.spi.DriverBuffer;
import io.kapture.api.spi.FormatRequest;
import io.kapture.v4l2.Libc;
import io.kapture.v4l2.V4l2;
import io.kapture.v4l2.sim.ForwardingLibc;
import io.kapture.v4l2.sim.SimCamera;
import io.kapture.v4l2.sim.SimulatedKernel;
import io.kapture.v4l2.structs.V4l2Buffer;

/**
 * A driver that answers {@code DQBUF} with a buffer index the ring does not have, or with a buffer that is not
 * queued, is a misbehaving driver: the source reports it as a {@link CaptureException} naming the index (which the
 * engine answers by restarting the stream), instead of an array error on the capture thread or one buffer handed
 * to listeners twice. The simulation plays the driver; {@link IndexOverride} rewrites the index of one answer.
 *
 * <p>Runs on the test thread only.
 */
class DequeuedIndexCheckTest {

    private static final int BUFFERS = 4;

    @TempDir
    Path root;

    private IndexOverride libc;
    private V4l2Source source;

    @BeforeEach
    void startStreaming() {
        SimulatedKernel kernel = new SimulatedKernel(root);
        kernel.add(0, SimCamera.webcam("Sim Webcam"), null, null);
        libc = new IndexOverride(kernel);
        source = V4l2Source.open(libc, kernel.devRoot().resolve("video0").toString());
        source.negotiate(new FormatRequest(640, 480, PixelFormat.YUYV, 30));
        source.start(BUFFERS);
    }

    @AfterEach
    void close() {
        source.close();
    }

    @Test
    void anIndexOutsideTheRingIsReportedAsADriverFault() throws InterruptedException {
        source.queue(source.dequeue(1, TimeUnit.SECONDS));
        libc.nextDequeueAnswers(BUFFERS + 3);

        CaptureException fault = assertThrows(CaptureException.class, () -> source.dequeue(1, TimeUnit.SECONDS));

        assertTrue(fault.getMessage().contains("returned buffer index 7, but the stream has buffers 0 to 3"),
                fault.getMessage());
    }

    @Test
    void aBufferThatIsOutAlreadyIsNotHandedOutTwice() throws InterruptedException {
        DriverBuffer kept = source.dequeue(1, TimeUnit.SECONDS);
        int index = ((MappedBuffer) kept).index();
        libc.nextDequeueAnswers(index);

        CaptureException fault = assertThrows(CaptureException.class, () -> source.dequeue(1, TimeUnit.SECONDS));

        assertTrue(fault.getMessage().contains("returned buffer " + index + ", which was not queued (it is OUT)"),
                fault.getMessage());
        assertEquals(index, ((MappedBuffer) kept).index(), "the buffer kept out is still the listener's");
    }

    /** Passes every call to the simulation, rewriting the buffer index of the next successful DQBUF when asked. */
    private static final class IndexOverride extends ForwardingLibc {

        private int override = -1;

        IndexOverride(Libc kernel) {
            super(kernel);
        }

        void nextDequeueAnswers(int index) {
            override = index;
        }

        @Override
        public int ioctl(int fd, long request, Pointer argument) {
            int result = delegate.ioctl(fd, request, argument);
            if (request == V4l2.VIDIOC_DQBUF && result == 0 && override >= 0) {
                V4l2Buffer.at(argument).index(override);
                override = -1;
            }
            return result;
        }
    }
}
