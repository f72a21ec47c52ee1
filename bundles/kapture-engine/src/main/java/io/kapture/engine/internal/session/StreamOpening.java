package io.kapture.engine.internal.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.kapture.api.CaptureException;
import io.kapture.api.spi.CaptureSource;
import io.kapture.api.spi.CaptureSourceProvider;
import io.kapture.api.spi.FormatRequest;
import io.kapture.api.spi.Negotiation;
import io.kapture.engine.internal.config.CameraSettings;
import io.kapture.engine.internal.config.CameraSettings.ControlSetting;

/**
 * The start of a {@link Stream}, in the order that keeps the driver's buffers from filling while nothing takes
 * them, with one rollback path for every step; and the source's stop and close, which ends both a start that
 * failed before the stream existed and {@link Stream#close}.
 *
 * <p>Threading contract: stateless. {@link #open} runs on the session's control thread (it calls the stream's
 * control-thread methods and, on failure, {@link Stream#close}); {@link #stopAndClose} on the thread that closes
 * the source, the control thread, once the capture thread has ended.
 */
final class StreamOpening {

    private static final Logger LOG = LoggerFactory.getLogger(StreamOpening.class);

    private StreamOpening() {
    }

    /**
     * Opens the device, negotiates the format, applies the controls, subscribes the matching listeners, starts the
     * delivery and capture threads, rehearses the delivery path ({@link Rehearsal}) and only then starts streaming:
     * whatever is slow the first time (thread starts, class loading, first allocations, code not yet compiled)
     * happens while the driver waits, not while its few buffers fill with nobody taking them. On any failure
     * everything done so far is undone before the exception leaves: one rollback path for every step.
     *
     * <p>The frames are delivered with {@code strategy}, unless it lends driver buffers and the source cannot lend
     * them ({@link DeliveryChoice}): then with a copying strategy of {@code registered}, logged with the reason.
     */
    static Stream open(CameraSettings settings, CaptureSourceProvider provider, NamedStrategy strategy,
            Function<String, Optional<NamedStrategy>> registered, List<ListenerEntry> listeners,
            StreamEvents events) {
        CaptureSource source = provider.open(settings.device(), settings.options());
        Stream stream = null;
        boolean started = false;
        try {
            Negotiation negotiation = source.negotiate(new FormatRequest(settings.width(), settings.height(),
                    settings.pixelFormat(), settings.fps()));
            for (String adjustment : negotiation.adjustments()) {
                LOG.info("Camera {}: {}", settings.name(), adjustment);
            }
            List<String> problems = applyControls(settings, source);
            String hazard = lendingHazard(source);
            DeliveryChoice delivery = StrategySelection.choose(settings.name(), settings.device(), strategy, hazard,
                    registered);
            stream = new Stream(settings, provider, source, negotiation, problems, hazard, delivery, registered,
                    events);
            for (ListenerEntry entry : listeners) {
                stream.subscribe(entry);
            }
            stream.startCaptureThread();
            Rehearsal.run(settings.name(), negotiation.format(), delivery.effective(), settings.queueCapacity());
            source.start(settings.buffers());
            stream.go();
            started = true;
            return stream;
        } finally {
            if (!started) {
                if (stream != null) {
                    stream.close();
                } else {
                    stopAndClose(settings.name(), source);
                }
            }
        }
    }

    private static List<String> applyControls(CameraSettings settings, CaptureSource source) {
        List<String> problems = new ArrayList<>();
        for (ControlSetting control : settings.controls()) {
            try {
                source.control(control.name(), control.value());
            } catch (IllegalArgumentException | CaptureException e) {
                String problem = "control " + control + " not applied: " + e.getMessage();
                LOG.warn("Camera {}: {}", settings.name(), problem);
                problems.add(problem);
            }
        }
        return problems;
    }

    /** The source's own reason not to lend its buffers; a source that fails to answer is not trusted with them. */
    private static String lendingHazard(CaptureSource source) {
        try {
            return source.whyBuffersCannotBeLent().orElse(null);
        } catch (RuntimeException e) {
            return "the source " + source + " failed to say whether its buffers may be lent (" + e + ")";
        }
    }

    /** Stops the source and closes it even if the stop fails, so its descriptor and buffers are always released. */
    static void stopAndClose(String camera, CaptureSource source) {
        try {
            source.stop();
        } catch (RuntimeException e) {
            LOG.warn("Camera {}: stopping the source failed; closing it anyway", camera, e);
        } finally {
            source.close();
        }
    }
}
