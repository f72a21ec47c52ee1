package io.kapture.vivid;

/**
 * A sequence gap that is not Kapture's doing: vivid numbers frames from its clock (jiffies since STREAMON, rounded
 * to the nearest frame), so when the emulated guest's capture thread runs late by half a frame period or more,
 * vivid skips sequence numbers even though buffers were queued. Under software emulation on a busy host that
 * happens now and then; {@link Attempts} retries a stream that saw one. A gap while no buffer was queued is a
 * plain {@link CheckFailure} instead: Kapture starved the driver. Immutable; thread-safe.
 */
final class DriverClockGap extends CheckFailure {

    private static final long serialVersionUID = 1L;

    DriverClockGap(String message) {
        super(message);
    }
}
