package io.kapture.engine.internal.fanout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** When a delivery thread stops yielding before it parks, and when it tries again. Single-threaded. */
class YieldPolicyTest {

    private final YieldPolicy policy = new YieldPolicy();

    @Test
    void yieldsUntilFourWaitsInARowFoundNothingByYielding() {
        for (int wait = 1; wait < YieldPolicy.FRUITLESS_WAITS; wait++) {
            policy.parked(YieldPolicy.YIELDS);
            assertEquals(YieldPolicy.YIELDS, policy.yields(), "after " + wait + " fruitless waits");
        }
        policy.parked(YieldPolicy.YIELDS);

        assertEquals(0, policy.yields());
    }

    @Test
    void aFrameFoundAfterAYieldStartsTheCountAgain() {
        for (int wait = 0; wait < 10 * YieldPolicy.FRUITLESS_WAITS; wait++) {
            if (wait % YieldPolicy.FRUITLESS_WAITS == 0) {
                policy.found(2);
            } else {
                policy.parked(YieldPolicy.YIELDS);
            }
        }

        assertEquals(YieldPolicy.YIELDS, policy.yields(), "never four fruitless waits in a row");
    }

    @Test
    void aFrameThereAtOnceSaysNothingAboutYielding() {
        stopYielding();

        policy.found(0);

        assertEquals(0, policy.yields());
    }

    @Test
    void onceStoppedItProbesEveryThirtySecondWaitAndStaysOffIfTheProbeFindsNothing() {
        stopYielding();
        for (int wait = 1; wait < YieldPolicy.PROBE_EVERY; wait++) {
            policy.parked(0);
            assertEquals(0, policy.yields(), "wait " + wait + " parks at once");
        }
        policy.parked(0);
        assertEquals(YieldPolicy.YIELDS, policy.yields(), "the probing wait yields");

        policy.parked(YieldPolicy.YIELDS);

        assertEquals(0, policy.yields(), "a fruitless probe turns yielding off at once");
    }

    @Test
    void aProbeThatFindsAFrameTurnsYieldingBackOn() {
        stopYielding();
        for (int wait = 0; wait < YieldPolicy.PROBE_EVERY; wait++) {
            policy.parked(0);
        }

        policy.found(1);
        policy.parked(YieldPolicy.YIELDS);

        assertEquals(YieldPolicy.YIELDS, policy.yields(), "one fruitless wait after a fruitful one is not enough");
    }

    private void stopYielding() {
        for (int wait = 0; wait < YieldPolicy.FRUITLESS_WAITS; wait++) {
            policy.parked(YieldPolicy.YIELDS);
        }
        assertEquals(0, policy.yields());
    }
}
