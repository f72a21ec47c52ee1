package io.kapture.encoder.openh264.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.kapture.api.FrameFormat;
import io.kapture.api.PixelFormat;
import io.kapture.api.encoder.AccessUnitSink;
import io.kapture.api.encoder.EncoderSettings;
import io.kapture.api.encoder.VideoEncoder;
import io.kapture.api.encoder.VideoEncoderFactory;

/**
 * Software H.264 through OpenH264, as a {@link VideoEncoderFactory} service named {@code openh264}. The library is
 * looked for once, when the component starts, and the outcome logged: its version, or what to install. Without it
 * the service stays registered but accepts nothing, and says why, so a consumer can tell the operator.
 *
 * <p>Thread-safe: the library's state is fixed at activation; each opened encoder is independent.
 */
@Component(property = { VideoEncoderFactory.NAME + "=openh264",
        VideoEncoderFactory.CODEC + "=" + VideoEncoderFactory.H264 })
public final class OpenH264EncoderFactory implements VideoEncoderFactory {

    private static final Logger LOG = LoggerFactory.getLogger(OpenH264EncoderFactory.class);

    /** Why the library cannot be used; null when it can. */
    private final String unavailable;

    @Activate
    public OpenH264EncoderFactory() {
        this.unavailable = probe();
    }

    @Override
    public String name() {
        return "openh264";
    }

    @Override
    public boolean accepts(FrameFormat input) {
        return unavailableReason(input).isEmpty();
    }

    @Override
    public String unavailableReason(FrameFormat input) {
        if (unavailable != null) {
            return unavailable;
        }
        if (input.pixelFormat() == PixelFormat.H264) {
            return "H.264 frames are passed through as they are, not encoded again";
        }
        if (input.width() < 16 || input.height() < 16) {
            return "OpenH264 needs frames of at least 16x16 pixels, the camera delivers " + input;
        }
        return "";
    }

    @Override
    public VideoEncoder open(FrameFormat input, EncoderSettings settings, AccessUnitSink sink) {
        String reason = unavailableReason(input);
        if (!reason.isEmpty()) {
            throw new IllegalArgumentException(reason);
        }
        return new OpenH264Encoder(input, settings, sink);
    }

    /** Loads the library; null if it works, else why not. */
    static String probe() {
        try {
            String version = OpenH264Library.load();
            LOG.info("H.264 software encoding uses OpenH264 {} ({})", version, OpenH264Library.NAME);
            return null;
        } catch (LinkageError | RuntimeException e) {
            String reason = "OpenH264 is not available (" + String.valueOf(e.getMessage()).strip()
                    .replaceAll("\\s*\\R\\s*", "; ") + "); install it (Debian/Ubuntu: apt-get install libopenh264-7)"
                    + " and restart the bundle io.kapture.kapture-encoder-openh264";
            LOG.warn("No H.264 software encoding: {}", reason);
            return reason;
        }
    }
}
