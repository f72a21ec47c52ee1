package io.kapture.shell.internal;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import javax.imageio.ImageIO;

/**
 * Where and how {@code kapture:snapshot} writes an image: relative names resolve against Karaf's base directory
 * (or the working directory outside Karaf), and the file name's extension picks PNG or JPEG.
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
     * The ImageIO format name for the path's extension.
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
     * Writes the image, replacing any file there, and returns the file's size.
     *
     * @throws IOException if writing fails
     */
    public static long write(BufferedImage image, String format, Path path) throws IOException {
        BufferedImage writable = "jpeg".equals(format) && image.getColorModel().hasAlpha() ? opaque(image) : image;
        if (!ImageIO.write(writable, format, path.toFile())) {
            throw new IOException("No " + format + " writer in this Java runtime can write " + path);
        }
        return Files.size(path);
    }

    /** JPEG has no alpha channel: ImageIO's writer refuses images that carry one. */
    private static BufferedImage opaque(BufferedImage image) {
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = rgb.createGraphics();
        try {
            graphics.drawImage(image, 0, 0, null);
        } finally {
            graphics.dispose();
        }
        return rgb;
    }
}
