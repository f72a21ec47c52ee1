package io.kapture.convert.internal.jpeg;

import java.util.ArrayDeque;

/**
 * Lends {@link TurboCodec}s to threads, one codec to one thread at a time, because TurboJPEG handles are not
 * thread-safe. At most {@code limit} codecs exist (each holds up to a few frames of native memory); a thread that
 * finds them all lent out waits for one, which costs nothing extra on a machine with that many cores busy encoding.
 * Codecs are created on demand and kept, so steady use creates nothing; lending and returning allocate nothing.
 *
 * <p>Thread-safe: every field is guarded by the pool's monitor. {@link #close()} destroys the idle codecs at once and
 * each lent one when it comes back; a closed pool lends no more.
 */
final class TurboPool {

    private final int limit;
    private final ArrayDeque<TurboCodec> idle;
    private int created;
    private boolean closed;

    TurboPool(int limit) {
        this.limit = limit;
        this.idle = new ArrayDeque<>(limit);
    }

    /**
     * A codec for the calling thread alone, until it gives it back with {@link #giveBack}; waits while all are lent.
     *
     * @return null if the pool is closed
     * @throws IllegalStateException if the thread is interrupted while waiting (its interrupt flag is kept set)
     */
    TurboCodec borrow() {
        synchronized (this) {
            while (true) {
                if (closed) {
                    return null;
                }
                TurboCodec codec = idle.pollFirst();
                if (codec != null) {
                    return codec;
                }
                if (created < limit) {
                    created++;
                    break;
                }
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for one of the " + limit
                            + " libjpeg-turbo codecs", e);
                }
            }
        }
        try {
            return new TurboCodec(this);
        } catch (RuntimeException | Error e) {
            synchronized (this) {
                created--;
                notify();
            }
            throw e;
        }
    }

    /** Takes back a codec lent by {@link #borrow}; destroys it if the pool has been closed meanwhile. */
    void giveBack(TurboCodec codec) {
        synchronized (this) {
            if (!closed) {
                idle.addFirst(codec);
                notify();
                return;
            }
            created--;
        }
        codec.close();
    }

    /** Destroys the idle codecs now and the lent ones as they come back. */
    void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            notifyAll();
        }
        while (true) {
            TurboCodec codec;
            synchronized (this) {
                codec = idle.pollFirst();
                if (codec == null) {
                    return;
                }
                created--;
            }
            codec.close();
        }
    }
}
