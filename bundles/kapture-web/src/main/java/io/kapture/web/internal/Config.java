package io.kapture.web.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The configuration of Kapture's web endpoints, PID {@code io.kapture.web}; optional. The preview
 * ({@link PreviewServlet}) reads the stream settings, and a change restarts it, which ends open streams (the page
 * reconnects them); the {@link AccessGate} reads who may connect and applies a change to the next request. Where
 * the HTTP server listens is Pax Web's configuration ({@code org.ops4j.pax.web}), not this one.
 */
@ObjectClassDefinition(name = "Kapture browser preview",
        description = "A page at /kapture/ listing the cameras with live statistics, and an MJPEG stream per"
                + " camera at /kapture/stream/<camera>; and who may use any endpoint under /kapture/ from other"
                + " machines.")
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
                    + " rebinding by web pages. On, every other request must log in (HTTP Basic) as a user of the"
                    + " JAAS realm with the viewer or admin role; turn on TLS in Pax Web too, or the password"
                    + " crosses the network readable.")
    boolean allow_remote() default false;

    @AttributeDefinition(name = "JAAS realm",
            description = "The JAAS realm remote browsers log in to: karaf, the console's users, unless you"
                    + " deployed a realm of your own.")
    String jaas_realm() default "karaf";

    @AttributeDefinition(name = "Viewer role",
            description = "The role (a JAAS role principal, given to a user directly or through a group) that may"
                    + " watch from another machine: the page, streams, statistics and every other GET under"
                    + " /kapture/.")
    String viewer_role() default "kapture-viewer";

    @AttributeDefinition(name = "Admin role",
            description = "The role that may also control from another machine: every request under /kapture/"
                    + " that changes something (any method but GET, HEAD and OPTIONS). It includes the viewer"
                    + " role.")
    String admin_role() default "kapture-admin";
}
