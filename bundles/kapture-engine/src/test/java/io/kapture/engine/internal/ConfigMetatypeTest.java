package io.kapture.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.AbstractMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import io.kapture.api.CameraConfiguration;
import io.kapture.engine.internal.config.CameraSettings;
import io.kapture.engine.internal.config.InvalidSettingsException;
import io.kapture.engine.internal.config.SettingsKeys;
import io.kapture.engine.internal.config.SettingsParser;

/**
 * The metatype ({@link Config}) and the parser describe the same keys with the same defaults: the keys the parser
 * asks a configuration for are exactly the metatype's attribute IDs.
 */
class ConfigMetatypeTest {

    private static Map<String, Object> metatypeDefaults() {
        Map<String, Object> defaults = new HashMap<>();
        for (Method attribute : Config.class.getDeclaredMethods()) {
            Object value = attribute.getDefaultValue();
            defaults.put(attribute.getName().replace('_', '.'), value instanceof Enum<?> e ? e.name() : value);
        }
        return defaults;
    }

    @Test
    void theMetatypeDefaultsAreTheParsersDefaults() throws InvalidSettingsException {
        Map<String, Object> fromMetatype = metatypeDefaults();
        fromMetatype.put(SettingsKeys.SERVICE_PID, "io.kapture.camera~cam0");

        CameraSettings withMetatypeDefaults = SettingsParser.parse(fromMetatype);
        CameraSettings withParserDefaults = SettingsParser.parse(Map.of(SettingsKeys.SERVICE_PID,
                "io.kapture.camera~cam0"));

        assertEquals(withoutOptions(withParserDefaults), withoutOptions(withMetatypeDefaults));
    }

    @Test
    void theMetatypeListsExactlyTheKeysTheParserReads() throws InvalidSettingsException {
        KeyRecorder configuration = new KeyRecorder();
        SettingsParser.parse(configuration);
        Set<String> read = new TreeSet<>(configuration.asked);
        read.remove(SettingsKeys.SERVICE_PID);

        assertEquals(read, new TreeSet<>(metatypeDefaults().keySet()));
    }

    @Test
    void everyKeyOfTheApiIsInTheMetatype() throws IllegalAccessException {
        Set<String> apiKeys = new TreeSet<>();
        for (Field field : CameraConfiguration.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && !field.getName().endsWith("PID")) {
                apiKeys.add((String) field.get(null));
            }
        }

        assertTrue(metatypeDefaults().keySet().containsAll(apiKeys), "missing: " + apiKeys);
    }

    /** A configuration with no camera keys set that records every key the parser asks for. */
    private static final class KeyRecorder extends AbstractMap<String, Object> {
        final Set<String> asked = new TreeSet<>();

        @Override
        public Object get(Object key) {
            asked.add((String) key);
            return SettingsKeys.SERVICE_PID.equals(key) ? "io.kapture.camera~cam0" : null;
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            return Set.of(Map.entry(SettingsKeys.SERVICE_PID, "io.kapture.camera~cam0"));
        }
    }

    private static CameraSettings withoutOptions(CameraSettings settings) {
        return new CameraSettings(settings.name(), settings.device(), settings.width(), settings.height(),
                settings.pixelFormat(), settings.fps(), settings.buffers(), settings.delivery(),
                settings.queueCapacity(), settings.dropPolicy(), settings.enabled(), settings.controls(),
                settings.retryIntervalMs(), settings.stallTimeoutMs(), settings.listenerGraceMs(), Map.of());
    }
}
