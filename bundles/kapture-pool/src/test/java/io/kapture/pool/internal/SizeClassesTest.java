package io.kapture.pool.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** Size classes: coverage, order and the 25 % bound on rounding. */
class SizeClassesTest {

    @Test
    void fullHdYuyvFrameLandsInTheFourMebibyteClass() {
        int frame = 1920 * 1080 * 2;
        int capacity = SizeClasses.capacityOf(SizeClasses.classOf(frame));

        assertEquals(4 * 1024 * 1024, capacity);
        assertTrue(capacity <= frame * 1.25);
    }

    @Test
    void smallRequestsGetOnePage() {
        assertEquals(4096, SizeClasses.capacityOf(SizeClasses.classOf(0)));
        assertEquals(4096, SizeClasses.capacityOf(SizeClasses.classOf(1)));
        assertEquals(4096, SizeClasses.capacityOf(SizeClasses.classOf(4096)));
        assertEquals(5120, SizeClasses.capacityOf(SizeClasses.classOf(4097)));
    }

    @Test
    void classesGrowStrictlyAndEachIsItsOwnClass() {
        int previous = 0;
        for (int sizeClass = 0; sizeClass < SizeClasses.COUNT; sizeClass++) {
            int capacity = SizeClasses.capacityOf(sizeClass);
            assertTrue(capacity > previous, "class " + sizeClass + " not larger than the one before");
            assertEquals(sizeClass, SizeClasses.classOf(capacity));
            assertEquals(sizeClass, SizeClasses.classOf(previous + 1), "first size above class " + (sizeClass - 1));
            assertTrue(SizeClasses.isClassCapacity(capacity));
            previous = capacity;
        }
        assertEquals(SizeClasses.MAX_CAPACITY, previous);
    }

    @Test
    void roundingUpWastesAtMostAQuarterOfTheRequest() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 200_000; i++) {
            int request = random.nextInt(4096, SizeClasses.MAX_CAPACITY + 1);
            int capacity = SizeClasses.capacityOf(SizeClasses.classOf(request));
            assertTrue(capacity >= request, request + " rounded down to " + capacity);
            assertTrue(capacity <= request * 1.25, request + " rounded up to " + capacity);
        }
    }

    @Test
    void capacitiesBetweenClassesAreNoClass() {
        assertFalse(SizeClasses.isClassCapacity(4095));
        assertFalse(SizeClasses.isClassCapacity(4097));
        assertFalse(SizeClasses.isClassCapacity(1920 * 1080 * 2));
        assertFalse(SizeClasses.isClassCapacity(Integer.MAX_VALUE));
        assertFalse(SizeClasses.isClassCapacity(-4096));
    }
}
