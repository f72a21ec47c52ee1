package io.kapture.synthetic.internal;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/** A monotonic nanosecond clock that only moves when a test says so. Thread-safe. */
final class FakeClock implements LongSupplier {
    static final long START = 5_000_000_000L;

    private final AtomicLong nanos = new AtomicLong(START);

    @Override
    public long getAsLong() {
        return nanos.get();
    }

    long advanceMillis(long millis) {
        return nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
    }

    long advanceNanos(long delta) {
        return nanos.addAndGet(delta);
    }
}
