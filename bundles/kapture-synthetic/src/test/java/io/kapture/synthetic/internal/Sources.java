package io.kapture.synthetic.internal;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.kapture.api.FrameFormat;
import io.kapture.api.PixelFormat;
import io.kapture.api.spi.CaptureSource;
import io.kapture.api.spi.DriverBuffer;
import io.kapture.api.spi.FormatRequest;
import io.kapture.synthetic.SyntheticFrames;

/** Test helpers around a provider with a fake clock. */
final class Sources {
    private Sources() {
    }

    /** Opens, negotiates and starts a source. */
    static SyntheticSource streaming(SyntheticSourceProvider provider, String device, Map<String, ?> options,
            int width, int height, PixelFormat format, double fps, int buffers) {
        SyntheticSource source = (SyntheticSource) provider.open(device, options);
        source.negotiate(new FormatRequest(width, height, format, fps));
        source.start(buffers);
        return source;
    }

    /** Dequeues without waiting. */
    static DriverBuffer now(CaptureSource source) throws InterruptedException {
        return source.dequeue(0, TimeUnit.MILLISECONDS);
    }

    /** The sequence number painted into a dequeued buffer. */
    static long painted(DriverBuffer buffer, FrameFormat format) {
        ByteBuffer data = buffer.memory().duplicate().limit(buffer.bytesUsed());
        return SyntheticFrames.sequenceOf(data, format);
    }
}
