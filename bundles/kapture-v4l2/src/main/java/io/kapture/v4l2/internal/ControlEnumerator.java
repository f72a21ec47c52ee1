package io.kapture.v4l2.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.kapture.api.spi.ControlInfo;
import io.kapture.v4l2.Errno;
import io.kapture.v4l2.V4l2;
import io.kapture.v4l2.V4l2Device;
import io.kapture.v4l2.V4l2Errors;
import io.kapture.v4l2.structs.V4l2QueryCtrl;
import io.kapture.v4l2.structs.V4l2QueryExtCtrl;
import io.kapture.v4l2.structs.V4l2QueryMenu;

/**
 * Walks a device's controls with {@code V4L2_CTRL_FLAG_NEXT_CTRL}: {@code VIDIOC_QUERY_EXT_CTRL} where the driver
 * has it, {@code VIDIOC_QUERYCTRL} otherwise, and each menu's items with {@code VIDIOC_QUERYMENU} (indices the
 * driver skips answer {@code EINVAL} and are left out). Used once per open; one thread.
 */
final class ControlEnumerator {

    private final V4l2Device device;
    private final V4l2QueryExtCtrl ext = new V4l2QueryExtCtrl();
    private final V4l2QueryCtrl legacy = new V4l2QueryCtrl();
    private final V4l2QueryMenu item = new V4l2QueryMenu();

    ControlEnumerator(V4l2Device device) {
        this.device = device;
    }

    /** Controls by name, in the driver's order; fills {@code ids} with each name's control id. */
    Map<String, ControlInfo> enumerate(Map<String, Integer> ids) {
        Map<String, ControlInfo> controls = new LinkedHashMap<>();
        boolean extended = true;
        int id = 0;
        while (true) {
            int result;
            if (extended) {
                ext.clear();
                ext.id(id | V4l2.CTRL_FLAG_NEXT_CTRL);
                result = device.tryIoctl(V4l2.VIDIOC_QUERY_EXT_CTRL, ext);
                if (result == -Errno.ENOTTY && id == 0) {
                    extended = false;
                    continue;
                }
            } else {
                legacy.clear();
                legacy.id(id | V4l2.CTRL_FLAG_NEXT_CTRL);
                result = device.tryIoctl(V4l2.VIDIOC_QUERYCTRL, legacy);
            }
            if (result == -Errno.EINVAL || result == -Errno.ENOTTY) {
                return controls;
            }
            if (result < 0) {
                throw V4l2Errors.of(device.path(), extended ? "VIDIOC_QUERY_EXT_CTRL" : "VIDIOC_QUERYCTRL", -result);
            }
            id = extended ? ext.id() : legacy.id();
            ControlInfo info = extended ? describe(ext.type(), ext.name(), ext.minimum(), ext.maximum(), ext.step(),
                    ext.defaultValue(), ext.flags(), id)
                    : describe(legacy.type(), legacy.name(), legacy.minimum(), legacy.maximum(), legacy.step(),
                            legacy.defaultValue(), legacy.flags(), id);
            if (info != null && !controls.containsKey(info.name())) {
                controls.put(info.name(), info);
                ids.put(info.name(), id);
            }
        }
    }

    private ControlInfo describe(int type, String driverName, long min, long max, long step, long def, int flags,
            int id) {
        ControlInfo.Type kind = kind(type);
        if (kind == null || (flags & V4l2.CTRL_FLAG_DISABLED) != 0) {
            return null;
        }
        Map<Long, String> menu = kind == ControlInfo.Type.MENU || kind == ControlInfo.Type.INTEGER_MENU
                ? menu(id, min, max, kind == ControlInfo.Type.INTEGER_MENU) : Map.of();
        return new ControlInfo(name(driverName), kind, min, max, step, def, def, menu);
    }

    private Map<Long, String> menu(int id, long min, long max, boolean integers) {
        Map<Long, String> menu = new LinkedHashMap<>();
        for (long index = Math.max(min, 0); index <= max && index - min < 256; index++) {
            item.clear();
            item.id(id);
            item.index((int) index);
            int result = device.tryIoctl(V4l2.VIDIOC_QUERYMENU, item);
            if (result == 0) {
                menu.put(index, integers ? Long.toString(item.value()) : item.name());
            } else if (result != -Errno.EINVAL) {
                throw V4l2Errors.of(device.path(), "VIDIOC_QUERYMENU", -result);
            }
        }
        return menu;
    }

    private static ControlInfo.Type kind(int type) {
        return switch (type) {
            case V4l2.CTRL_TYPE_INTEGER -> ControlInfo.Type.INTEGER;
            case V4l2.CTRL_TYPE_BOOLEAN -> ControlInfo.Type.BOOLEAN;
            case V4l2.CTRL_TYPE_MENU -> ControlInfo.Type.MENU;
            case V4l2.CTRL_TYPE_INTEGER_MENU -> ControlInfo.Type.INTEGER_MENU;
            case V4l2.CTRL_TYPE_BUTTON -> ControlInfo.Type.BUTTON;
            case V4l2.CTRL_TYPE_INTEGER64 -> ControlInfo.Type.INTEGER64;
            case V4l2.CTRL_TYPE_BITMASK -> ControlInfo.Type.OTHER;
            default -> null;
        };
    }

    /** The v4l2-ctl style name: lower case letters and digits, every other run of characters one underscore. */
    static String name(String driverName) {
        StringBuilder name = new StringBuilder();
        for (char c : driverName.toLowerCase(Locale.ROOT).toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                name.append(c);
            } else if (name.length() > 0 && name.charAt(name.length() - 1) != '_') {
                name.append('_');
            }
        }
        while (name.length() > 0 && name.charAt(name.length() - 1) == '_') {
            name.setLength(name.length() - 1);
        }
        return name.toString();
    }
}
