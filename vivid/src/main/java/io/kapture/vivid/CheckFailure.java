package io.kapture.vivid;

/**
 * A check saw something other than what it expected; the message says what it expected and what it saw.
 * Immutable; thread-safe.
 */
class CheckFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    CheckFailure(String message) {
        super(message);
    }

    /** Fails with {@code message} unless {@code condition} holds. */
    static void require(boolean condition, String message) {
        if (!condition) {
            throw new CheckFailure(message);
        }
    }
}
