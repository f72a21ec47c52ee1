package io.kapture.delivery.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import io.kapture.api.FramePool.BufferKind;

/** Configuration of the pool delivery strategy, PID {@code io.kapture.delivery.pool}; optional, changeable live. */
@ObjectClassDefinition(name = "Kapture pool delivery",
        description = "Copies each frame into a buffer from the frame pool and gives the driver buffer back at once.")
@interface PoolDeliveryConfig {

    @AttributeDefinition(name = "Buffer kind",
            description = "Where pooled frame memory lives: DIRECT (native memory, the cheapest copy from a driver "
                    + "buffer) or HEAP (byte[]-backed, for code that wants the array). Applies from the next frame.")
    BufferKind buffer_kind() default BufferKind.DIRECT;

    @AttributeDefinition(name = "Most bytes of frames held", min = "0",
            description = "When frames still held by listeners pin more pooled bytes than this, the oldest are "
                    + "taken back: their holders get IllegalStateException and a warning names them (once per "
                    + "holder, then a summary at most every minute), so that a listener that never releases cannot "
                    + "grow memory without end. Pool frames are never taken back for their age. Keep it within "
                    + "max.bytes of io.kapture.pool. Applies from the next frame.")
    long max_held_bytes() default PooledFrames.DEFAULT_MAX_HELD_BYTES;
}
