package io.kapture.delivery.internal;

import java.util.List;

/**
 * Where a strategy reports a frame it took back from its holders (lease run out, or too many bytes held), so that
 * the holders are named in the log.
 *
 * <p>Threading contract: called on whichever thread took the frame back (the lease reaper, a capture thread);
 * implementations are thread-safe.
 */
@FunctionalInterface
interface TakeBackReporter {

    /**
     * @param frame   the frame, for the log: its sequence and camera
     * @param holders the holders whose handles were still live, in no particular order; may be empty when they
     *                were releasing it just then
     */
    void tookBack(String frame, List<String> holders);
}
