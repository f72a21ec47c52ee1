package io.kapture.shell.internal;

import java.io.PrintStream;
import java.util.function.Consumer;

/**
 * Redraws a view on the console again and again until the user presses Ctrl-C, which Karaf turns into an
 * interrupt of the command's thread (as {@code log:tail} relies on).
 *
 * <p>Threading contract: runs on, and blocks, the calling command thread; nothing is shared.
 */
public final class Redraw {

    /** ANSI: cursor home, then erase the whole screen. */
    static final String CLEAR_SCREEN = "\u001b[H\u001b[2J";

    private Redraw() {
    }

    /**
     * Draws, waits {@code periodMillis}, and draws again until interrupted. With {@code ansi} the screen is
     * cleared before each drawing; without, drawings follow each other.
     */
    public static void untilInterrupted(PrintStream out, boolean ansi, long periodMillis, Consumer<PrintStream> draw) {
        try {
            while (true) {
                if (ansi) {
                    out.print(CLEAR_SCREEN);
                }
                draw.accept(out);
                out.flush();
                Thread.sleep(periodMillis);
            }
        } catch (InterruptedException e) {
            // Ctrl-C is the way to end a follow: the interrupt is the user's request, fully handled by returning.
            out.println();
            out.flush();
        }
    }
}
