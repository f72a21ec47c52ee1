package io.kapture.api.spi;

import org.osgi.annotation.versioning.ConsumerType;

import io.kapture.api.Frame;

/**
 * Turns a filled driver buffer into a {@link Frame} and decides when the buffer goes back to the driver.
 * Registered as a service with property {@link #PROPERTY} naming the strategy; cameras choose one by name.
 *
 * <p>Threading contract: {@link #wrap} is called on a session's capture thread only, one call at a time per
 * session, but one strategy serves many sessions at once. Frames it returns are released from any thread.
 */
@ConsumerType
public interface DeliveryStrategy {

    /** Service property naming the strategy. */
    String PROPERTY = "kapture.delivery";

    /** A fresh heap array per frame; the driver buffer is requeued at once. */
    String COPY = "copy";
    /** A copy into a pooled buffer; the driver buffer is requeued at once. */
    String POOL = "pool";
    /** The driver buffer itself; requeued when the last handle is released. */
    String ZEROCOPY = "zerocopy";

    /**
     * Makes a frame of a filled buffer. The returned frame is one handle, owned by the caller. The strategy
     * takes over the buffer: it must see to it that {@code context.requeue(buffer)} is called exactly once,
     * either before returning or when the frame's last handle is released (or its lease is taken back).
     *
     * @param buffer  the buffer just dequeued
     * @param context the session's side: camera, format, requeue
     * @return a frame with one handle held by the caller
     */
    Frame wrap(DriverBuffer buffer, DeliveryContext context);

    /**
     * Whether frames of this strategy may be the driver's buffers themselves, held by listeners past {@link #wrap}
     * (zero-copy). The engine does not deliver with such a strategy from a source whose buffers cannot be lent
     * ({@link CaptureSource#whyBuffersCannotBeLent()}): it takes a copying one ({@link #POOL}, else {@link #COPY})
     * and says so. The default suits strategies that give the buffer back before {@link #wrap} returns.
     *
     * @since io.kapture.api.spi 1.2.0
     */
    default boolean lendsDriverBuffers() {
        return false;
    }

    /**
     * The session behind {@code context} is stopping: give back every buffer this strategy still holds for it
     * (requeue them; leased frames become released, so their holders get {@link IllegalStateException}). After
     * this returns the strategy never touches the context's memory again. Called on the session's control
     * thread. The default suits strategies that never hold driver buffers past {@link #wrap}.
     */
    default void close(DeliveryContext context) {
    }
}
