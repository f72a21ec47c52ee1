package io.kapture.engine.internal.session;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import io.kapture.api.CaptureStats;
import io.kapture.api.FrameFormat;
import io.kapture.api.FramePoolStats;
import io.kapture.api.SessionState;

/**
 * A session's running stream, the last stream that ran (whose figures stay readable once it stopped) and how
 * often a stream was started again: what the management view reads while the session changes streams.
 *
 * <p>Threading contract: {@link #started} and {@link #take} are called by the session's control thread,
 * one at a time; everything else may be called from any thread and reads each volatile field once, so a reader
 * works on one stream even if it is replaced meanwhile.
 */
final class CurrentStream {

    private volatile Stream running;
    private volatile Stream last;
    /** Written by the control thread only, so the increment needs no atomicity. */
    private volatile long restarts;

    /** A stream started; every start after the session's first counts as a restart. */
    void started(Stream stream) {
        if (last != null) {
            restarts++;
        }
        last = stream;
        running = stream;
    }

    /** Forgets the running stream, for the session to close it; {@code null} if none runs. */
    Stream take() {
        Stream current = running;
        running = null;
        return current;
    }

    /** The running stream, or {@code null}. */
    Stream running() {
        return running;
    }

    /**
     * The running stream, for work that needs the device open.
     *
     * @throws IllegalStateException naming the camera and its {@code state} if none runs
     */
    Stream require(String camera, Supplier<SessionState> state) {
        Stream current = running;
        if (current == null) {
            throw new IllegalStateException("camera " + camera + " is not running; it is " + state.get());
        }
        return current;
    }

    Optional<FrameFormat> format() {
        Stream current = running;
        return current == null ? Optional.empty() : Optional.of(current.format());
    }

    List<String> adjustments() {
        Stream current = running;
        return current == null ? List.of() : current.adjustments();
    }

    /** The figures of the running stream, or else of the last one; zeros if none ever ran. */
    CaptureStats stats(Optional<FramePoolStats> pool) {
        Stream shown = last;
        long count = restarts;
        if (shown == null) {
            return new CaptureStats(0, count, 0, 0, 0, 0, 0, 0, 0, 0, List.of(), pool);
        }
        return shown.stats(count, pool);
    }
}
