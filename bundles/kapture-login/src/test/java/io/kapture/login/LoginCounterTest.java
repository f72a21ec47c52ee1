package io.kapture.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Outcomes are counted apart, from many threads at once, and the counts never name anyone. */
class LoginCounterTest {

    @Test
    void countsEachOutcomeApart() {
        LoginCounter counter = new LoginCounter("rtsp");
        counter.record(LoginOutcome.REJECTED);
        counter.record(LoginOutcome.REJECTED);
        counter.record(LoginOutcome.THROTTLED);

        assertEquals("rtsp", counter.endpoint());
        assertEquals(2, counter.count(LoginOutcome.REJECTED));
        assertEquals(1, counter.count(LoginOutcome.THROTTLED));
        assertEquals(0, counter.count(LoginOutcome.ACCEPTED));
        assertEquals("logins of rtsp: accepted 0 rejected 2 forbidden 0 throttled 1 unavailable 0",
                counter.toString());
    }

    @Test
    void countsFromManyThreadsAtOnceAreExact() throws InterruptedException {
        LoginCounter counter = new LoginCounter("web");
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            threads.add(new Thread(() -> {
                for (int i = 0; i < 10_000; i++) {
                    counter.record(LoginOutcome.ACCEPTED);
                    counter.record(LoginOutcome.FORBIDDEN);
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(40_000, counter.count(LoginOutcome.ACCEPTED));
        assertEquals(40_000, counter.count(LoginOutcome.FORBIDDEN));
    }

    @Test
    void labelsAreLowerCaseWords() {
        assertEquals("throttled", LoginOutcome.THROTTLED.label());
        assertFalse(LoginOutcome.UNAVAILABLE.label().contains(" "));
    }
}
