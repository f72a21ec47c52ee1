package io.kapture.benchmarks;

import java.nio.ByteBuffer;

import io.kapture.api.Frame;
import io.kapture.api.FrameListener;

/**
 * A listener that touches each frame's first and last byte and counts frames, so benchmarks can wait for a
 * number of deliveries.
 *
 * <p>Threading: {@link #onFrame} runs on the listener's one delivery thread (the only writer of the count);
 * {@link #frames()} may be read from any thread.
 */
final class CountingListener implements FrameListener {
    private volatile long frames;
    private long checksum;

    @Override
    public void onFrame(Frame frame) {
        ByteBuffer data = frame.data();
        checksum += data.get(0) + data.get(data.limit() - 1);
        frames = frames + 1;
    }

    long frames() {
        return frames;
    }
}
