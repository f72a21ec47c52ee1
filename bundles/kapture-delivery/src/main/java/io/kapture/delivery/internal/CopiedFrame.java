package io.kapture.delivery.internal;

/**
 * A frame whose memory is a heap array of its own: nothing goes back anywhere, the garbage collector takes the
 * array once the last handle is gone.
 *
 * <p>Threading contract: as {@link SharedFrame}; used once, never refilled.
 */
final class CopiedFrame extends SharedFrame {

    @Override
    void recycle() {
        // the array is the frame's own: nothing to give back
    }
}
