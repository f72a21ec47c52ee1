package io.kapture.shell.internal;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.karaf.shell.support.table.ShellTable;

import io.kapture.api.spi.ControlInfo;

/**
 * The controls of a device as the shell shows and sets them: the table of {@code kapture:controls}, the lookup
 * of one control by name and the reading of a value the way a user types it (a number, a boolean word or a menu
 * label).
 *
 * <p>Threading contract: works on the target it is given, on the calling thread; a target's control methods may
 * be called from any thread by their contract.
 */
public final class Controls {

    private final String device;
    private final ControlTarget target;

    public Controls(String device, ControlTarget target) {
        this.device = device;
        this.target = target;
    }

    /** One row per control. */
    public void print(PrintStream out) {
        ShellTable table = new ShellTable();
        table.column("Control");
        table.column("Type");
        table.column("Value").alignRight();
        table.column("Default").alignRight();
        table.column("Min").alignRight();
        table.column("Max").alignRight();
        table.column("Step").alignRight();
        table.column("Menu");
        table.emptyTableText("Device " + device + " has no controls.");
        for (ControlInfo control : target.controls()) {
            table.addRow().addContent(control.name(), control.type().name().toLowerCase(Locale.ROOT),
                    control.value(), control.defaultValue(), control.minimum(), control.maximum(), control.step(),
                    menu(control.menu()));
        }
        table.print(out);
    }

    /**
     * The control of that name.
     *
     * @throws IllegalArgumentException naming the device's controls, if it has none of that name
     */
    public ControlInfo get(String name) {
        List<ControlInfo> controls = target.controls();
        String listing = controls.isEmpty() ? "It has no controls."
                : "Controls: " + controls.stream().map(ControlInfo::name).collect(Collectors.joining(", "));
        return controls.stream().filter(control -> control.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No control '" + name + "' on " + device + ". "
                        + listing));
    }

    /** A control's current value as the shell prints it: {@code 128}, or {@code 1 (50 Hz)} for a menu entry. */
    public static String describe(ControlInfo control, long value) {
        String label = control.menu().get(value);
        return label == null ? Long.toString(value) : value + " (" + label + ")";
    }

    /**
     * Reads a value typed for a control: a number; for boolean controls also true/false, on/off, yes/no; for menu
     * controls also an entry's label, ignoring case.
     *
     * @throws IllegalArgumentException saying what the control takes
     */
    public static long parse(ControlInfo control, String text) {
        String trimmed = text.trim();
        if (control.type() == ControlInfo.Type.BOOLEAN) {
            switch (trimmed.toLowerCase(Locale.ROOT)) {
                case "true", "on", "yes" -> {
                    return 1;
                }
                case "false", "off", "no" -> {
                    return 0;
                }
                default -> {
                }
            }
        }
        for (Map.Entry<Long, String> entry : control.menu().entrySet()) {
            if (entry.getValue().equalsIgnoreCase(trimmed)) {
                return entry.getKey();
            }
        }
        try {
            return Long.parseLong(trimmed);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Value '" + text + "' does not fit control " + control.name() + ": "
                    + accepted(control), e);
        }
    }

    private static String accepted(ControlInfo control) {
        if (!control.menu().isEmpty()) {
            return "it takes one of " + menu(control.menu());
        }
        if (control.type() == ControlInfo.Type.BOOLEAN) {
            return "it takes true or false";
        }
        return "it takes a whole number from " + control.minimum() + " to " + control.maximum();
    }

    private static String menu(Map<Long, String> menu) {
        if (menu.isEmpty()) {
            return Figures.NONE;
        }
        return menu.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(entry -> entry.getKey() + "=" + entry.getValue()).collect(Collectors.joining(", "));
    }
}
