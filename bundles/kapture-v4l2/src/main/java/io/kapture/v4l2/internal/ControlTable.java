package io.kapture.v4l2.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.kapture.api.spi.ControlInfo;
import io.kapture.v4l2.Errno;
import io.kapture.v4l2.V4l2;
import io.kapture.v4l2.V4l2Device;
import io.kapture.v4l2.V4l2Errors;
import io.kapture.v4l2.V4l2Exception;
import io.kapture.v4l2.structs.V4l2Control;
import io.kapture.v4l2.structs.V4l2ExtControl;
import io.kapture.v4l2.structs.V4l2ExtControls;

/**
 * A device's controls: enumerated once at open with {@code VIDIOC_QUERY_EXT_CTRL} (or {@code QUERYCTRL} on drivers
 * without it) and {@code QUERYMENU}, named the way {@code v4l2-ctl} names them (the driver's name in lower case,
 * every run of other characters an underscore: "White Balance Temperature" is {@code white_balance_temperature}),
 * read and set with {@code G_CTRL} / {@code S_CTRL}, or {@code G_EXT_CTRLS} / {@code S_EXT_CTRLS} for 64-bit
 * ones. Disabled controls, control classes and compound or string controls are left out.
 *
 * <p>Thread-safe: every ioctl runs under this object's lock with its own scratch structs, so controls may be read
 * and set from any thread while the capture thread streams.
 */
final class ControlTable {

    private final V4l2Device device;
    private final Map<String, ControlInfo> described;
    private final Map<String, Integer> ids = new LinkedHashMap<>();
    private final V4l2Control control = new V4l2Control();
    private final V4l2ExtControls extControls = new V4l2ExtControls();
    private final V4l2ExtControl extControl = new V4l2ExtControl();

    ControlTable(V4l2Device device) {
        this.device = device;
        this.described = new ControlEnumerator(device).enumerate(ids);
    }

    /** Every control with its current value. */
    synchronized List<ControlInfo> list() {
        List<ControlInfo> controls = new ArrayList<>();
        for (ControlInfo info : described.values()) {
            long value = info.defaultValue();
            if (readable(info)) {
                try {
                    value = read(info);
                } catch (V4l2Exception e) {
                    // write-only or momentarily unreadable (inactive on some drivers): list the default
                }
            }
            controls.add(new ControlInfo(info.name(), info.type(), info.minimum(), info.maximum(), info.step(),
                    info.defaultValue(), value, info.menu()));
        }
        return controls;
    }

    synchronized long get(String name) {
        ControlInfo info = lookup(name);
        if (!readable(info)) {
            throw new IllegalArgumentException(device.path() + ": control " + name + " is a button or write-only"
                    + " and has no value to read");
        }
        return read(info);
    }

    synchronized void set(String name, long value) {
        ControlInfo info = lookup(name);
        if ((info.type() == ControlInfo.Type.MENU || info.type() == ControlInfo.Type.INTEGER_MENU)
                && !info.menu().containsKey(value)) {
            throw new IllegalArgumentException(device.path() + ": " + value + " is not an item of menu control "
                    + name + "; allowed: " + info.menu());
        }
        int id = ids.get(info.name());
        int result;
        if (info.type() == ControlInfo.Type.INTEGER64) {
            prepareExt(id);
            extControl.value64(value);
            result = device.tryIoctl(V4l2.VIDIOC_S_EXT_CTRLS, extControls);
        } else {
            control.id(id);
            control.value((int) value);
            result = device.tryIoctl(V4l2.VIDIOC_S_CTRL, control);
        }
        if (result == -Errno.EINVAL || result == -Errno.ERANGE || result == -Errno.EACCES || result == -Errno.EBUSY) {
            throw new IllegalArgumentException(device.path() + ": cannot set control " + name + " to " + value + " ("
                    + Errno.describe(-result) + "): " + rangeOf(info) + (result == -Errno.EACCES
                            ? "; it is read-only" : result == -Errno.EBUSY ? "; it cannot change while streaming" : ""));
        }
        if (result < 0) {
            throw V4l2Errors.of(device.path(), "set control " + name, -result);
        }
    }

    private long read(ControlInfo info) {
        int id = ids.get(info.name());
        if (info.type() == ControlInfo.Type.INTEGER64) {
            prepareExt(id);
            check(device.tryIoctl(V4l2.VIDIOC_G_EXT_CTRLS, extControls), info.name());
            return extControl.value64();
        }
        control.id(id);
        check(device.tryIoctl(V4l2.VIDIOC_G_CTRL, control), info.name());
        return control.value();
    }

    private void prepareExt(int id) {
        extControls.clear();
        extControl.clear();
        extControl.id(id);
        extControls.which(V4l2.CTRL_WHICH_CUR_VAL);
        extControls.controls(extControl, 1);
    }

    private void check(int result, String name) {
        if (result < 0) {
            throw V4l2Errors.of(device.path(), "read control " + name, -result);
        }
    }

    private ControlInfo lookup(String name) {
        ControlInfo info = name == null ? null : described.get(name.trim().toLowerCase(Locale.ROOT));
        if (info == null) {
            throw new IllegalArgumentException(device.path() + " has no control '" + name + "'; it has: "
                    + String.join(", ", described.keySet()));
        }
        return info;
    }

    private static boolean readable(ControlInfo info) {
        return info.type() != ControlInfo.Type.BUTTON;
    }

    private static String rangeOf(ControlInfo info) {
        if (!info.menu().isEmpty()) {
            return "allowed: " + info.menu();
        }
        return "range " + info.minimum() + ".." + info.maximum() + " step " + info.step();
    }
}
