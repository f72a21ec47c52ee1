package io.kapture.mqtt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class OutboxTest {

    private static Outbound message(int n) {
        return Outbound.text("t", "m" + n, 1, false);
    }

    @Test
    void keepsOrderAndDropsTheOldestBeyondTheCount() throws InterruptedException {
        Outbox outbox = new Outbox(3, 1 << 20);
        for (int i = 0; i < 5; i++) {
            outbox.offer(message(i));
        }
        Outbox.Figures figures = outbox.figures();
        assertEquals(3, figures.buffered());
        assertEquals(2, figures.dropped());
        assertEquals(5, figures.offered());
        for (int i = 2; i < 5; i++) {
            Outbound head = outbox.peek(0);
            assertEquals("m" + i, new String(head.payload()));
            outbox.remove(head);
        }
        assertNull(outbox.peek(0));
    }

    @Test
    void keepsWithinTheByteBudget() {
        Outbox outbox = new Outbox(1000, 1024);
        byte[] kilobyteLess = new byte[400];
        for (int i = 0; i < 10; i++) {
            outbox.offer(new Outbound("t", kilobyteLess, 0, false));
        }
        Outbox.Figures figures = outbox.figures();
        assertEquals(2, figures.buffered(), "two 401-byte messages fit in 1024 bytes");
        assertEquals(802, figures.bufferedBytes());
        assertEquals(8, figures.dropped());
        assertEquals(8 * 401, figures.droppedBytes());
    }

    @Test
    void aMessageLargerThanTheBudgetIsDroppedAloneAndCounted() throws InterruptedException {
        Outbox outbox = new Outbox(1000, 1024);
        outbox.offer(message(1));
        outbox.offer(new Outbound("t", new byte[2000], 0, false));
        assertEquals(1, outbox.figures().buffered());
        assertEquals(1, outbox.figures().dropped());
        assertEquals("m1", new String(outbox.peek(0).payload()));
    }

    @Test
    void removeTakesOnlyTheHeadItWasGiven() throws InterruptedException {
        Outbox outbox = new Outbox(1, 1 << 20);
        outbox.offer(message(1));
        Outbound sending = outbox.peek(0);
        outbox.offer(message(2)); // overflow drops the message being sent
        outbox.remove(sending);
        assertSame(outbox.peek(0).payload().length, 2);
        assertEquals("m2", new String(outbox.peek(0).payload()));
    }

    @Test
    void nextWalksTheQueueInOrderAndRestartsAtTheHeadWhenOverflowTookItsPlace() throws InterruptedException {
        Outbox outbox = new Outbox(3, 1 << 20);
        Outbound first = message(1);
        outbox.offer(first);
        outbox.offer(message(2));
        Outbound sent = outbox.next(null, 0);
        assertSame(first, sent);
        assertEquals("m2", new String(outbox.next(sent, 0).payload()));
        assertNull(outbox.next(outbox.next(sent, 0), 0), "nothing after the tail");
        outbox.offer(message(3));
        outbox.offer(message(4)); // drops m1, which was in flight
        assertEquals("m2", new String(outbox.next(sent, 0).payload()), "the head follows what was dropped");
        outbox.discard(outbox.next(null, 0));
        assertEquals(2, outbox.figures().dropped());
        assertEquals("m3", new String(outbox.next(null, 0).payload()));
    }

    private static Outbound stats(String camera, int n) {
        return Outbound.latest("kapture/n1/" + camera + "/stats", "{\"n\":" + n + "}", 0);
    }

    private static Outbound motion(int n) {
        return Outbound.text("kapture/n1/lobby/motion", "motion " + n, 1, false);
    }

    @Test
    void anEventAfterAMinuteOfOutageWaitsBehindOneStatsMessagePerCameraOnly() throws InterruptedException {
        Outbox outbox = new Outbox(10_000, 8 << 20);
        for (int second = 0; second < 60; second++) {
            for (int camera = 0; camera < 10; camera++) {
                outbox.offer(stats("cam" + camera, second));
            }
        }
        outbox.offer(motion(1));
        Outbox.Figures figures = outbox.figures();
        assertEquals(11, figures.buffered(), "the newest stats of each of 10 cameras, and the event");
        assertEquals(590, figures.superseded());
        assertEquals(0, figures.dropped(), "superseded stats are not counted as dropped");
        Outbound sent = null;
        for (int camera = 0; camera < 10; camera++) {
            sent = outbox.next(sent, 0);
            assertEquals("{\"n\":59}", new String(sent.payload()), "only the newest figures are left");
        }
        assertEquals("motion 1", new String(outbox.next(sent, 0).payload()));
    }

    @Test
    void aFullOutboxDropsStatsBeforeEvents() throws InterruptedException {
        Outbox outbox = new Outbox(4, 1 << 20);
        outbox.offer(motion(1));
        outbox.offer(stats("a", 1));
        outbox.offer(stats("b", 1));
        outbox.offer(motion(2));
        outbox.offer(motion(3)); // full: the oldest stats go, not the oldest event
        assertEquals("motion 1", new String(outbox.peek(0).payload()));
        outbox.offer(motion(4));
        assertEquals("motion 1", new String(outbox.peek(0).payload()));
        assertEquals(2, outbox.figures().dropped());
        outbox.offer(motion(5)); // no stats left: now the oldest event goes
        assertEquals(3, outbox.figures().dropped());
        Outbound sent = null;
        for (int n = 2; n <= 5; n++) {
            sent = outbox.next(sent, 0);
            assertEquals("motion " + n, new String(sent.payload()), "events keep their order");
        }
    }

    @Test
    void statsHandedToTheConnectionAreNeitherSupersededNorDropped() throws InterruptedException {
        Outbox outbox = new Outbox(3, 1 << 20);
        Outbound first = stats("a", 1);
        outbox.offer(first);
        assertSame(first, outbox.next(null, 0)); // perhaps in flight now
        outbox.offer(stats("a", 2));
        outbox.offer(motion(1));
        assertEquals(3, outbox.figures().buffered(), "the stats in flight stay; the newer one waits behind it");
        assertEquals(0, outbox.figures().superseded());
        outbox.offer(motion(2)); // full: the stats not yet handed out go first
        assertSame(first, outbox.peek(0));
        outbox.remove(first);
        assertEquals("motion 1", new String(outbox.next(null, 0).payload()));
        assertEquals(2, outbox.figures().buffered());
    }
}
