package io.kapture.vivid;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import io.kapture.api.Frame;
import io.kapture.api.FrameFormat;
import io.kapture.api.FrameListener;

/**
 * A frame listener for the compressed-stream checks: copies the frames' bytes (exactly the bytes the driver said it
 * used) with their corrupted flag and format, for checking after the stream stopped, until {@code wanted} of them are
 * whole (by the check's own test: a JPEG's start and end markers, an H.264 access unit's NAL units; for raw frames
 * every one) or twice that many frames came. Later frames are ignored.
 *
 * <p>Threading contract: {@link #onFrame} runs on the engine's delivery thread for this listener; the accessors are
 * for the checking thread after {@link #await} returned true (the latch is the happens-before edge) and are
 * synchronised for reads while frames still arrive.
 */
final class CompressedRecorder implements FrameListener {

    /** One recorded frame. */
    record Recorded(long sequence, byte[] bytes, boolean corrupted) {
    }

    private final int wanted;
    private final Predicate<byte[]> whole;
    private final CountDownLatch done;
    private final List<Recorded> frames = new ArrayList<>();
    private FrameFormat format;

    CompressedRecorder(int wanted, Predicate<byte[]> whole) {
        this.wanted = wanted;
        this.whole = whole;
        this.done = new CountDownLatch(wanted);
    }

    @Override
    public synchronized void onFrame(Frame frame) {
        if (done.getCount() == 0 || frames.size() >= 2 * wanted) {
            return;
        }
        ByteBuffer data = frame.data();
        byte[] bytes = new byte[data.remaining()];
        data.duplicate().get(bytes);
        format = frame.format();
        frames.add(new Recorded(frame.sequence(), bytes, frame.isCorrupted()));
        if (whole.test(bytes)) {
            done.countDown();
        }
    }

    /** Whether the bytes start with a JPEG's start-of-image marker and end with its end-of-image marker. */
    static boolean wholeJpeg(byte[] bytes) {
        int n = bytes.length;
        return n >= 4 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xD8 && (bytes[n - 2] & 0xff) == 0xFF
                && (bytes[n - 1] & 0xff) == 0xD9;
    }

    boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        return done.await(timeout, unit);
    }

    synchronized List<Recorded> frames() {
        return List.copyOf(frames);
    }

    synchronized FrameFormat format() {
        return format;
    }
}
