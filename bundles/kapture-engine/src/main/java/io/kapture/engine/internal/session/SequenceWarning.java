package io.kapture.engine.internal.session;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.kapture.engine.internal.fanout.RateLimitedLog;

/**
 * Tells the user, once per stream and then at most every few seconds, that the driver numbered a frame no higher
 * than the one before it. Such frames are delivered and counted ({@link StreamCounters#sequenceRepeats}), but a
 * counter alone is easily missed, and a repeated number usually means a driver bug or a counter that restarted.
 *
 * <p>Threading contract: {@link #repeated} is called on the capture thread; it never blocks beyond the logger.
 */
final class SequenceWarning {

    private static final Logger LOG = LoggerFactory.getLogger(SequenceWarning.class);

    private final String camera;
    private final String device;
    private final RateLimitedLog log = new RateLimitedLog(LOG);

    SequenceWarning(String camera, String device) {
        this.camera = camera;
        this.device = device;
    }

    /** The driver numbered a frame {@code sequence} right after one numbered {@code previous} (not lower). */
    void repeated(long previous, long sequence) {
        log.warn(message(camera, device, previous, sequence));
    }

    static String message(String camera, String device, long previous, long sequence) {
        String what = sequence == previous ? "the same number again" : "a lower number";
        return "Camera " + camera + " ('" + device + "'): the driver gave a frame sequence number " + sequence
                + " right after " + previous + " (" + what + ": a driver bug or a restarted counter). The frame is"
                + " still delivered; frames like it are counted as sequence repeats, not as gaps";
    }
}
