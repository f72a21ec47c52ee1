package io.kapture.api.spi;

import java.util.Map;

/**
 * A device control such as brightness or exposure.
 *
 * @param name         the name used to read and set it, lower case with underscores ({@code white_balance_automatic})
 * @param type         what kind of value it takes
 * @param minimum      smallest value
 * @param maximum      largest value
 * @param step         step between values
 * @param defaultValue the driver's default
 * @param value        the value when listed
 * @param menu         for {@link Type#MENU} controls, the allowed values and their labels; empty otherwise
 */
public record ControlInfo(String name, Type type, long minimum, long maximum, long step, long defaultValue,
        long value, Map<Long, String> menu) {

    public ControlInfo {
        menu = Map.copyOf(menu);
    }

    /** The kinds of control value. */
    public enum Type {
        INTEGER, BOOLEAN, MENU, INTEGER_MENU, BUTTON, INTEGER64, OTHER
    }
}
