package io.kapture.web.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The browser preview's configuration, PID {@code io.kapture.web}; optional. A change restarts the preview, which
 * ends open streams (the page reconnects them). Where the HTTP server listens is Pax Web's configuration
 * ({@code org.ops4j.pax.web}), not this one.
 */
@ObjectClassDefinition(name = "Kapture browser preview",
        description = "A page at /kapture/ listing the cameras with live statistics, and an MJPEG stream per"
                + " camera at /kapture/stream/<camera>.")
@interface Config {

    @AttributeDefinition(name = "Maximum preview rate (fps)", min = "0.1", max = "60",
            description = "Frames per second sent to each browser at most, 0.1 to 60, whatever the camera's rate.")
    double max_fps() default 10;

    @AttributeDefinition(name = "JPEG quality", min = "0.0", max = "1.0",
            description = "Quality of preview frames encoded from uncompressed cameras, 0.0 (smallest) to 1.0"
                    + " (best). MJPEG cameras' frames are sent as they come.")
    double jpeg_quality() default 0.7;

    @AttributeDefinition(name = "Maximum streams", min = "1", max = "100",
            description = "Streams open at the same time at most, over all cameras and browsers; each holds an"
                    + " HTTP thread and encodes its own frames. Further requests get 503.")
    int max_streams() default 8;

    @AttributeDefinition(name = "Allow remote browsers",
            description = "Whether to answer browsers on other machines. Off, only requests from a loopback"
                    + " address naming localhost, 127.0.0.1 or [::1] as host are answered, which also defeats DNS"
                    + " rebinding by web pages. The preview has no login: turn this on only behind your own"
                    + " authentication, or on a trusted network.")
    boolean allow_remote() default false;
}
