package io.kapture.vivid;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;

import io.kapture.api.Frame;
import io.kapture.api.FrameListener;

/**
 * A listener that keeps frames for a while, as a recorder or an analyser working behind the camera does, and then
 * checks that each kept frame still holds the bytes it had when it was delivered: its CRC-32 and length are taken at
 * delivery, and compared again at every later delivery and every {@link #inspect} (so a change is caught soon
 * after the driver wrote over the buffer, before the engine may take the frame back) and when the frame is let go. A frame the engine took back meanwhile (its handle released under the
 * listener) counts as lost to the listener. Every {@code every}-th unflagged frame after {@code skip} is kept, for
 * {@code holdMillis}, until {@code total} frames were kept.
 *
 * <p>Threading contract: {@link #onFrame} runs on the engine's delivery thread for this listener, {@link #inspect}
 * on the check's polling thread; every method is synchronised, and {@link #await} waits on this object's monitor for {@link #onFrame} to notify it.
 */
final class HeldFrames implements FrameListener {

    /** What became of one kept frame. */
    enum Verdict { INTACT, CHANGED, TAKEN_BACK }

    /** One kept frame's fate, with the bytes it had at delivery and at the end (-1 when taken back). */
    record Outcome(long sequence, Verdict verdict, int length, long crcAtDelivery, long crcAtEnd, long heldMillis) {
        @Override
        public String toString() {
            return "frame " + sequence + " " + verdict + " after " + heldMillis + " ms (" + length + " bytes, crc "
                    + Long.toHexString(crcAtDelivery) + (verdict == Verdict.CHANGED ? " -> "
                    + Long.toHexString(crcAtEnd) : "") + ")";
        }
    }

    private record Kept(Frame frame, long sequence, int length, long crc, long sinceNanos) {
    }

    private final int total;
    private final int every;
    private final int skip;
    private final long holdNanos;
    private final List<Kept> kept = new ArrayList<>();
    private final List<Outcome> outcomes = new ArrayList<>();
    private int delivered;
    private int keptSoFar;

    HeldFrames(int total, int every, int skip, long holdMillis) {
        this.total = total;
        this.every = every;
        this.skip = skip;
        this.holdNanos = TimeUnit.MILLISECONDS.toNanos(holdMillis);
    }

    @Override
    public synchronized void onFrame(Frame frame) {
        delivered++;
        long now = System.nanoTime();
        settle(now, false);
        if (keptSoFar < total && !frame.isCorrupted() && delivered > skip && (delivered - skip - 1) % every == 0) {
            ByteBuffer data = frame.data();
            kept.add(new Kept(frame.retain("vivid-held-frames"), frame.sequence(), data.remaining(), crc(data), now));
            keptSoFar++;
        }
        notifyAll();
    }

    /** Checks every kept frame now, between deliveries; lets go of those changed, taken back or kept long enough. */
    synchronized void inspect() {
        settle(System.nanoTime(), false);
        notifyAll();
    }

    /** Checks every kept frame; lets go of those kept long enough (all of them if {@code all}). */
    private void settle(long now, boolean all) {
        for (Iterator<Kept> it = kept.iterator(); it.hasNext();) {
            Kept held = it.next();
            Outcome outcome = check(held, now);
            if (all || outcome.verdict() != Verdict.INTACT || now - held.sinceNanos() >= holdNanos) {
                outcomes.add(outcome);
                if (!held.frame().isReleased()) {
                    held.frame().release();
                }
                it.remove();
            }
        }
    }

    private static Outcome check(Kept held, long now) {
        long millis = TimeUnit.NANOSECONDS.toMillis(now - held.sinceNanos());
        if (held.frame().isReleased()) {
            return new Outcome(held.sequence(), Verdict.TAKEN_BACK, held.length(), held.crc(), -1, millis);
        }
        ByteBuffer data;
        try {
            data = held.frame().data();
        } catch (IllegalStateException takenBack) {
            return new Outcome(held.sequence(), Verdict.TAKEN_BACK, held.length(), held.crc(), -1, millis);
        }
        long crc = crc(data);
        boolean same = data.remaining() == held.length() && crc == held.crc();
        return new Outcome(held.sequence(), same ? Verdict.INTACT : Verdict.CHANGED, held.length(), held.crc(), crc,
                millis);
    }

    private static long crc(ByteBuffer data) {
        CRC32 crc = new CRC32();
        crc.update(data.duplicate());
        return crc.getValue();
    }

    /** Waits until every frame to keep was kept and let go, at most {@code timeout}; whether they were. */
    synchronized boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (outcomes.size() < total) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    /** Checks and lets go of every frame still kept; the outcomes of all kept frames so far. Idempotent. */
    synchronized List<Outcome> finish() {
        settle(System.nanoTime(), true);
        return List.copyOf(outcomes);
    }

    synchronized int delivered() {
        return delivered;
    }
}
