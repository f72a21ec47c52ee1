package io.kapture.api;

/**
 * A snapshot of a {@link FramePool}'s counters.
 *
 * @param gets        buffers handed out
 * @param returns     buffers given back
 * @param allocations buffers created because no free one fitted (misses)
 * @param outstanding buffers handed out and not yet given back
 * @param bytesHeld   capacity of all buffers the pool keeps track of: free ones and pooled ones handed out
 * @param maxBytes    the byte budget the pool keeps within
 */
public record FramePoolStats(long gets, long returns, long allocations, long outstanding, long bytesHeld,
        long maxBytes) {

    /** Share of gets served from a free buffer, 0 to 1; 1 when nothing was asked yet. */
    public double hitRate() {
        return gets == 0 ? 1.0 : (double) (gets - allocations) / gets;
    }
}
