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
}
