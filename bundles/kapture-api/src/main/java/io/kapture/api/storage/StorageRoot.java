package io.kapture.api.storage;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

import org.osgi.framework.BundleContext;

/**
 * The directory all of Kapture's files must stay inside, and the check that keeps them there. A configured folder
 * is resolved against it; the result must not leave it, whether by {@code ..}, by an absolute path elsewhere or by
 * a symbolic link inside the tree that points out of it. Folders are created one level at a time, each checked
 * before the next is made, so nothing is ever created outside the root, even through a link.
 *
 * <p>The root itself comes from the framework property {@value #PROPERTY} (set in Karaf's
 * {@code etc/system.properties} or {@code etc/config.properties}), not from Config Admin: whoever may change a
 * snapshot or recorder configuration may choose a folder, but not widen where folders may be.
 *
 * <p>Immutable; safe from any thread. Checks run against the file system as it is at the call, so callers check
 * again before each write.
 */
public final class StorageRoot {

    /** Framework or system property naming the storage root. */
    public static final String PROPERTY = "kapture.storage.dir";

    /** Karaf's data directory, under which the root lies by default. */
    static final String KARAF_DATA = "karaf.data";

    private final Path root;

    private StorageRoot(Path root) {
        this.root = root;
    }

    /**
     * The root the framework's properties name: {@value #PROPERTY}, else {@code kapture} under Karaf's
     * {@code karaf.data}; created if missing.
     *
     * @throws IOException if the directory cannot be created or resolved
     */
    public static StorageRoot of(BundleContext context) throws IOException {
        return of(context.getProperty(PROPERTY), context.getProperty(KARAF_DATA));
    }

    /**
     * The root named by {@value #PROPERTY}, else {@code kapture} under Karaf's data directory, else under the
     * working directory; created if missing.
     *
     * @param property  the property's value, may be null
     * @param karafData Karaf's {@code karaf.data} directory, may be null
     * @throws IOException if the directory cannot be created or resolved
     */
    public static StorageRoot of(String property, String karafData) throws IOException {
        Path location = location(property, karafData);
        Files.createDirectories(location);
        return new StorageRoot(location.toRealPath());
    }

    /** Where {@link #of(String, String)} puts the root, as an absolute path, without touching the file system. */
    public static Path location(String property, String karafData) {
        Path configured;
        if (property != null && !property.isBlank()) {
            configured = Path.of(property.trim());
        } else if (karafData != null && !karafData.isBlank()) {
            configured = Path.of(karafData, "kapture");
        } else {
            configured = Path.of("kapture");
        }
        return configured.toAbsolutePath().normalize();
    }

    /** The root's real path. */
    public Path path() {
        return root;
    }

    /**
     * The folder a configuration names, created if missing: relative names resolve against the root, absolute
     * names must lie inside it, an empty name is the root.
     *
     * @param setting the configuration key, for messages
     * @param folder  the folder as configured
     * @return the folder's real path, inside the root
     * @throws IllegalArgumentException if the folder would lie outside the root (the message says how)
     * @throws IOException              if a folder cannot be created, or a path element is a file
     */
    public Path folder(String setting, String folder) throws IOException {
        Path named = Path.of(folder == null ? "" : folder.trim());
        Path wanted = (named.isAbsolute() ? named : root.resolve(named)).normalize();
        if (!wanted.startsWith(root)) {
            throw new IllegalArgumentException(setting + " '" + folder + "' lies outside the storage directory "
                    + root + " (set by " + PROPERTY + "); name a folder inside it, without '..' leading out");
        }
        Path current = root;
        for (Path name : root.relativize(wanted)) {
            if (name.toString().isEmpty()) {
                continue;
            }
            Path next = current.resolve(name);
            if (Files.isSymbolicLink(next)) {
                Path target = next.toRealPath();
                if (!target.startsWith(root)) {
                    throw new IllegalArgumentException(setting + " '" + folder + "': " + next
                            + " is a symbolic link to " + target + ", outside the storage directory " + root
                            + "; remove the link or name another folder");
                }
                next = target;
            } else if (!Files.exists(next, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    Files.createDirectory(next);
                } catch (FileAlreadyExistsException createdMeanwhile) {
                    // Another writer made it first; the check below still applies to whatever is there now.
                }
            }
            if (!Files.isDirectory(next, LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException(setting + " '" + folder + "': " + next + " exists and is not a directory");
            }
            current = next;
        }
        return current;
    }
}
