package io.kapture.v4l2.internal.m2m;

/**
 * What went through an {@link M2mEncoder} so far. Immutable.
 *
 * @param framesIn            frames queued
 * @param unitsOut            coded units handed to the sink
 * @param keyframesOut        of them keyframes
 * @param errorBuffers        coded buffers the driver flagged {@code V4L2_BUF_FLAG_ERROR}
 * @param unmatchedTimestamps coded buffers whose timestamp matched no queued frame
 */
public record EncoderCounts(long framesIn, long unitsOut, long keyframesOut, long errorBuffers,
        long unmatchedTimestamps) {
}
