package io.kapture.processor.recorder.internal;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.kapture.processor.recorder.EventStatus;

/**
 * Decides, frame by frame, what an event recorder writes: nothing while the scene is quiet (frames go to the
 * {@link PrerollRing}), and from a trigger on a clip that begins with the ring's frames (the seconds before the
 * trigger) and ends {@code postNanos} of capture time after the last activity.
 *
 * <p>Activity comes in two kinds: a period with a start and an end (motion: {@link #activityStarted} then
 * {@link #activityEnded}; the clip lasts as long as it does, plus the post time) and a pulse (an external trigger,
 * {@link #pulse}: the clip runs the post time from it). Further triggers during a clip extend it. Triggers are
 * applied at the next frame, on the frame's clock, so the outcome depends only on the order of frames and
 * triggers, never on the wall clock of whoever called.
 *
 * <p>Threading contract: the trigger methods may be called from any thread (EventAdmin's, the shell's) and never
 * wait for more than a few field writes: they only note the trigger, under this object's monitor, which
 * {@link #next} takes briefly to collect them. Everything else is for the owning recorder, under its own lock, on
 * the delivery thread.
 */
final class EventClips {

    /** What to do with one frame. */
    enum Kind {
        /** Nothing to write: the frame went into the ring. */
        IDLE,
        /** Begin a new clip with {@link Step#frames()}: the ring's frames, then this one. */
        START,
        /** Append this frame to the clip. */
        CONTINUE,
        /** Close the clip; this frame went into the ring. */
        END
    }

    /**
     * @param kind       what to do
     * @param frames     the frames to write, oldest first (empty for IDLE and END)
     * @param trigger    what started the current clip
     * @param extendedBy CONTINUE only: the trigger that came during the clip and extended it at this frame; null
     *                   if none did
     */
    record Step(Kind kind, List<EncodedFrame> frames, String trigger, String extendedBy) {
    }

    private final PrerollRing ring;
    private final long postNanos;

    // guarded by this
    private String pendingTrigger;
    private boolean pendingStart;
    private boolean pendingEnd;
    private boolean pendingPulse;

    // the owner's
    private boolean recording;
    private String clipTrigger;
    private boolean active;
    private long quietSinceNanos;
    private long clips;

    EventClips(PrerollRing ring, long postNanos) {
        this.ring = ring;
        this.postNanos = postNanos;
    }

    /** A period of activity begins (motion START): a clip starts, or the current one goes on until it ends. */
    synchronized void activityStarted(String trigger) {
        pendingStart = true;
        pendingEnd = false;
        pendingTrigger = pendingTrigger == null ? trigger : pendingTrigger;
    }

    /** The period of activity ended (motion END): the clip ends the post time after the next frame. */
    synchronized void activityEnded() {
        pendingEnd = true;
    }

    /** A one-off trigger: a clip starts, or the current one goes on, until the post time after the next frame. */
    synchronized void pulse(String trigger) {
        pendingPulse = true;
        pendingTrigger = pendingTrigger == null ? trigger : pendingTrigger;
    }

    /** Decides what becomes of {@code frame}, applying the triggers that came since the last frame. */
    Step next(EncodedFrame frame) {
        long now = frame.timestampNanos();
        boolean started;
        boolean ended;
        boolean pulsed;
        String trigger;
        synchronized (this) {
            started = pendingStart;
            ended = pendingEnd;
            pulsed = pendingPulse;
            trigger = pendingTrigger;
            pendingStart = false;
            pendingEnd = false;
            pendingPulse = false;
            pendingTrigger = null;
        }
        boolean triggered = started || pulsed;
        if (started) {
            active = true;
        }
        if (ended && active) {
            active = false;
            quietSinceNanos = now;
        }
        if (pulsed) {
            quietSinceNanos = active ? quietSinceNanos : Math.max(quietSinceNanos, now);
        }

        if (!recording && triggered) {
            recording = true;
            clipTrigger = trigger;
            clips++;
            if (!active) {
                quietSinceNanos = now;
            }
            ring.add(frame);
            return new Step(Kind.START, ring.drain(), clipTrigger, null);
        }
        if (recording) {
            if (!active && now - quietSinceNanos >= postNanos) {
                recording = false;
                ring.add(frame);
                return new Step(Kind.END, List.of(), clipTrigger, null);
            }
            return new Step(Kind.CONTINUE, List.of(frame), clipTrigger, triggered ? trigger : null);
        }
        ring.add(frame);
        return new Step(Kind.IDLE, List.of(), null, null);
    }

    /** The trigger of the clip being recorded, if one is. */
    Optional<String> clipTrigger() {
        return recording ? Optional.of(clipTrigger) : Optional.empty();
    }

    /** Clips begun since the recorder started. */
    long clips() {
        return clips;
    }

    /** What the owner reports: the clip and the ring. */
    EventStatus status() {
        return new EventStatus(clipTrigger(), clips, ring.frames(), ring.bytes(), ring.maxBytes(),
                TimeUnit.NANOSECONDS.toMillis(ring.heldNanos()), ring.droppedForMemory());
    }
}
