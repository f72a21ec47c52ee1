package io.kapture.login;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** Failed logins per address: blocked after the limit for the rest of the window, cleared by success, bounded. */
class LoginThrottleTest {

    private final AtomicLong clock = new AtomicLong(1_000);
    private final LoginThrottle throttle = new LoginThrottle(3, Duration.ofSeconds(60), clock::get);

    @Test
    void anAddressIsBlockedAfterTheLimitUntilTheWindowEnds() {
        for (int i = 0; i < 3; i++) {
            assertEquals(0, throttle.blockedSeconds("10.0.0.9"));
            throttle.failed("10.0.0.9");
        }
        clock.addAndGet(TimeUnit.SECONDS.toNanos(20));

        assertEquals(40, throttle.blockedSeconds("10.0.0.9"));
        assertEquals(0, throttle.blockedSeconds("10.0.0.10"), "other addresses are not affected");
        clock.addAndGet(TimeUnit.SECONDS.toNanos(40));
        assertEquals(0, throttle.blockedSeconds("10.0.0.9"), "the window has passed");
        assertEquals(3, throttle.failures());
        assertEquals(1, throttle.blockedAttempts());
    }

    @Test
    void aSuccessfulLoginClearsTheCount() {
        throttle.failed("10.0.0.9");
        throttle.failed("10.0.0.9");
        throttle.succeeded("10.0.0.9");
        throttle.failed("10.0.0.9");

        assertEquals(0, throttle.blockedSeconds("10.0.0.9"));
    }

    @Test
    void theTableIsBoundedDroppingTheOldestAddress() {
        LoginThrottle strict = new LoginThrottle(1, Duration.ofSeconds(60), clock::get);
        strict.failed("first");
        for (int i = 0; i < LoginThrottle.MAX_PEERS; i++) {
            strict.failed("peer" + i);
        }

        assertEquals(0, strict.blockedSeconds("first"), "evicted");
        assertEquals(60, strict.blockedSeconds("peer" + (LoginThrottle.MAX_PEERS - 1)));
    }
}
