package io.kapture.processor.stats.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the stats processor, PID {@code io.kapture.processor.stats}; optional, changeable live. */
@ObjectClassDefinition(name = "Kapture stream statistics",
        description = "Measures frame rate, inter-frame jitter and sequence gaps of every camera.")
@interface Config {

    /** Smallest window accepted. */
    int MIN_WINDOW_SECONDS = 1;

    /** Largest window accepted: an hour. */
    int MAX_WINDOW_SECONDS = 3600;

    @AttributeDefinition(name = "Window (seconds)", min = "1", max = "3600",
            description = "Frame rate and jitter cover the frames of the last this many seconds, 1 to 3600.")
    int window_seconds() default 5;
}
