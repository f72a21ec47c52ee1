package io.kapture.delivery.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration of the zero-copy delivery strategy, PID {@code io.kapture.delivery.zerocopy}; optional,
 * changeable live.
 */
@ObjectClassDefinition(name = "Kapture zero-copy delivery",
        description = "Hands listeners the driver's own buffers, copying only when the driver runs low and taking "
                + "back frames held too long.")
@interface ZeroCopyDeliveryConfig {

    @AttributeDefinition(name = "Minimum queued buffers", min = "0",
            description = "When fewer driver buffers than this are queued, a frame is copied into a pooled buffer "
                    + "and its driver buffer requeued at once, so the driver never runs dry. 0 never copies.")
    int min_queued() default 1;

    @AttributeDefinition(name = "Lease timeout (ms)", min = "1", max = "86400000",
            description = "A frame not released within this many milliseconds is taken back: its buffer goes "
                    + "back to the driver (a fallback copy's is dropped), its holders get IllegalStateException "
                    + "and a warning names them (once per holder, then a summary at most every minute). Applies "
                    + "to frames delivered after a change.")
    long lease_timeout_ms() default 5000;

    @AttributeDefinition(name = "Most bytes of fallback copies held", min = "0",
            description = "When fallback copies still held pin more pooled bytes than this, the oldest are taken "
                    + "back before their lease runs out, so that a holder who never releases cannot grow memory "
                    + "without end. Keep it within max.bytes of io.kapture.pool. Applies from the next copy.")
    long max_held_bytes() default PooledFrames.DEFAULT_MAX_HELD_BYTES;
}
