package io.kapture.rtsp.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The RTSP server's configuration, PID {@code io.kapture.rtsp}; optional: without one the server listens on
 * 127.0.0.1:8554 and needs no login. Encoder settings change live (where the encoder can; otherwise it is reopened
 * at once); a new address, port, client limit or login setting restarts the server, which ends open connections.
 */
@ObjectClassDefinition(name = "Kapture RTSP server",
        description = "Every camera as H.264 over RTSP at rtsp://<address>:<port>/<camera>; loopback only unless"
                + " allow.remote, and then other machines log in.")
@interface RtspConfig {

    @AttributeDefinition(name = "Address", description = "The address to listen on: a loopback address"
            + " (127.0.0.1, ::1 or localhost), or, with allow.remote on, an address of this machine (0.0.0.0 for"
            + " all); then clients from other machines must log in.")
    String address() default "127.0.0.1";

    @AttributeDefinition(name = "Allow remote clients", description = "Whether the server may listen on a"
            + " non-loopback address. On, every client that does not come from a loopback address must log in"
            + " (RTSP Basic authentication) as a user of the JAAS realm with the viewer or admin role. RTSP has no"
            + " encryption here: the password crosses the network readable (Base64), as with HTTP without TLS.")
    boolean allow_remote() default false;

    @AttributeDefinition(name = "JAAS realm", description = "The JAAS realm remote clients log in to: karaf, the"
            + " console's users, unless you deployed a realm of your own.")
    String jaas_realm() default "karaf";

    @AttributeDefinition(name = "Viewer role", description = "The role (given directly or through a group) that"
            + " may watch from another machine.")
    String viewer_role() default "kapture-viewer";

    @AttributeDefinition(name = "Admin role", description = "A role that may watch too (it includes viewing).")
    String admin_role() default "kapture-admin";

    @AttributeDefinition(name = "Failed logins before blocking", min = "1", max = "1000", description = "Failed"
            + " logins from one address within login.block.seconds after which its further attempts are refused"
            + " unchecked (403) for the rest of that time.")
    int login_failures_max() default 5;

    @AttributeDefinition(name = "Login block (s)", min = "1", max = "86400", description = "How long failed logins"
            + " of an address count, and how long it stays blocked at most once it reached the limit.")
    int login_block_seconds() default 60;

    @AttributeDefinition(name = "Port", min = "0", max = "65535",
            description = "TCP port of the RTSP server; 0 picks a free one (logged).")
    int port() default 8554;

    @AttributeDefinition(name = "Maximum clients", min = "1", max = "1000",
            description = "RTSP connections open at the same time at most; further ones get 503.")
    int max_clients() default 32;

    @AttributeDefinition(name = "Client queue (frames)", min = "2", max = "600",
            description = "Encoded frames waiting for one client at most; a client that falls this far behind"
                    + " stopped reading and is dropped, so it never slows the camera or other clients.")
    int client_queue_frames() default 60;

    @AttributeDefinition(name = "Bitrate (kbit/s)", min = "10", max = "100000",
            description = "Target bitrate of the software encoder. Cameras that deliver H.264 keep theirs.")
    int bitrate_kbps() default 2000;

    @AttributeDefinition(name = "Keyframe interval (frames)", min = "1", max = "3600",
            description = "Frames from one keyframe to the next. Each new client also asks for a keyframe at once.")
    int keyframe_interval() default 30;

    @AttributeDefinition(name = "H.264 profile", description = "baseline (plays everywhere), main or high;"
            + " OpenH264 encodes baseline and main.")
    String profile() default "baseline";

    @AttributeDefinition(name = "DESCRIBE timeout (s)", min = "1", max = "120",
            description = "How long a DESCRIBE waits for a camera's first keyframe before answering 503.")
    int describe_timeout_seconds() default 10;

    @AttributeDefinition(name = "Session timeout (s)", min = "5", max = "3600",
            description = "A client that is not playing over TCP and sends nothing (no keep-alive) for this long"
                    + " is disconnected.")
    int session_timeout_seconds() default 60;

    @AttributeDefinition(name = "Encoders (filter)", description = "Filter selecting the encoder services to use,"
            + " highest service ranking first; for example (kapture.encoder.name=openh264).")
    String encoders_target() default "(kapture.encoder.codec=H264)";
}
