package io.kapture.mqtt.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Camera configurations in memory, with a stand-in for the engine's verdict: a width that is not a positive
 * integer is refused, as the engine refuses it. Counts writes and deletes, so tests can see that nothing changed.
 */
final class MemoryStore implements CameraStore {

    final Map<String, Map<String, Object>> cameras = new ConcurrentHashMap<>();
    final Map<String, String> errors = new ConcurrentHashMap<>();
    final AtomicInteger writes = new AtomicInteger();
    final AtomicInteger deletes = new AtomicInteger();

    @Override
    public Optional<Map<String, Object>> read(String camera) {
        Map<String, Object> found = cameras.get(camera);
        return found == null ? Optional.empty() : Optional.of(new LinkedHashMap<>(found));
    }

    @Override
    public void write(String camera, Map<String, Object> properties) {
        writes.incrementAndGet();
        Object width = properties.get("width");
        if (width != null && !(width instanceof Integer w && w > 0)) {
            errors.put(camera, "camera " + camera + ": width must be between 1 and 16384, was " + width);
        } else {
            errors.remove(camera);
        }
        cameras.put(camera, Collections.unmodifiableMap(new LinkedHashMap<>(properties)));
    }

    @Override
    public void delete(String camera) {
        deletes.incrementAndGet();
        cameras.remove(camera);
        errors.remove(camera);
    }

    @Override
    public Set<String> managed() {
        Set<String> managed = new TreeSet<>();
        cameras.forEach((name, properties) -> {
            if (properties.containsKey(CameraKeys.MANAGED)) {
                managed.add(name);
            }
        });
        return managed;
    }

    @Override
    public Optional<String> lastError(String camera) {
        return Optional.ofNullable(errors.get(camera));
    }

    @Override
    public Optional<String> verdict(String camera, Map<String, Object> written, Optional<String> before,
            long timeoutMillis) {
        Optional<String> error = lastError(camera);
        return error.equals(before) ? Optional.empty() : error;
    }
}
