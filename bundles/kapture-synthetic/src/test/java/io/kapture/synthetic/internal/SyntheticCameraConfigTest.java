package io.kapture.synthetic.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Method;
import java.util.AbstractMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import io.kapture.synthetic.internal.paint.Pattern;

/**
 * The synthetic camera's metatype ({@link SyntheticCameraConfig}) and its parser ({@link SyntheticOptions})
 * describe the same keys with the same defaults: the keys the parser asks a configuration for are exactly the
 * metatype's attribute IDs (the engine's metatype once listed these keys and missed one).
 */
class SyntheticCameraConfigTest {

    private static Map<String, Object> metatypeDefaults() {
        Map<String, Object> defaults = new HashMap<>();
        for (Method attribute : SyntheticCameraConfig.class.getDeclaredMethods()) {
            defaults.put(attribute.getName().replace('_', '.'), attribute.getDefaultValue());
        }
        return defaults;
    }

    @Test
    void theMetatypeListsExactlyTheKeysTheParserReads() {
        KeyRecorder configuration = new KeyRecorder();
        SyntheticOptions.parse(configuration);

        assertEquals(configuration.asked, new TreeSet<>(metatypeDefaults().keySet()));
    }

    @Test
    void theMetatypeDefaultsAreTheParsersDefaults() {
        SyntheticOptions fromMetatype = SyntheticOptions.parse(metatypeDefaults());

        assertEquals(SyntheticOptions.DEFAULTS.lostAfterFrames(), fromMetatype.lostAfterFrames());
        assertEquals(SyntheticOptions.DEFAULTS.returnAfterMillis(), fromMetatype.returnAfterMillis());
        assertEquals(SyntheticOptions.DEFAULTS.corruptEvery(), fromMetatype.corruptEvery());
        assertEquals(SyntheticOptions.DEFAULTS.jitterMillis(), fromMetatype.jitterMillis());
        assertEquals(Optional.of(Pattern.parse("bars+box")), fromMetatype.pattern());
    }

    /** A configuration with no synthetic key set that records every key the parser asks for. */
    private static final class KeyRecorder extends AbstractMap<String, Object> {
        final Set<String> asked = new TreeSet<>();

        @Override
        public Object get(Object key) {
            asked.add((String) key);
            return null;
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            return Set.of(Map.entry("device", "synthetic"));
        }
    }
}
