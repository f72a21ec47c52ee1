package io.kapture.api.encoder;

import org.osgi.annotation.versioning.ConsumerType;

import io.kapture.api.FrameFormat;

/**
 * An encoder implementation, registered as an OSGi service. Consumers take the highest-ranked factory that
 * {@link #accepts} a camera's format; service properties {@link #NAME} and {@link #CODEC} let them choose one by
 * name with a target filter.
 *
 * <p>Thread-safety: every method may be called from any thread; each opened encoder has its own contract.
 */
@ConsumerType
public interface VideoEncoderFactory {

    /** Service property: the implementation's name, for example {@code openh264}. */
    String NAME = "kapture.encoder.name";

    /** Service property: the codec it produces; {@value #H264} is the only one so far. */
    String CODEC = "kapture.encoder.codec";

    /** The value of {@link #CODEC} for H.264. */
    String H264 = "H264";

    /** The implementation's name, as in {@link #NAME}. */
    String name();

    /**
     * Whether it can encode frames of this format (pixel format and size), and is usable at all (its library is
     * present); {@link #unavailableReason} says why not.
     */
    boolean accepts(FrameFormat input);

    /** Why {@link #accepts} says no for this format, in words an operator can act on; empty if it accepts it. */
    String unavailableReason(FrameFormat input);

    /**
     * Opens an encoder for frames of {@code input}.
     *
     * @param sink receives the encoded pictures
     * @throws IllegalArgumentException if the format or settings cannot be encoded (the message says why)
     * @throws IllegalStateException    if the encoder could not be created
     */
    VideoEncoder open(FrameFormat input, EncoderSettings settings, AccessUnitSink sink);
}
