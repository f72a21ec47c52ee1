package io.kapture.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The page and its script and style, read once from the bundle and served from memory.
 *
 * <p>Immutable after construction; safe from any thread.
 */
final class StaticContent {

    /** A file of the page: its bytes and Content-Type. */
    record Resource(byte[] bytes, String contentType) {
    }

    private final Map<String, Resource> resources;

    private StaticContent(Map<String, Resource> resources) {
        this.resources = resources;
    }

    /**
     * Loads {@code index.html}, {@code app.js} and {@code app.css} next to this class.
     *
     * @throws UncheckedIOException if one is missing from the bundle
     */
    static StaticContent load() {
        return new StaticContent(Map.of(
                "/", read("index.html", "text/html; charset=utf-8"),
                "/app.js", read("app.js", "text/javascript; charset=utf-8"),
                "/app.css", read("app.css", "text/css; charset=utf-8")));
    }

    /** The resource for a path below the servlet ({@code /}, {@code /app.js}, ...), or null. */
    Resource get(String path) {
        return resources.get(path);
    }

    private static Resource read(String name, String contentType) {
        try (InputStream in = StaticContent.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException(name + " is missing next to " + StaticContent.class.getName());
            }
            return new Resource(in.readAllBytes(), contentType);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the preview page's " + name, e);
        }
    }
}
