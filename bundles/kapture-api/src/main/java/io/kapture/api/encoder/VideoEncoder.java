package io.kapture.api.encoder;

import org.osgi.annotation.versioning.ConsumerType;

import io.kapture.api.Frame;

/**
 * One open encoder session: frames of one format in, access units out to the {@link AccessUnitSink} given when it
 * was opened. Every keyframe it emits carries its sequence and picture parameter sets in-band, so a client that
 * joins late can decode from the next keyframe.
 *
 * <p>Threading contract: {@link #encode}, {@link #reconfigure}, {@link #requestKeyframe} and {@link #close} are
 * called by one thread at a time (the caller serializes them); {@link #parameters()} may be read from any thread.
 * {@link #close} releases every native resource and may be called more than once.
 */
@ConsumerType
public interface VideoEncoder extends AutoCloseable {

    /**
     * Encodes one frame. The frame is only read during the call; the caller keeps its handle and releases it. An
     * encoder may emit nothing for a frame (rate control skipped it, or it works asynchronously).
     *
     * @throws IllegalArgumentException if the frame's format is not the one the encoder was opened for
     * @throws IllegalStateException    if the encoder failed or is closed; the caller should close it and open anew
     */
    void encode(Frame frame);

    /**
     * Applies new settings to the running encoder where it can.
     *
     * @return true if they took effect live; false if this encoder cannot change them while running (a profile
     *         change, or an encoder that ignores bitrate changes): the caller then closes it and opens another
     */
    boolean reconfigure(EncoderSettings settings);

    /** Makes the next encoded picture a keyframe (a client just joined); cheap, may be called often. */
    void requestKeyframe();

    /** The sequence and picture parameter sets, once the first keyframe has been produced. */
    java.util.Optional<H264Parameters> parameters();

    /** Releases the encoder's resources; later calls do nothing. */
    @Override
    void close();
}
