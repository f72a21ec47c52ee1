package io.kapture.processor.recorder.internal;

/**
 * The bytes the largest of the last {@value #GROUPS} groups of pictures (a key frame and the frames up to the next)
 * took in a file: the estimate of the next group's, so a file can be rotated at a key frame before a group that
 * would carry it past its size limit. Only groups of more than one frame count: where every frame is a key frame
 * (MJPEG, intra-only H.264) the file is rotated before the frame that would pass the limit, and no estimate is
 * needed.
 *
 * <p>Threading contract: not thread-safe; used under the recorder's lock.
 */
final class GopEstimate {

    static final int GROUPS = 4;

    private final long[] ended = new long[GROUPS];
    private int next;
    private long gathering;
    private int gatheringFrames;

    /** Notes a frame written, with the bytes the file adds beyond its data. */
    void add(EncodedFrame frame, int overhead) {
        if (frame.keyFrame()) {
            ended[next] = gatheringFrames > 1 ? gathering : 0;
            next = (next + 1) % GROUPS;
            gathering = 0;
            gatheringFrames = 0;
        }
        gathering += frame.size() + overhead;
        gatheringFrames++;
    }

    /**
     * At a key frame, before it is written: whether a group as large as the largest of the last ones (the one that
     * just ended included) would take a file of {@code fileBytes} past {@code limit}.
     */
    boolean wouldPass(long fileBytes, long limit) {
        long largest = gatheringFrames > 1 ? gathering : 0;
        for (long bytes : ended) {
            largest = Math.max(largest, bytes);
        }
        return largest > 0 && fileBytes + largest > limit;
    }
}
