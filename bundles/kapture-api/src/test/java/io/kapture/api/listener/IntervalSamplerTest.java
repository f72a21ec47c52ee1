package io.kapture.api.listener;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** One frame per interval, on marks that do not drift, restarting after a pause. */
class IntervalSamplerTest {

    private static final long FRAME = 33_333_333;

    @Test
    void picksTheFirstFrameAtOrAfterEachMark() {
        IntervalSampler sampler = new IntervalSampler(100_000_000);
        List<Integer> picked = new ArrayList<>();

        for (int i = 0; i < 30; i++) {
            if (sampler.due(1_000 + i * FRAME)) {
                picked.add(i);
            }
        }

        // Marks at 100, 200, ... ms after the first frame; frames come every 33,333,333 ns, so the third frame after
        // a pick is 1 ns short of the mark and the fourth is the first at or after it.
        assertEquals(List.of(0, 4, 7, 10, 13, 16, 19, 22, 25, 28), picked);
    }

    @Test
    void marksDoNotDriftWithLateFrames() {
        IntervalSampler sampler = new IntervalSampler(100);

        assertTrue(sampler.due(0));
        assertTrue(sampler.due(130), "late for the mark at 100");
        assertFalse(sampler.due(190));
        assertTrue(sampler.due(200), "the next mark is 200, not 230");
    }

    @Test
    void afterAPauseTheMarksStartAgain() {
        IntervalSampler sampler = new IntervalSampler(100);

        assertTrue(sampler.due(0));
        assertTrue(sampler.due(1_050), "a pause of ten intervals");
        assertFalse(sampler.due(1_100), "marks follow the frame after the pause: next at 1150");
        assertTrue(sampler.due(1_150));
    }

    @Test
    void theIntervalMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new IntervalSampler(0));
    }
}
