package io.kapture.engine.internal.session;

/**
 * What a stream's capture thread reports to its session. Implementations must return at once (hand the work to
 * another thread): the session reacts by stopping the stream, which joins the very thread that reports.
 *
 * <p>Called from capture threads.
 */
interface StreamEvents {

    /** The source (or anything else on the capture thread) threw; the capture thread has ended. */
    void streamFailed(Stream stream, Throwable cause);

    /** No frame came for {@code millis}; the capture thread has ended. */
    void streamStalled(Stream stream, long millis);
}
