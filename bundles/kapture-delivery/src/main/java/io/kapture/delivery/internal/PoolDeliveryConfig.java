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
}
