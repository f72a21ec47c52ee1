package io.kapture.delivery.internal;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.kapture.api.Frame;
import io.kapture.api.FrameFlags;
import io.kapture.api.spi.DeliveryStrategy;
import io.kapture.testing.TestDriverBuffer;

/** What every strategy's frames must do, per the {@link Frame} contract. */
class FrameSemanticsTest {

    private static final int BYTES = 40_000;

    @ParameterizedTest
    @ValueSource(strings = { "copy", "pool", "zerocopy" })
    void frameCarriesTheDriversImageAndMetadata(String name) {
        try (Fixture fixture = new Fixture(name)) {
            FakeContext context = new FakeContext("cam0", 4);
            TestDriverBuffer buffer = new TestDriverBuffer(2, Fixture.CAPACITY).fill(41, BYTES, FrameFlags.ERROR);
            long before = System.nanoTime();

            Frame frame = fixture.strategy.wrap(buffer, context);

            ByteBuffer data = frame.data();
            assertAll(
                    () -> assertEquals(BYTES, data.remaining()),
                    () -> assertEquals(0, data.position()),
                    () -> assertEquals(ByteBuffer.wrap(expected(41, BYTES)), data),
                    () -> assertEquals("cam0", frame.camera()),
                    () -> assertEquals(FakeContext.FORMAT, frame.format()),
                    () -> assertEquals(41, frame.sequence()),
                    () -> assertEquals(41_000_007L, frame.timestampNanos()),
                    () -> assertEquals(FrameFlags.ERROR, frame.flags()),
                    () -> assertTrue(frame.isCorrupted()),
                    () -> assertEquals(BYTES, frame.bytesUsed()),
                    () -> assertTrue(frame.receivedNanos() - before >= 0),
                    () -> assertTrue(Math.abs(System.currentTimeMillis() - frame.wallClockMillis()) < 60_000),
                    () -> assertEquals(fixture.holdsDriverBuffer() ? 0 : 1, context.requeues(2)));
            frame.release();
            assertEquals(1, context.requeues(2));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "copy", "pool", "zerocopy" })
    void dataIsANewReadOnlyViewOnEachCall(String name) {
        try (Fixture fixture = new Fixture(name)) {
            Frame frame = fixture.strategy.wrap(new TestDriverBuffer(0, Fixture.CAPACITY).fill(1, BYTES, 0),
                    new FakeContext("cam0", 1));

            ByteBuffer first = frame.data();
            first.position(100).limit(200);
            ByteBuffer second = frame.data();

            assertNotSame(first, second);
            assertTrue(second.isReadOnly());
            assertEquals(0, second.position());
            assertEquals(BYTES, second.limit());
            frame.release();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "copy", "pool", "zerocopy" })
    void everyAccessorOfAReleasedHandleThrows(String name) {
        try (Fixture fixture = new Fixture(name)) {
            Frame frame = fixture.strategy.wrap(new TestDriverBuffer(0, Fixture.CAPACITY).fill(1, BYTES, 0),
                    new FakeContext("cam0", 1));
            frame.release();

            assertTrue(frame.isReleased());
            assertAll(
                    () -> assertThrows(IllegalStateException.class, frame::camera),
                    () -> assertThrows(IllegalStateException.class, frame::format),
                    () -> assertThrows(IllegalStateException.class, frame::data),
                    () -> assertThrows(IllegalStateException.class, frame::sequence),
                    () -> assertThrows(IllegalStateException.class, frame::timestampNanos),
                    () -> assertThrows(IllegalStateException.class, frame::wallClockMillis),
                    () -> assertThrows(IllegalStateException.class, frame::receivedNanos),
                    () -> assertThrows(IllegalStateException.class, frame::flags),
                    () -> assertThrows(IllegalStateException.class, frame::bytesUsed),
                    () -> assertThrows(IllegalStateException.class, frame::isCorrupted),
                    () -> assertThrows(IllegalStateException.class, frame::retain),
                    () -> assertThrows(IllegalStateException.class, () -> frame.retain("late")));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "copy", "pool", "zerocopy" })
    void handlesRetainedInOneStepAreEachLiveUntilTheirOwnRelease(String name) {
        try (Fixture fixture = new Fixture(name)) {
            FakeContext context = new FakeContext("cam0", 1);
            Frame frame = fixture.strategy.wrap(new TestDriverBuffer(0, Fixture.CAPACITY).fill(9, BYTES, 0), context);
            Frame[] handles = new Frame[4];

            frame.retain(new String[] {"a", "b", "c", "unused"}, handles, 3);
            frame.release();

            assertNull(handles[3], "only count handles are retained");
            for (int i = 0; i < 3; i++) {
                assertNotSame(frame, handles[i]);
                assertEquals(9, handles[i].sequence(), "handle " + i);
            }
            handles[0].release();
            handles[1].release();
            assertEquals(ByteBuffer.wrap(expected(9, BYTES)), handles[2].data(), "the last handle still reads");
            assertEquals(fixture.holdsDriverBuffer() ? 0 : 1, context.requeues(0),
                    "a driver buffer is still held by the last handle");
            handles[2].release();
            assertEquals(1, context.requeues(0), "requeued once, after the last of them");
            assertThrows(IllegalStateException.class, () -> handles[0].retain(new String[] {"late"}, handles, 1));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "copy", "pool", "zerocopy" })
    void secondReleaseDoesNothingAndNeverTakesAnotherHandlesReference(String name) {
        try (Fixture fixture = new Fixture(name)) {
            FakeContext context = new FakeContext("cam0", 1);
            Frame first = fixture.strategy.wrap(new TestDriverBuffer(0, Fixture.CAPACITY).fill(5, BYTES, 0), context);
            Frame kept = first.retain("keeper");

            first.release();
            first.release();
            first.release();

            assertFalse(kept.isReleased());
            assertEquals(5, kept.sequence());
            assertEquals(ByteBuffer.wrap(expected(5, BYTES)), kept.data());
            assertEquals(fixture.holdsDriverBuffer() ? 0 : 1, context.requeues(0));
            assertEquals(DeliveryStrategy.POOL.equals(name) ? 1 : 0, fixture.poolStats().outstanding());

            kept.release();
            kept.release();

            assertEquals(1, context.requeues(0));
            assertEquals(0, fixture.poolStats().outstanding());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "copy", "pool", "zerocopy" })
    void retainedHandlesAreIndependent(String name) {
        try (Fixture fixture = new Fixture(name)) {
            FakeContext context = new FakeContext("cam0", 1);
            Frame original = fixture.strategy.wrap(new TestDriverBuffer(0, Fixture.CAPACITY).fill(9, BYTES, 0),
                    context);
            Frame a = original.retain("a");
            Frame b = a.retain("b");
            original.release();
            a.release();

            assertTrue(a.isReleased());
            assertFalse(b.isReleased());
            assertEquals(9, b.sequence());
            assertTrue(b.toString().contains("b"));
            assertEquals(fixture.holdsDriverBuffer() ? 0 : 1, context.requeues(0));
            b.release();
            assertEquals(1, context.requeues(0));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "copy", "pool", "zerocopy" })
    void impossibleBytesUsedIsRejectedAndTheBufferStillRequeued(String name) {
        try (Fixture fixture = new Fixture(name)) {
            FakeContext context = new FakeContext("cam0", 1);
            TestDriverBuffer buffer = new TestDriverBuffer(0, 4096).stamp(3, 5000);

            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> fixture.strategy.wrap(buffer, context));

            assertTrue(e.getMessage().contains("5000"), e.getMessage());
            assertEquals(1, context.requeues(0));
            assertEquals(0, fixture.poolStats().outstanding());
        }
    }

    static byte[] expected(long sequence, int bytes) {
        byte[] image = new byte[bytes];
        for (int i = 0; i < bytes; i++) {
            image[i] = TestDriverBuffer.patternByte(sequence, i);
        }
        return image;
    }

    @ParameterizedTest
    @ValueSource(strings = { "copy", "pool", "zerocopy" })
    void aHandleWithoutHolderNameIsCalledUnnamedInMessages(String name) {
        try (Fixture fixture = new Fixture(name)) {
            Frame frame = fixture.strategy.wrap(new TestDriverBuffer(0, Fixture.CAPACITY).fill(1, BYTES, 0),
                    new FakeContext("cam0", 1));
            Frame blank = frame.retain("  ");
            Frame named = frame.retain("archiver");
            blank.release();
            named.release();
            frame.release();

            assertTrue(assertThrows(IllegalStateException.class, blank::sequence).getMessage()
                    .startsWith("frame handle of unnamed holder is released"));
            assertTrue(assertThrows(IllegalStateException.class, named::data).getMessage()
                    .startsWith("frame handle of archiver is released"));
            assertEquals("frame handle of unnamed holder (released)", blank.toString());
        }
    }
}
