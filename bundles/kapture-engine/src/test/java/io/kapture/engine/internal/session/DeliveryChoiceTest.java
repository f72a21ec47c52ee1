package io.kapture.engine.internal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.kapture.engine.internal.fakes.CopyingStrategy;
import io.kapture.engine.internal.fakes.LeasingStrategy;

/** The strategy that delivers, from the configured one, the source's hazard and what is registered. */
class DeliveryChoiceTest {

    private static final Optional<String> HAZARD = Optional.of("driver 'libcamera' needs its buffers back in order");

    private final NamedStrategy zerocopy = new NamedStrategy("zerocopy", new LeasingStrategy(true));
    private final NamedStrategy pool = new NamedStrategy("pool", new CopyingStrategy());
    private final NamedStrategy copy = new NamedStrategy("copy", new CopyingStrategy());
    /** A strategy registered as "pool" that lends nonetheless: never a substitute. */
    private final NamedStrategy lendingPool = new NamedStrategy("pool", new LeasingStrategy(true));

    private static DeliveryChoice choose(NamedStrategy configured, Optional<String> hazard,
            Map<String, NamedStrategy> registered) {
        return DeliveryChoice.of(configured, hazard, name -> Optional.ofNullable(registered.get(name)));
    }

    @Test
    void aSourceThatLendsSafelyGetsWhatIsConfigured() {
        DeliveryChoice choice = choose(zerocopy, Optional.empty(), Map.of("pool", pool));

        assertSame(zerocopy, choice.effective());
        assertEquals(Optional.empty(), choice.fallback());
    }

    @Test
    void aCopyingStrategyIsKeptOnASourceThatCannotLend() {
        DeliveryChoice choice = choose(copy, HAZARD, Map.of("pool", pool));

        assertSame(copy, choice.effective());
        assertEquals(Optional.empty(), choice.fallback());
    }

    @Test
    void zeroCopyOnASourceThatCannotLendBecomesPoolThenCopy() {
        assertSame(pool, choose(zerocopy, HAZARD, Map.of("pool", pool, "copy", copy)).effective());
        assertSame(copy, choose(zerocopy, HAZARD, Map.of("copy", copy)).effective());
        assertSame(copy, choose(zerocopy, HAZARD, Map.of("pool", lendingPool, "copy", copy)).effective());
        assertEquals(Optional.of("delivering with pool instead of zerocopy: " + HAZARD.get()),
                choose(zerocopy, HAZARD, Map.of("pool", pool)).fallback());
    }

    @Test
    void withNoCopyingStrategyTheConfiguredOneDeliversAndTheHazardIsSaid() {
        DeliveryChoice choice = choose(zerocopy, HAZARD, Map.of());

        assertSame(zerocopy, choice.effective());
        assertTrue(choice.fallback().orElseThrow().contains(HAZARD.get()));
        assertTrue(choice.fallback().orElseThrow().contains("no copying delivery strategy (pool, copy)"));
    }
}
