package io.kapture.synthetic.internal.paint;

import java.util.Locale;

/**
 * The synthetic camera's test patterns, in the order of the {@code test_pattern} menu control. Every pattern
 * also carries the frame's sequence number as a code and as digits.
 *
 * <p>Immutable; safe from any thread.
 */
public enum Pattern {
    /** Eight 100% colour bars. */
    BARS("bars", true, false),
    /** A box moving over a grey background. */
    BOX("box", false, true),
    /** A box moving over the colour bars. */
    BARS_AND_BOX("bars+box", true, true),
    /** Static blocky random colours: content that does not compress. */
    NOISE("noise", false, false);

    private final String label;
    private final boolean bars;
    private final boolean box;

    Pattern(String label, boolean bars, boolean box) {
        this.label = label;
        this.bars = bars;
        this.box = box;
    }

    /** The name used in configurations and in the control's menu. */
    public String label() {
        return label;
    }

    /** Whether the background is the colour bars. */
    public boolean hasBars() {
        return bars;
    }

    /** Whether a moving box is drawn. */
    public boolean hasBox() {
        return box;
    }

    /**
     * The pattern with this label ({@code bars}, {@code box}, {@code bars+box}, {@code noise}), ignoring case.
     *
     * @throws IllegalArgumentException naming the valid labels
     */
    public static Pattern parse(String text) {
        if (text != null) {
            String wanted = text.trim().toLowerCase(Locale.ROOT);
            for (Pattern pattern : values()) {
                if (pattern.label.equals(wanted) || pattern.name().toLowerCase(Locale.ROOT).equals(wanted)) {
                    return pattern;
                }
            }
        }
        throw new IllegalArgumentException("unknown test pattern '" + text + "'; use " + labels());
    }

    /** The labels, comma separated, for error messages. */
    public static String labels() {
        StringBuilder labels = new StringBuilder();
        for (Pattern pattern : values()) {
            labels.append(labels.length() == 0 ? "" : ", ").append(pattern.label);
        }
        return labels.toString();
    }
}
