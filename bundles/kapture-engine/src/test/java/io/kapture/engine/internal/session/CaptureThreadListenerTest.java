package io.kapture.engine.internal.session;

import static io.kapture.engine.internal.session.SessionFixture.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.kapture.api.Frame;
import io.kapture.api.FrameListener;
import io.kapture.api.ListenerStats;
import io.kapture.engine.internal.fakes.RecordingListener;

/**
 * A listener that asks to be called on the capture thread ({@link FrameListener#CAPTURE_THREAD}) gets every frame
 * there, in order, with no queue and no thread of its own, and its figures add up like any other's; a listener
 * beside it keeps its own thread.
 */
class CaptureThreadListenerTest {

    private final SessionFixture fixture = new SessionFixture().withServices();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void itIsCalledOnTheCaptureThreadWithEveryFrameInOrder() {
        ThreadNames inline = fixture.listen(new ThreadNames(), "inline", FrameListener.CAPTURE_THREAD, true);
        RecordingListener queued = fixture.listen("queued", "kapture.queue.capacity", 1024, "kapture.drop.policy",
                "BLOCK");
        fixture.running();

        fixture.source().produce(200);
        eventually(() -> inline.frames.get() == 200 && queued.received() == 200);

        assertEquals(Set.of("kapture-capture-" + SessionFixture.CAMERA), inline.threads);
        assertEquals(0, inline.outOfOrder.get());
        assertEquals(LongStream.range(0, 200).boxed().toList(), queued.sequences());
        assertTrue(SessionFixture.streamThreads().stream().noneMatch(name -> name.endsWith("-inline")),
                "no delivery thread for the inline listener: " + SessionFixture.streamThreads());
        ListenerStats stats = fixture.listenerStats("inline");
        assertEquals(200, stats.offered());
        assertEquals(200, stats.delivered());
        assertEquals(0, stats.dropped() + stats.queued(), stats.toString());
    }

    @Test
    void aMalformedValueKeepsTheListenerOnAThreadOfItsOwn() {
        // the stream's first listener is called on the capture thread by default: one takes that place first
        fixture.listen(new ThreadNames(), "first");
        ThreadNames listener = fixture.listen(new ThreadNames(), "typo", FrameListener.CAPTURE_THREAD, "yes please");
        fixture.running();

        fixture.source().produce(5);
        eventually(() -> listener.frames.get() == 5);

        assertEquals(Set.of("kapture-" + SessionFixture.CAMERA + "-typo"), listener.threads);
    }

    @Test
    void unsubscribedItGetsNothingMoreAndCaptureGoesOn() {
        ThreadNames inline = fixture.listen(new ThreadNames(), "inline", FrameListener.CAPTURE_THREAD, "true");
        fixture.running();
        fixture.source().produce(10);
        eventually(() -> inline.frames.get() == 10);

        fixture.session.removeListener(inline);
        fixture.session.awaitSettled();
        fixture.source().produce(10);

        fixture.awaitCaptured(20);
        assertEquals(10, inline.frames.get());
        eventually(() -> fixture.stats().listeners().isEmpty());
    }

    /** Records which threads called it and whether sequences ever went backwards. */
    private static final class ThreadNames implements FrameListener {
        final Set<String> threads = ConcurrentHashMap.newKeySet();
        final AtomicLong frames = new AtomicLong();
        final AtomicLong outOfOrder = new AtomicLong();
        private volatile long last = -1;

        @Override
        public void onFrame(Frame frame) {
            threads.add(Thread.currentThread().getName());
            if (frame.sequence() <= last) {
                outOfOrder.incrementAndGet();
            }
            last = frame.sequence();
            frames.incrementAndGet();
        }
    }
}
