package io.kapture.v4l2.internal.m2m;

/**
 * What {@link M2mEncoder#drain} saw. Immutable.
 *
 * @param lastFlag whether a CAPTURE buffer flagged {@code V4L2_BUF_FLAG_LAST} came (or {@code EPIPE} said so)
 * @param eosEvent whether the {@code V4L2_EVENT_EOS} event came
 * @param units    coded units handed out while draining
 * @param nanos    how long the drain took
 */
public record DrainResult(boolean lastFlag, boolean eosEvent, int units, long nanos) {
}
