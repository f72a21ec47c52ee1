package io.kapture.shell.internal;

import java.util.List;

import io.kapture.api.CaptureSession;
import io.kapture.api.spi.CaptureSource;
import io.kapture.api.spi.ControlInfo;

/**
 * What the control commands read and set controls on: a running camera's session, which reaches the device its
 * stream holds open, or a device the shell opened for the call. Both have the same three control methods.
 *
 * <p>Threading contract: that of what it wraps; both may be called from any thread.
 */
public interface ControlTarget {

    List<ControlInfo> controls();

    /** @throws IllegalArgumentException if there is no such control */
    long control(String name);

    /** @throws IllegalArgumentException if there is no such control or the value is not allowed */
    void control(String name, long value);

    /** The controls of a device opened by the shell. */
    static ControlTarget of(CaptureSource source) {
        return new ControlTarget() {
            @Override
            public List<ControlInfo> controls() {
                return source.controls();
            }

            @Override
            public long control(String name) {
                return source.control(name);
            }

            @Override
            public void control(String name, long value) {
                source.control(name, value);
            }
        };
    }

    /**
     * The controls of a running camera's device, through its session.
     *
     * @see CaptureSession#controls() for the {@link IllegalStateException} once it stops
     */
    static ControlTarget of(CaptureSession session) {
        return new ControlTarget() {
            @Override
            public List<ControlInfo> controls() {
                return session.controls();
            }

            @Override
            public long control(String name) {
                return session.control(name);
            }

            @Override
            public void control(String name, long value) {
                session.control(name, value);
            }
        };
    }
}
