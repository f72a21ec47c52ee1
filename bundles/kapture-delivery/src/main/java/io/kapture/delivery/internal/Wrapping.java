package io.kapture.delivery.internal;

import io.kapture.api.spi.DeliveryContext;
import io.kapture.api.spi.DriverBuffer;

/**
 * Checks shared by the strategies before they touch a driver buffer.
 *
 * <p>Threading contract: stateless, safe from any thread.
 */
final class Wrapping {

    private Wrapping() {
    }

    /**
     * The buffer's {@link DriverBuffer#bytesUsed()}, checked against its memory.
     *
     * @throws IllegalArgumentException if it is negative or beyond the buffer's capacity (a source bug)
     */
    static int checkedBytesUsed(DriverBuffer buffer, DeliveryContext context) {
        int bytesUsed = buffer.bytesUsed();
        int capacity = buffer.memory().capacity();
        if (bytesUsed < 0 || bytesUsed > capacity) {
            throw new IllegalArgumentException("driver buffer " + buffer.index() + " of camera " + context.camera()
                    + " reports " + bytesUsed + " bytes used but holds " + capacity
                    + " bytes: the capture source filled it wrongly");
        }
        return bytesUsed;
    }

    /** The name recorded for the handle a strategy returns: the capture thread's. */
    static String captureHolder() {
        return Thread.currentThread().getName();
    }
}
