package io.kapture.pool.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the frame pool, PID {@code io.kapture.pool}; optional, changeable live. */
@ObjectClassDefinition(name = "Kapture frame pool",
        description = "Recycles frame buffers (heap and direct, by size class) so that steady capture allocates "
                + "nothing.")
@interface Config {

    /** 256 MiB. */
    long DEFAULT_MAX_BYTES = 256L * 1024 * 1024;

    @AttributeDefinition(name = "Byte budget", min = "0",
            description = "The most bytes of buffers the pool keeps: free ones plus pooled ones in use. Beyond it "
                    + "buffers are still handed out but not kept when given back. 0 keeps nothing. Lowering it "
                    + "lets free buffers go at once.")
    long max_bytes() default DEFAULT_MAX_BYTES;
}
