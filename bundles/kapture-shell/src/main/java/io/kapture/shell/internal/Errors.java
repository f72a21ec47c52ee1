package io.kapture.shell.internal;

/**
 * Words an exception as the one line a shell user sees.
 *
 * <p>Threading contract: stateless; safe from any thread.
 */
public final class Errors {

    private Errors() {
    }

    /** The exception's message, or its kind where it has none, on one line. */
    public static String describe(Throwable error) {
        String message = error.getMessage();
        if (message == null || message.isBlank()) {
            message = error.getClass().getSimpleName();
        }
        return message.replaceAll("\\s*\\R\\s*", " ").trim();
    }
}
