package io.kapture.api.spi;

import org.osgi.annotation.versioning.ProviderType;

import io.kapture.api.FrameFormat;

/**
 * What a capture session offers its {@link DeliveryStrategy}: the camera's identity and format, the driver's
 * buffer accounting and the way back to the driver.
 *
 * <p>Thread-safety: every method may be called from any thread.
 *
 * <p>Only a capture session implements this (the engine): a method added here is a minor change, so the
 * engine imports this package within its minor version while delivery strategies keep the major range.
 */
@ProviderType
public interface DeliveryContext {

    /** The camera's name. */
    String camera();

    /** The negotiated format of the frames. */
    FrameFormat format();

    /** Buffers queued to the driver now (ready to be filled), not counting the one being wrapped. */
    int queuedBuffers();

    /** The driver's buffers in all. */
    int bufferCount();

    /**
     * Gives a buffer back to the driver to be filled again. Call exactly once per wrapped buffer, from any
     * thread; after the session stopped this does nothing.
     */
    void requeue(DriverBuffer buffer);

    /** Counts a frame copied because the driver was running low on buffers (zero-copy's fallback). */
    void countFallbackCopy();

    /** Counts a frame taken back from a holder that kept it past its lease. */
    void countReclaimedLease();
}
