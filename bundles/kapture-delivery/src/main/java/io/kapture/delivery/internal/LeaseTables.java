package io.kapture.delivery.internal;

import io.kapture.api.spi.DeliveryContext;

/**
 * The {@link LeaseTable} of every session a zero-copy strategy serves, found by the identity of the session's
 * {@link DeliveryContext}. Sessions are few and come and go rarely, so the tables live in a copy-on-write array:
 * the capture threads and the reaper read it without locks, iterators or allocation.
 *
 * <p>Threading contract: every method from any thread; changes are serialised by this object's monitor.
 */
final class LeaseTables {

    private static final LeaseTable[] NONE = new LeaseTable[0];

    private volatile LeaseTable[] tables = NONE;

    /** The table of {@code context}, made on its first frame. */
    LeaseTable tableFor(DeliveryContext context) {
        LeaseTable table = find(tables, context);
        return table != null ? table : add(context);
    }

    /** Forgets {@code context}'s table and returns it, or {@code null} if it had none. */
    synchronized LeaseTable remove(DeliveryContext context) {
        LeaseTable[] current = tables;
        for (int i = 0; i < current.length; i++) {
            if (current[i].context() == context) {
                LeaseTable[] shrunk = new LeaseTable[current.length - 1];
                System.arraycopy(current, 0, shrunk, 0, i);
                System.arraycopy(current, i + 1, shrunk, i, current.length - i - 1);
                tables = shrunk;
                return current[i];
            }
        }
        return null;
    }

    /** Forgets every table and returns them. */
    synchronized LeaseTable[] removeAll() {
        LeaseTable[] current = tables;
        tables = NONE;
        return current;
    }

    /** The tables now; the array must not be changed. */
    LeaseTable[] snapshot() {
        return tables;
    }

    private synchronized LeaseTable add(DeliveryContext context) {
        LeaseTable[] current = tables;
        LeaseTable table = find(current, context);
        if (table != null) {
            return table;
        }
        table = new LeaseTable(context);
        LeaseTable[] grown = new LeaseTable[current.length + 1];
        System.arraycopy(current, 0, grown, 0, current.length);
        grown[current.length] = table;
        tables = grown;
        return table;
    }

    private static LeaseTable find(LeaseTable[] tables, DeliveryContext context) {
        for (LeaseTable table : tables) {
            if (table.context() == context) {
                return table;
            }
        }
        return null;
    }
}
