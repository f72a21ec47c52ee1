package io.kapture.shell.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where {@code kapture:snapshot} writes an image: relative names resolve against Karaf's base directory (or the
 * working directory outside Karaf), and the file name's extension picks PNG or JPEG.
 *
 * <p>Threading contract: stateless; safe from any thread. Two writers of one path race as any two file writers do.
 */
public final class ImageFiles {

    private ImageFiles() {
    }

    /**
     * The absolute path a file name means: itself if absolute, else under {@code karafBase}, or under the working
     * directory when {@code karafBase} is null.
     */
    public static Path resolve(String file, String karafBase) {
        Path path = Path.of(file);
        if (!path.isAbsolute()) {
            path = Path.of(karafBase != null ? karafBase : System.getProperty("user.dir")).resolve(path);
        }
        return path.toAbsolutePath().normalize();
    }

    /**
     * The format for the path's extension: {@code png} or {@code jpeg}.
     *
     * @throws IllegalArgumentException for any extension but .png, .jpg and .jpeg
     */
    public static String formatOf(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".png")) {
            return "png";
        }
        if (name.endsWith(".jpg") || name.endsWith(".jpeg")) {
            return "jpeg";
        }
        throw new IllegalArgumentException("Cannot tell the image format of " + path.getFileName()
                + ": name the file .png, .jpg or .jpeg");
    }

    /**
     * Checks that the file's directory exists, before a snapshot is waited for in vain.
     *
     * @throws IllegalArgumentException if it does not
     */
    public static void checkDirectory(Path path) {
        Path directory = path.getParent();
        if (directory != null && !Files.isDirectory(directory)) {
            throw new IllegalArgumentException("Cannot write " + path + ": directory " + directory + " does not exist");
        }
    }

    /**
     * Writes an encoded image, replacing any file there, and returns the file's size.
     *
     * @throws IOException if writing fails
     */
    public static long write(byte[] image, Path path) throws IOException {
        Files.write(path, image);
        return Files.size(path);
    }
}
