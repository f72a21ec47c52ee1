package io.kapture.v4l2.sim;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.sun.jna.Pointer;

import io.kapture.v4l2.Errno;
import io.kapture.v4l2.ErrnoException;
import io.kapture.v4l2.V4l2;
import io.kapture.v4l2.sim.SimCamera.SimControl;
import io.kapture.v4l2.structs.V4l2Control;
import io.kapture.v4l2.structs.V4l2ExtControl;
import io.kapture.v4l2.structs.V4l2ExtControls;
import io.kapture.v4l2.structs.V4l2QueryCtrl;
import io.kapture.v4l2.structs.V4l2QueryExtCtrl;
import io.kapture.v4l2.structs.V4l2QueryMenu;

/**
 * The control ioctls of a simulated camera, following the kernel's control framework: {@code NEXT_CTRL}
 * enumeration, menus with skipped indices, integers clamped and rounded to their step, {@code EACCES} for
 * read-only and write-only misuse, {@code EINVAL} for unknown ids and menu items. Called under its instance's
 * lock only.
 */
final class SimControls {

    private final List<SimControl> controls;
    private final Map<Integer, Long> values = new HashMap<>();

    SimControls(List<SimControl> controls) {
        List<SimControl> sorted = new ArrayList<>(controls);
        sorted.sort(Comparator.comparingInt(SimControl::id));
        this.controls = sorted;
        controls.forEach(c -> values.put(c.id(), c.def()));
    }

    boolean handles(long request) {
        return request == V4l2.VIDIOC_QUERYCTRL || request == V4l2.VIDIOC_QUERY_EXT_CTRL
                || request == V4l2.VIDIOC_QUERYMENU || request == V4l2.VIDIOC_G_CTRL || request == V4l2.VIDIOC_S_CTRL
                || request == V4l2.VIDIOC_G_EXT_CTRLS || request == V4l2.VIDIOC_S_EXT_CTRLS;
    }

    void ioctl(long request, Pointer arg) {
        String name = V4l2.ioctlName(request);
        if (request == V4l2.VIDIOC_QUERY_EXT_CTRL) {
            V4l2QueryExtCtrl query = V4l2QueryExtCtrl.at(arg);
            SimControl c = find(query.id(), name);
            query.clear();
            query.id(c.id());
            query.describe(c.type(), c.name(), c.min(), c.max(), c.step(), c.def(), c.flags());
        } else if (request == V4l2.VIDIOC_QUERYCTRL) {
            V4l2QueryCtrl query = V4l2QueryCtrl.at(arg);
            SimControl c = find(query.id(), name);
            query.clear();
            query.id(c.id());
            query.describe(c.type(), c.name(), clamp(c.min()), clamp(c.max()), clamp(c.step()), clamp(c.def()),
                    c.flags());
        } else if (request == V4l2.VIDIOC_QUERYMENU) {
            queryMenu(V4l2QueryMenu.at(arg));
        } else if (request == V4l2.VIDIOC_G_CTRL || request == V4l2.VIDIOC_S_CTRL) {
            V4l2Control control = V4l2Control.at(arg);
            SimControl c = exact(control.id(), name);
            if (c.type() == V4l2.CTRL_TYPE_INTEGER64) {
                throw new ErrnoException(name, Errno.EINVAL);
            }
            if (request == V4l2.VIDIOC_S_CTRL) {
                set(c, control.value(), name);
            } else {
                control.value((int) get(c, name));
            }
        } else {
            extended(V4l2ExtControls.at(arg), request == V4l2.VIDIOC_S_EXT_CTRLS, name);
        }
    }

    private void extended(V4l2ExtControls request, boolean set, String name) {
        for (int i = 0; i < request.count(); i++) {
            V4l2ExtControl control = V4l2ExtControl.at(request.controls().share((long) i * V4l2ExtControl.SIZE));
            request.errorIndex(i);
            SimControl c = exact(control.id(), name);
            boolean wide = c.type() == V4l2.CTRL_TYPE_INTEGER64;
            if (set) {
                set(c, wide ? control.value64() : control.value(), name);
            } else if (wide) {
                control.value64(get(c, name));
            } else {
                control.value((int) get(c, name));
            }
        }
        request.errorIndex(request.count());
    }

    private void queryMenu(V4l2QueryMenu item) {
        SimControl c = exact(item.id(), "VIDIOC_QUERYMENU");
        Object entry = c.menu().get(item.index());
        if (entry == null) {
            throw new ErrnoException("VIDIOC_QUERYMENU", Errno.EINVAL);
        }
        if (entry instanceof Long number) {
            item.value(number);
        } else {
            item.name((String) entry);
        }
    }

    private long get(SimControl c, String name) {
        if ((c.flags() & V4l2.CTRL_FLAG_WRITE_ONLY) != 0 || c.type() == V4l2.CTRL_TYPE_BUTTON) {
            throw new ErrnoException(name, Errno.EACCES);
        }
        return values.get(c.id());
    }

    private void set(SimControl c, long value, String name) {
        if ((c.flags() & V4l2.CTRL_FLAG_READ_ONLY) != 0) {
            throw new ErrnoException(name, Errno.EACCES);
        }
        if (c.type() == V4l2.CTRL_TYPE_BUTTON) {
            return;
        }
        long set = switch (c.type()) {
            case V4l2.CTRL_TYPE_MENU, V4l2.CTRL_TYPE_INTEGER_MENU -> {
                if (!c.menu().containsKey((int) value)) {
                    throw new ErrnoException(name, Errno.EINVAL);
                }
                yield value;
            }
            case V4l2.CTRL_TYPE_BOOLEAN -> value != 0 ? 1 : 0;
            default -> {
                long clamped = Math.max(c.min(), Math.min(c.max(), value));
                yield c.min() + (clamped - c.min()) / c.step() * c.step();
            }
        };
        values.put(c.id(), set);
    }

    private SimControl find(int id, String name) {
        if ((id & V4l2.CTRL_FLAG_NEXT_CTRL) == 0) {
            return exact(id, name);
        }
        int after = id & ~(V4l2.CTRL_FLAG_NEXT_CTRL | V4l2.CTRL_FLAG_NEXT_COMPOUND);
        for (SimControl c : controls) {
            if (Integer.compareUnsigned(c.id(), after) > 0) {
                return c;
            }
        }
        throw new ErrnoException(name, Errno.EINVAL);
    }

    private SimControl exact(int id, String name) {
        return controls.stream().filter(c -> c.id() == id).findFirst()
                .orElseThrow(() -> new ErrnoException(name, Errno.EINVAL));
    }

    private static int clamp(long value) {
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
    }
}
