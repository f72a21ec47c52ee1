package io.kapture.engine.internal.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.kapture.api.CameraConfiguration;
import io.kapture.api.DropPolicy;
import io.kapture.api.FrameFormat;
import io.kapture.api.PixelFormat;
import io.kapture.engine.internal.config.CameraSettings.ControlSetting;

/**
 * Validates a raw camera configuration into {@link CameraSettings}, collecting every problem into one message
 * so that an administrator can fix them all at once.
 *
 * <p>Stateless; safe from any thread.
 */
public final class SettingsParser {

    private SettingsParser() {
    }

    /**
     * The camera's name, leniently: the {@code name} key when it is usable text, else the factory
     * configuration's name ({@code io.kapture.camera~cam0} gives {@code cam0}). Works on invalid configurations
     * too, so that their errors can name the camera.
     */
    public static String cameraName(Map<String, ?> raw) {
        Object name = raw.get(CameraConfiguration.NAME);
        if (name instanceof String text && !text.isBlank()) {
            return text.trim();
        }
        Object pid = raw.get(SettingsKeys.SERVICE_PID);
        if (pid instanceof String text && !text.isBlank()) {
            int tilde = text.lastIndexOf('~');
            if (tilde >= 0) {
                return text.substring(tilde + 1);
            }
            String prefix = CameraConfiguration.FACTORY_PID + ".";
            return text.startsWith(prefix) ? text.substring(prefix.length()) : text;
        }
        return "";
    }

    /**
     * Validates a configuration.
     *
     * @throws InvalidSettingsException naming the camera and every key that is wrong
     */
    public static CameraSettings parse(Map<String, ?> raw) throws InvalidSettingsException {
        ValueReader reader = new ValueReader(raw);
        Object givenName = raw.get(CameraConfiguration.NAME);
        if (givenName != null && !(givenName instanceof String)) {
            reader.error(CameraConfiguration.NAME + " must be text, was " + ValueReader.describe(givenName));
        }
        String name = cameraName(raw);
        if (name.isEmpty()) {
            reader.error("name must be set (or create the configuration as " + CameraConfiguration.FACTORY_PID
                    + "~<name>)");
        } else if (name.equals("*")) {
            reader.error("name must not be '*': listeners use it to mean every camera");
        }
        String device = required(reader, CameraConfiguration.DEVICE, CameraSettings.DEFAULT_DEVICE,
                "a device such as synthetic or /dev/video0");
        Long width = inRange(reader, CameraConfiguration.WIDTH, CameraSettings.DEFAULT_WIDTH, 1,
                FrameFormat.MAX_DIMENSION);
        Long height = inRange(reader, CameraConfiguration.HEIGHT, CameraSettings.DEFAULT_HEIGHT, 1,
                FrameFormat.MAX_DIMENSION);
        PixelFormat pixelFormat = pixelFormat(reader);
        Double fps = reader.number(CameraConfiguration.FPS, CameraSettings.DEFAULT_FPS);
        if (fps != null && (fps < 0 || fps > CameraSettings.MAX_FPS)) {
            reader.error(CameraConfiguration.FPS + " must be between 0 (as fast as the device can) and "
                    + (int) CameraSettings.MAX_FPS + ", was " + fps);
        }
        Long buffers = buffers(reader);
        String delivery = required(reader, CameraConfiguration.DELIVERY, CameraSettings.DEFAULT_DELIVERY,
                "the name of a delivery strategy such as copy, pool or zerocopy");
        Long queueCapacity = inRange(reader, CameraConfiguration.QUEUE_CAPACITY,
                CameraSettings.DEFAULT_QUEUE_CAPACITY, 1, CameraSettings.MAX_QUEUE_CAPACITY);
        DropPolicy dropPolicy = dropPolicy(reader);
        Boolean enabled = reader.flag(CameraConfiguration.ENABLED, CameraSettings.DEFAULT_ENABLED);
        List<ControlSetting> controls = controls(reader);
        Long retry = inRange(reader, CameraConfiguration.RETRY_INTERVAL_MS, CameraSettings.DEFAULT_RETRY_INTERVAL_MS,
                CameraSettings.MIN_RETRY_INTERVAL_MS, CameraSettings.MAX_RETRY_INTERVAL_MS);
        Long stall = reader.whole(CameraConfiguration.STALL_TIMEOUT_MS, CameraSettings.DEFAULT_STALL_TIMEOUT_MS);
        if (stall != null && stall != 0 && stall < CameraSettings.MIN_STALL_TIMEOUT_MS) {
            reader.error(CameraConfiguration.STALL_TIMEOUT_MS + " must be 0 (no watchdog) or at least "
                    + CameraSettings.MIN_STALL_TIMEOUT_MS + ", was " + stall);
        }
        Long grace = inRange(reader, SettingsKeys.LISTENER_GRACE_MS, CameraSettings.DEFAULT_LISTENER_GRACE_MS, 0,
                CameraSettings.MAX_LISTENER_GRACE_MS);
        if (!reader.errors().isEmpty()) {
            throw new InvalidSettingsException("camera " + (name.isEmpty() ? "(unnamed)" : name) + ": "
                    + String.join("; ", reader.errors()));
        }
        return new CameraSettings(name, device, width.intValue(), height.intValue(), pixelFormat, fps,
                buffers.intValue(), delivery, queueCapacity.intValue(), dropPolicy, enabled, controls, retry, stall,
                grace, new HashMap<>(raw));
    }

    private static String required(ValueReader reader, String key, String defaultValue, String what) {
        String value = reader.text(key, defaultValue);
        if (value != null && value.isEmpty()) {
            reader.error(key + " must be " + what + ", was empty");
            return null;
        }
        return value;
    }

    private static Long inRange(ValueReader reader, String key, long defaultValue, long min, long max) {
        Long value = reader.whole(key, defaultValue);
        if (value != null && (value < min || value > max)) {
            reader.error(key + " must be between " + min + " and " + max + ", was " + value);
            return null;
        }
        return value;
    }

    private static Long buffers(ValueReader reader) {
        Long buffers = reader.whole(CameraConfiguration.BUFFERS, CameraSettings.DEFAULT_BUFFERS);
        if (buffers != null && buffers < CameraSettings.MIN_BUFFERS) {
            reader.error(CameraConfiguration.BUFFERS + " must be at least " + CameraSettings.MIN_BUFFERS
                    + " (one being filled while another is read), was " + buffers);
        } else if (buffers != null && buffers > CameraSettings.MAX_BUFFERS) {
            reader.error(CameraConfiguration.BUFFERS + " must be at most " + CameraSettings.MAX_BUFFERS + ", was "
                    + buffers);
        }
        return buffers;
    }

    private static PixelFormat pixelFormat(ValueReader reader) {
        String name = reader.text(CameraConfiguration.PIXEL_FORMAT, CameraSettings.DEFAULT_PIXEL_FORMAT);
        if (name == null) {
            return null;
        }
        try {
            return PixelFormat.parse(name);
        } catch (IllegalArgumentException e) {
            reader.error(CameraConfiguration.PIXEL_FORMAT + " '" + name + "' unknown; supported: "
                    + Arrays.stream(PixelFormat.values()).map(Enum::name).collect(Collectors.joining(", ")));
            return null;
        }
    }

    private static DropPolicy dropPolicy(ValueReader reader) {
        String name = reader.text(CameraConfiguration.DROP_POLICY, CameraSettings.DEFAULT_DROP_POLICY);
        if (name == null) {
            return null;
        }
        try {
            return DropPolicy.parse(name);
        } catch (IllegalArgumentException e) {
            reader.error(CameraConfiguration.DROP_POLICY + " '" + name
                    + "' unknown; use BLOCK, DROP_OLDEST or DROP_NEWEST");
            return null;
        }
    }

    private static List<ControlSetting> controls(ValueReader reader) {
        List<String> entries = reader.texts(CameraConfiguration.CONTROLS);
        List<ControlSetting> controls = new ArrayList<>();
        if (entries == null) {
            return controls;
        }
        for (String entry : entries) {
            int equals = entry.indexOf('=');
            Long value = equals > 0 ? wholeOrNull(entry.substring(equals + 1).trim()) : null;
            if (value == null || entry.substring(0, equals).isBlank()) {
                reader.error(CameraConfiguration.CONTROLS + " entry '" + entry
                        + "' must be name=value with a whole number value, e.g. brightness=128");
            } else {
                controls.add(new ControlSetting(entry.substring(0, equals).trim(), value));
            }
        }
        return controls;
    }

    private static Long wholeOrNull(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
