package io.kapture.processor.recorder;

import java.util.Locale;
import java.util.Optional;

/**
 * What an event recorder (mode {@code event}) holds and does: the clip it writes, if any, and its pre-roll ring,
 * the last seconds of encoded frames kept in memory so that a clip begins before its trigger.
 *
 * <p>Immutable; safe from any thread.
 *
 * @param clipTrigger       what started the clip being written ({@code motion}, or an external trigger's name);
 *                          empty while no clip is
 * @param clips             clips begun since the recorder started
 * @param ringFrames        frames in the ring
 * @param ringBytes         bytes of frame data in the ring
 * @param ringMaxBytes      the ring's bound ({@code preroll.max.mb})
 * @param ringMillis        capture time the ring spans, oldest to newest frame
 * @param ringDropped       frames the ring pushed out for want of memory, each shortening the pre-roll: raise
 *                          {@code preroll.max.mb} if this grows
 */
public record EventStatus(Optional<String> clipTrigger, long clips, int ringFrames, long ringBytes,
        long ringMaxBytes, long ringMillis, long ringDropped) {

    /** For a console: {@code clip (motion), 3 clips; pre-roll 150 frames, 4.1 of 32.0 MB, 5.0 s}. */
    public String line() {
        return String.format(Locale.ROOT, "%s, %d %s; pre-roll %d frames, %.1f of %.1f MB, %.1f s%s",
                clipTrigger.map(trigger -> "clip (" + trigger + ")").orElse("waiting for a trigger"), clips,
                clips == 1 ? "clip" : "clips", ringFrames, ringBytes / 1_000_000.0, ringMaxBytes / 1_000_000.0,
                ringMillis / 1000.0, ringDropped == 0 ? "" : ", " + ringDropped + " dropped for memory");
    }
}
