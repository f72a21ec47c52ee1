package io.kapture.shell.internal.metrics;

/**
 * The processor-stats bundle's figures for one camera, copied out of its own types so that the shell's other
 * classes never touch the optional package {@code io.kapture.processor.stats}.
 *
 * <p>Immutable; safe from any thread.
 *
 * @param camera           the camera's name
 * @param fps              frames per second it measured
 * @param jitterMeanMicros mean deviation of frame intervals, in microseconds
 * @param jitterMaxMicros  largest deviation seen, in microseconds
 * @param frames           frames it saw
 * @param sequenceGaps     gaps it saw in sequence numbers
 * @param gapFrames        frames missing in those gaps
 */
public record CameraFigures(String camera, double fps, double jitterMeanMicros, double jitterMaxMicros, long frames,
        long sequenceGaps, long gapFrames) {
}
