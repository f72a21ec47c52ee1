package io.kapture.synthetic.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.kapture.api.spi.ControlInfo;
import io.kapture.synthetic.internal.paint.Pattern;

/**
 * The controls of one synthetic device, shared by every source opened on it (as a V4L2 device's controls are
 * shared by every open file descriptor): the shell's separate open sees the values the streaming session uses.
 * Each change bumps a version, which tells a streaming source to repaint its template.
 *
 * <p>Thread-safe: values live in one atomically replaced snapshot.
 */
final class DeviceControls {
    static final String BRIGHTNESS = "brightness";
    static final String TEST_PATTERN = "test_pattern";

    private static final int BRIGHTNESS_MAX = 255;
    private static final int BRIGHTNESS_DEFAULT = 128;
    private static final Pattern PATTERN_DEFAULT = Pattern.BARS_AND_BOX;

    /**
     * One consistent snapshot of the values.
     *
     * @param brightness 0..255, 128 = unchanged
     * @param pattern    the test pattern
     * @param version    bumped by every change
     */
    record Values(int brightness, Pattern pattern, long version) {
    }

    private final String device;
    private final AtomicReference<Values> values =
            new AtomicReference<>(new Values(BRIGHTNESS_DEFAULT, PATTERN_DEFAULT, 0));

    DeviceControls(String device) {
        this.device = device;
    }

    Values values() {
        return values.get();
    }

    /** Reads a control by name. */
    long get(String name) {
        Values now = values.get();
        return switch (known(name)) {
            case BRIGHTNESS -> now.brightness();
            default -> now.pattern().ordinal();
        };
    }

    /** Sets a control: brightness is clamped to 0..255, the pattern must be a menu index. */
    void set(String name, long value) {
        String control = known(name);
        if (TEST_PATTERN.equals(control)) {
            if (value < 0 || value >= Pattern.values().length) {
                throw new IllegalArgumentException("control " + TEST_PATTERN + " of synthetic device '" + device
                        + "' takes a menu index: " + menu() + "; was " + value);
            }
            Pattern pattern = Pattern.values()[(int) value];
            values.updateAndGet(v -> new Values(v.brightness(), pattern, v.version() + 1));
        } else {
            int brightness = (int) Math.max(0, Math.min(BRIGHTNESS_MAX, value));
            values.updateAndGet(v -> new Values(brightness, v.pattern(), v.version() + 1));
        }
    }

    /** Every control with its current value. */
    List<ControlInfo> list() {
        Values now = values.get();
        Map<Long, String> menu = new LinkedHashMap<>();
        for (Pattern pattern : Pattern.values()) {
            menu.put((long) pattern.ordinal(), pattern.label());
        }
        return List.of(
                new ControlInfo(BRIGHTNESS, ControlInfo.Type.INTEGER, 0, BRIGHTNESS_MAX, 1, BRIGHTNESS_DEFAULT,
                        now.brightness(), Map.of()),
                new ControlInfo(TEST_PATTERN, ControlInfo.Type.MENU, 0, Pattern.values().length - 1, 1,
                        PATTERN_DEFAULT.ordinal(), now.pattern().ordinal(), menu));
    }

    private String known(String name) {
        String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        if (BRIGHTNESS.equals(wanted) || TEST_PATTERN.equals(wanted)) {
            return wanted;
        }
        throw new IllegalArgumentException("synthetic device '" + device + "' has no control '" + name
                + "'; its controls are " + BRIGHTNESS + ", " + TEST_PATTERN);
    }

    private static String menu() {
        StringBuilder menu = new StringBuilder();
        for (Pattern pattern : Pattern.values()) {
            menu.append(menu.length() == 0 ? "" : ", ").append(pattern.ordinal()).append('=').append(pattern.label());
        }
        return menu.toString();
    }
}
