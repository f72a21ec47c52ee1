package io.kapture.api;

/**
 * Why a frame due for a listener never reached it. Every frame a listener was offered ends up delivered, still
 * queued, or dropped for exactly one of these causes, so that per listener offered = delivered + dropped + queued
 * ({@link ListenerStats#droppedByCause()}).
 *
 * <p>Immutable; safe from any thread.
 */
public enum DropCause {
    /** Its queue was full under {@code DROP_OLDEST} or {@code DROP_NEWEST}, or too small after a capacity change. */
    QUEUE_FULL("queue full"),
    /** Its queue stayed full for the whole block timeout under {@code BLOCK}. */
    BLOCK_TIMEOUT("block timeout"),
    /** A zero-copy frame taken back by its strategy while it waited in the queue. */
    TAKEN_BACK("taken back while queued"),
    /** Queued, or offered, when the subscription ended (stream stopped or listener unsubscribed). */
    STOPPED("discarded at stop"),
    /** Its delivery thread had ended unexpectedly. */
    DELIVERY_ENDED("delivery thread ended");

    private final String words;

    DropCause(String words) {
        this.words = words;
    }

    /** The cause in a few words, for logs and tables. */
    public String words() {
        return words;
    }
}
