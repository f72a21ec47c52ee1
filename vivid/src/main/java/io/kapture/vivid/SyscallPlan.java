package io.kapture.vivid;

import java.util.List;

/**
 * What one run of the syscall-cost check does, the same for its Java and its C side: buffers to stream, frames to
 * record (at most, within {@code seconds}), frames to let pass unrecorded first, untimed warm-up rounds of the
 * timed calls, and back-to-back clock reads and empty ioctls to time.
 *
 * <p>Immutable; thread-safe.
 */
record SyscallPlan(int buffers, int frames, int seconds, int skip, int warmup, int empty) {

    /** The C program's arguments after the device, in its usage order. */
    List<String> arguments() {
        return List.of(Integer.toString(buffers), Integer.toString(frames), Integer.toString(seconds),
                Integer.toString(skip), Integer.toString(warmup), Integer.toString(empty));
    }
}
