package io.kapture.rtsp.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

import io.kapture.api.encoder.EncoderSettings;
import io.kapture.api.encoder.H264Profile;

/**
 * The RTSP server's configuration, checked: every value in range, role and realm names valid, and the address a
 * loopback one unless {@code allow.remote} is on (then other machines' clients must log in). Errors name the key,
 * the value and what is valid.
 *
 * <p>Immutable; safe from any thread.
 */
record RtspSettings(InetAddress address, int port, int maxClients, int clientQueueFrames, EncoderSettings encoder,
        Duration describeTimeout, Duration sessionTimeout, boolean allowRemote, RtspAccess.AccessSettings access,
        int loginFailuresMax, Duration loginBlock) {

    /** Realm and role names as Karaf's users.properties can hold them: no spaces, commas or colons. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    static RtspSettings from(RtspConfig config) {
        H264Profile profile;
        try {
            profile = H264Profile.parse(config.profile());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("profile: " + e.getMessage(), e);
        }
        EncoderSettings encoder = new EncoderSettings(range("bitrate.kbps", config.bitrate_kbps(), 10, 100_000) * 1000,
                range("keyframe.interval", config.keyframe_interval(), 1, 3600), profile, 30);
        RtspAccess.AccessSettings access = new RtspAccess.AccessSettings(name("jaas.realm", config.jaas_realm()),
                name("viewer.role", config.viewer_role()), name("admin.role", config.admin_role()));
        InetAddress address = config.allow_remote() ? ipAddress(config.address()) : loopback(config.address());
        return new RtspSettings(address, range("port", config.port(), 0, 65535),
                range("max.clients", config.max_clients(), 1, 1000),
                range("client.queue.frames", config.client_queue_frames(), 2, 600), encoder,
                Duration.ofSeconds(range("describe.timeout.seconds", config.describe_timeout_seconds(), 1, 120)),
                Duration.ofSeconds(range("session.timeout.seconds", config.session_timeout_seconds(), 5, 3600)),
                config.allow_remote(), access, range("login.failures.max", config.login_failures_max(), 1, 1000),
                Duration.ofSeconds(range("login.block.seconds", config.login_block_seconds(), 1, 86_400)));
    }

    /** Whether a change from {@code before} needs the listening socket to be opened anew. */
    boolean needsRestart(RtspSettings before) {
        return !address.equals(before.address) || port != before.port || maxClients != before.maxClients
                || allowRemote != before.allowRemote || !access.equals(before.access)
                || loginFailuresMax != before.loginFailuresMax || !loginBlock.equals(before.loginBlock)
                || clientQueueFrames != before.clientQueueFrames || !describeTimeout.equals(before.describeTimeout)
                || !sessionTimeout.equals(before.sessionTimeout);
    }

    /**
     * The address, which must be a loopback one: an IP literal or {@code localhost} (no name is looked up).
     *
     * @throws IllegalArgumentException otherwise, saying why and what to do instead
     */
    static InetAddress loopback(String address) {
        InetAddress parsed = ipAddress(address);
        if (!parsed.isLoopbackAddress()) {
            throw new IllegalArgumentException("address: " + address.trim() + " is refused while allow.remote is off:"
                    + " the server then listens on loopback only (127.0.0.1, ::1 or localhost). To let other machines"
                    + " watch, set allow.remote=true (they then log in as users of the JAAS realm with role"
                    + " kapture-viewer), or tunnel: ssh -L 8554:127.0.0.1:8554 you@this-host");
        }
        return parsed;
    }

    /**
     * An IP literal or {@code localhost} (no name is looked up, so the address cannot change under the server).
     *
     * @throws IllegalArgumentException otherwise
     */
    static InetAddress ipAddress(String address) {
        String value = address == null ? "" : address.trim();
        InetAddress parsed;
        if (value.toLowerCase(Locale.ROOT).equals("localhost")) {
            parsed = InetAddress.getLoopbackAddress();
        } else if (value.matches("[0-9.]+") || value.contains(":")) {
            try {
                parsed = InetAddress.getByName(value.startsWith("[") ? value.substring(1, value.length() - 1)
                        : value);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("address: '" + value + "' is not an IP address", e);
            }
        } else {
            throw new IllegalArgumentException("address: '" + value + "' is not an IP address or localhost");
        }
        return parsed;
    }

    private static String name(String key, String value) {
        if (value == null || !NAME.matcher(value.trim()).matches()) {
            throw new IllegalArgumentException(key + " must be 1 to 64 letters, digits or ._@- (a JAAS realm or role"
                    + " name), was '" + value + "'");
        }
        return value.trim();
    }

    private static int range(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(key + " must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }
}
