package io.kapture.health.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The tolerances of the health checks, PID {@code io.kapture.health}; optional, and applied live.
 */
@ObjectClassDefinition(name = "Kapture health",
        description = "When /kapture/health and kapture:health report the node as failing: cameras that should run"
                + " but do not, stalled or slow cameras, listeners losing frames, a nearly full storage directory.")
@interface Config {

    @AttributeDefinition(name = "Start-up grace (ms)", min = "0",
            description = "After a stream (re)starts, how long its frame rate is not judged: a device needs a moment"
                    + " to deliver at its rate.")
    long startup_grace_ms() default 5000;

    @AttributeDefinition(name = "Lowest frame rate ratio", min = "0", max = "1",
            description = "A running camera whose measured frame rate is below this share of its configured rate"
                    + " fails (0.5: a 30 fps camera fails below 15 fps). 0 turns the check off. Cameras configured"
                    + " with fps = 0 (as fast as the device delivers) are not judged.")
    double min_fps_ratio() default 0.5;

    @AttributeDefinition(name = "Highest drop ratio", min = "0", max = "1",
            description = "A listener fails when more than this share of the frames offered to it in the window"
                    + " were dropped (queue full, block timeout, taken back, delivery thread ended; frames"
                    + " discarded at a stop do not count). 1 turns the check off.")
    double max_drop_ratio() default 0.1;

    @AttributeDefinition(name = "Highest corrupted ratio", min = "0", max = "1",
            description = "A camera fails when more than this share of the frames it captured in the window were"
                    + " flagged corrupted by the driver. 1 turns the check off.")
    double max_corrupt_ratio() default 0.05;

    @AttributeDefinition(name = "Window (ms)", min = "1000",
            description = "The window drop and corruption ratios are measured over: from the newest evaluation at"
                    + " least this old (or the stream's start) to now.")
    long window_ms() default 60000;

    @AttributeDefinition(name = "Fewest frames judged", min = "1",
            description = "A listener offered, or a camera capturing, fewer frames than this in the window is not"
                    + " judged by its ratio.")
    long min_frames() default 30;

    @AttributeDefinition(name = "Lowest free storage (%)", min = "0", max = "100",
            description = "The file system holding kapture.storage.dir fails when less than this percentage of it"
                    + " is free for Kapture. 0 turns the check off.")
    double storage_min_free_percent() default 5;
}
