package io.kapture.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The drops by cause a listener's figures carry: a copy, in the causes' order, absent causes reading 0; and where
 * the listener runs.
 */
class ListenerStatsTest {

    @Test
    void theCausesAreACopyInTheirOwnOrderAndAbsentOnesReadZero() {
        Map<DropCause, Long> causes = new EnumMap<>(DropCause.class);
        causes.put(DropCause.STOPPED, 2L);
        causes.put(DropCause.QUEUE_FULL, 10L);
        ListenerStats stats = stats(12, causes);
        causes.put(DropCause.BLOCK_TIMEOUT, 5L);

        assertEquals(Map.of(DropCause.QUEUE_FULL, 10L, DropCause.STOPPED, 2L), stats.droppedByCause());
        assertEquals(0, stats.dropped(DropCause.BLOCK_TIMEOUT));
        assertEquals("12 (queue full 10, discarded at stop 2)", stats.droppedWithCauses());
        assertThrows(UnsupportedOperationException.class, () -> stats.droppedByCause().clear());
    }

    @Test
    void figuresWithoutCausesStillPrintTheirTotal() {
        ListenerStats old = new ListenerStats("l", "b", "*", DropPolicy.DROP_OLDEST, 8, 0, 5, 3, 0, 1, 2, 3);

        assertEquals(Map.of(), old.droppedByCause());
        assertEquals("3", old.droppedWithCauses());
        assertEquals("0", stats(0, null).droppedWithCauses());
    }

    @Test
    void thePlacementSaysWhereAndWhyAndOlderFiguresMeanAThreadOfItsOwn() {
        ListenerStats moved = new ListenerStats("l", "b", "*", DropPolicy.DROP_OLDEST, 8, 0, 5, 0, 0, 1, 2, 3, Map.of(),
                5, ListenerPlacement.DEMOTED, "3 calls in a row took over half the frame interval");
        ListenerStats older = stats(0, null);

        assertEquals("own thread (moved): 3 calls in a row took over half the frame interval",
                moved.placementWithReason());
        assertEquals(ListenerPlacement.OWN_THREAD, older.placement());
        assertEquals("own thread", older.placementWithReason());
        assertEquals("capture thread", new ListenerStats("l", "b", "*", DropPolicy.DROP_OLDEST, 8, 0, 5, 0, 0, 1, 2,
                3, Map.of(), 5, ListenerPlacement.INLINE, null).placementWithReason());
    }

    private static ListenerStats stats(long dropped, Map<DropCause, Long> causes) {
        return new ListenerStats("l", "b", "*", DropPolicy.DROP_OLDEST, 8, 0, 5, dropped, 0, 1, 2, 3, causes);
    }
}
