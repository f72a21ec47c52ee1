package io.kapture.v4l2.internal;

import java.util.ArrayDeque;
import java.util.BitSet;

/**
 * Hands buffers back to a driver in the order it handed them out, for libcamera's V4L2 compatibility layer: its
 * {@code DQBUF} answers with its buffers in turn (0, 1, 2, ... round the ring) whichever libcamera completed, so a
 * buffer queued back out of order (a zero-copy frame a listener holds while later ones come back) made it name a
 * buffer Kapture had not queued, and the stream was restarted. With this, a buffer given back early waits until the
 * ones handed out before it are back; the driver then has fewer buffers, which the engine sees as a short queue (and
 * zero-copy delivery answers with copies), rather than a broken stream.
 *
 * <p>Not thread-safe: guarded by the ring's lock. Indices are small, so the boxed values are the JDK's cached ones
 * and the per-frame path allocates nothing.
 */
final class DequeueOrder {

    private final ArrayDeque<Integer> handedOut = new ArrayDeque<>();
    private final BitSet givenBack = new BitSet();

    /** The driver handed out buffer {@code index}. */
    void handedOut(int index) {
        handedOut.addLast(index);
    }

    /** The engine gave buffer {@code index} back. */
    void givenBack(int index) {
        givenBack.set(index);
    }

    /** Whether buffer {@code index} was given back and waits for those handed out before it. */
    boolean waiting(int index) {
        return givenBack.get(index);
    }

    /** The next buffer to queue to the driver, in the order they were handed out, or -1 if it is still out. */
    int next() {
        Integer oldest = handedOut.peekFirst();
        if (oldest == null || !givenBack.get(oldest)) {
            return -1;
        }
        handedOut.removeFirst();
        givenBack.clear(oldest);
        return oldest;
    }
}
