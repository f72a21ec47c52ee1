package io.kapture.pool.internal;

/**
 * The pool's size classes: one page (4 KiB) as the smallest, then every power of two split into four equal
 * steps (5, 6, 7 and 8 KiB; 10, 12, 14 and 16 KiB; ...). Rounding a request up to its class therefore wastes
 * at most a quarter of the request, so a 1080p YUYV frame (4,147,200 bytes) lands in the 4 MiB class rather
 * than the 8 MiB one that plain powers of two would give. Classes are numbered from 0 so that buckets can live
 * in an array indexed by class number.
 *
 * <p>Threading contract: stateless arithmetic, safe from any thread.
 */
final class SizeClasses {

    /** The smallest class: one page. */
    static final int MIN_CAPACITY = 4096;

    /** Number of classes; the largest ends just below {@link Integer#MAX_VALUE}. */
    static final int COUNT = 76;

    /** Capacity of the largest class, 1.75 GiB: the largest buffer the pool hands out. */
    static final int MAX_CAPACITY = 1_879_048_192;

    private static final int MIN_EXPONENT = 12;

    private SizeClasses() {
    }

    /**
     * The class of the smallest buffer holding {@code capacity} bytes.
     *
     * @param capacity 0 to {@link #MAX_CAPACITY}; the caller checks the range
     */
    static int classOf(int capacity) {
        if (capacity <= MIN_CAPACITY) {
            return 0;
        }
        int last = capacity - 1;
        int exponent = 31 - Integer.numberOfLeadingZeros(last);
        int step = (last >>> (exponent - 2)) & 3;
        return 1 + ((exponent - MIN_EXPONENT) << 2) + step;
    }

    /** The capacity of buffers of class {@code sizeClass}, 0 to {@link #COUNT} - 1. */
    static int capacityOf(int sizeClass) {
        if (sizeClass == 0) {
            return MIN_CAPACITY;
        }
        int group = sizeClass - 1;
        int exponent = MIN_EXPONENT + (group >>> 2);
        int step = group & 3;
        return (1 << exponent) + ((step + 1) << (exponent - 2));
    }

    /** Whether {@code capacity} is exactly the capacity of a class, as every buffer the pool makes is. */
    static boolean isClassCapacity(int capacity) {
        return capacity >= MIN_CAPACITY && capacity <= MAX_CAPACITY && capacityOf(classOf(capacity)) == capacity;
    }
}
