package io.kapture.rtsp.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;

import io.kapture.api.encoder.EncoderSettings;
import io.kapture.api.encoder.H264Profile;

/**
 * The RTSP server's configuration, checked: every value in range and the address a loopback one. Errors name the
 * key, the value and what is valid.
 *
 * <p>Immutable; safe from any thread.
 */
record RtspSettings(InetAddress address, int port, int maxClients, int clientQueueFrames, EncoderSettings encoder,
        Duration describeTimeout, Duration sessionTimeout) {

    static RtspSettings from(RtspConfig config) {
        H264Profile profile;
        try {
            profile = H264Profile.parse(config.profile());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("profile: " + e.getMessage(), e);
        }
        EncoderSettings encoder = new EncoderSettings(range("bitrate.kbps", config.bitrate_kbps(), 10, 100_000) * 1000,
                range("keyframe.interval", config.keyframe_interval(), 1, 3600), profile, 30);
        return new RtspSettings(loopback(config.address()), range("port", config.port(), 0, 65535),
                range("max.clients", config.max_clients(), 1, 1000),
                range("client.queue.frames", config.client_queue_frames(), 2, 600), encoder,
                Duration.ofSeconds(range("describe.timeout.seconds", config.describe_timeout_seconds(), 1, 120)),
                Duration.ofSeconds(range("session.timeout.seconds", config.session_timeout_seconds(), 5, 3600)));
    }

    /** Whether a change from {@code before} needs the listening socket to be opened anew. */
    boolean needsRestart(RtspSettings before) {
        return !address.equals(before.address) || port != before.port || maxClients != before.maxClients
                || clientQueueFrames != before.clientQueueFrames || !describeTimeout.equals(before.describeTimeout)
                || !sessionTimeout.equals(before.sessionTimeout);
    }

    /**
     * The address, which must be a loopback one: an IP literal or {@code localhost} (no name is looked up).
     *
     * @throws IllegalArgumentException otherwise, saying why and what to do instead
     */
    static InetAddress loopback(String address) {
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
        if (!parsed.isLoopbackAddress()) {
            throw new IllegalArgumentException("address: " + value + " is refused: the RTSP server has no "
                    + "authentication yet, so it listens on loopback only (127.0.0.1, ::1 or localhost). To watch "
                    + "from another machine, tunnel it: ssh -L 8554:127.0.0.1:8554 you@this-host");
        }
        return parsed;
    }

    private static int range(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(key + " must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }
}
