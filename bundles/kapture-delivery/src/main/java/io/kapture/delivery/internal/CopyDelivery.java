package io.kapture.delivery.internal;

import java.nio.ByteBuffer;

import io.kapture.api.Frame;
import io.kapture.api.spi.DeliveryContext;
import io.kapture.api.spi.DeliveryStrategy;
import io.kapture.api.spi.DriverBuffer;

/**
 * The {@code copy} strategy, the baseline the others are measured against: a new heap array per frame, the
 * driver buffer requeued before {@link #wrap} returns, the garbage collector reclaiming the array.
 *
 * <p>Threading contract: stateless; {@link #wrap} from any number of capture threads at once.
 */
public final class CopyDelivery implements DeliveryStrategy {

    @Override
    public Frame wrap(DriverBuffer buffer, DeliveryContext context) {
        long receivedNanos = System.nanoTime();
        CopiedFrame frame = new CopiedFrame();
        try {
            int bytesUsed = Wrapping.checkedBytesUsed(buffer, context);
            byte[] image = new byte[bytesUsed];
            buffer.memory().get(0, image, 0, bytesUsed);
            frame.fill(buffer, context, ByteBuffer.wrap(image), receivedNanos);
        } finally {
            context.requeue(buffer);
        }
        return frame.open(Wrapping.captureHolder());
    }
}
