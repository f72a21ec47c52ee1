package io.kapture.web.chromium;

import static org.awaitility.Awaitility.await;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

/**
 * Checks Kapture's preview page in a real browser: the page loads, a camera's MJPEG stream shows a picture
 * (not the uniform placeholder) that changes between two screenshots taken two statistics polls apart, and the
 * statistics update in between. Self-contained (JDK, ImageIO, Awaitility), so integration tests can run it
 * against a Karaf distribution with the web feature: {@code PreviewPageCheck.run(chromium, page, "cam0", dir)},
 * or from a shell: {@code java ... io.kapture.web.chromium.PreviewPageCheck http://127.0.0.1:8181/kapture/ cam0}.
 *
 * <p>Threading contract: {@link #run} blocks its thread for a few seconds; instances are not shared.
 */
public final class PreviewPageCheck {

    /** A channel difference above which a pixel counts as changed; JPEG noise stays below it. */
    private static final int PIXEL_TOLERANCE = 24;
    /** Distinct colours a picture has at least; the placeholder and an empty image have one. */
    private static final int MIN_COLOURS = 8;
    private static final Pattern NUMBER = Pattern.compile("\"(x|y|width|height)\":(-?[0-9.]+)");

    private PreviewPageCheck() {
    }

    /**
     * What the browser showed.
     *
     * @param capturedBefore the camera's captured count at the first screenshot, as the page showed it
     * @param capturedAfter  the same at the second
     * @param pollsBefore    statistics polls the page had made at the first screenshot
     * @param pollsAfter     the same at the second
     * @param colours        distinct colours in the first screenshot of the stream
     * @param changedPixels  pixels of the stream that differ between the screenshots
     * @param pixels         pixels of the stream's area
     * @param first          the first screenshot, saved
     * @param second         the second screenshot, saved
     */
    public record Result(long capturedBefore, long capturedAfter, int pollsBefore, int pollsAfter, int colours,
            int changedPixels, int pixels, Path first, Path second) {

        /** The stream shows a picture, the picture changed, and the statistics went on. */
        public boolean passed() {
            return colours >= MIN_COLOURS && changedPixels * 1000L >= pixels && capturedAfter > capturedBefore
                    && pollsAfter >= pollsBefore + 2;
        }
    }

    /**
     * Runs the check.
     *
     * @param chromium the browser, see {@link HeadlessChromium#find()}
     * @param page     the preview page, for example {@code http://127.0.0.1:8181/kapture/}
     * @param camera   a camera that is running
     * @param shots    where to save the two screenshots
     * @throws IOException                               if the browser cannot be driven
     * @throws org.awaitility.core.ConditionTimeoutException if the stream shows no picture within 30 s
     */
    public static Result run(Path chromium, URI page, String camera, Path shots) throws IOException {
        try (HeadlessChromium browser = HeadlessChromium.start(chromium, 1280, 900)) {
            return run(browser, page, camera, shots);
        }
    }

    /** Runs the check in a browser the caller started (and closes), for example one that logs in. */
    public static Result run(HeadlessChromium browser, URI page, String camera, Path shots) throws IOException {
        Files.createDirectories(shots);
        browser.open(page);
        String image = "document.querySelector('[data-camera=\"' + CSS.escape(" + quote(camera) + ") + '\"] img')";
        await("a picture in the stream of " + camera).atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> colours(shoot(browser, image)) >= MIN_COLOURS);
        BufferedImage first = shoot(browser, image);
        long capturedBefore = captured(browser, camera);
        int pollsBefore = polls(browser);
        await("two more statistics polls").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> polls(browser) >= pollsBefore + 2);
        BufferedImage second = shoot(browser, image);
        long capturedAfter = captured(browser, camera);
        int pollsAfter = polls(browser);
        Path firstFile = shots.resolve("preview-" + camera + "-1.png");
        Path secondFile = shots.resolve("preview-" + camera + "-2.png");
        ImageIO.write(first, "png", firstFile.toFile());
        ImageIO.write(second, "png", secondFile.toFile());
        return new Result(capturedBefore, capturedAfter, pollsBefore, pollsAfter, colours(first),
                changedPixels(first, second), first.getWidth() * first.getHeight(), firstFile, secondFile);
    }

    /**
     * Command line: {@code <page URL> [camera, default cam0] [screenshot folder, default .]}; exits 1 if the
     * check fails, 2 if no chromium is installed.
     */
    public static void main(String[] args) throws IOException {
        Path chromium = HeadlessChromium.find().orElse(null);
        if (chromium == null) {
            System.err.println("No chromium on the PATH; install Debian's chromium package");
            System.exit(2);
        }
        Result result = run(chromium, URI.create(args[0]), args.length > 1 ? args[1] : "cam0",
                Path.of(args.length > 2 ? args[2] : "."));
        System.out.println(result);
        System.out.println(result.passed() ? "PASSED" : "FAILED");
        System.exit(result.passed() ? 0 : 1);
    }

    private static BufferedImage shoot(HeadlessChromium browser, String image) throws IOException {
        String rect = browser.evaluate("JSON.stringify(" + image + ".getBoundingClientRect())");
        double x = 0;
        double y = 0;
        double width = 0;
        double height = 0;
        Matcher number = NUMBER.matcher(rect);
        while (number.find()) {
            double value = Double.parseDouble(number.group(2));
            switch (number.group(1)) {
                case "x" -> x = value;
                case "y" -> y = value;
                case "width" -> width = value;
                default -> height = value;
            }
        }
        if (width < 1 || height < 1) {
            throw new IOException("the stream's image has no area yet: " + rect);
        }
        return browser.screenshot((int) x, (int) y, (int) width, (int) height);
    }

    private static long captured(HeadlessChromium browser, String camera) throws IOException {
        String text = browser.evaluate("document.querySelector('[data-camera=\"' + CSS.escape(" + quote(camera)
                + ") + '\"] [data-field=\"captured\"]').textContent");
        return Long.parseLong(text.trim());
    }

    private static int polls(HeadlessChromium browser) throws IOException {
        return Integer.parseInt(browser.evaluate("document.body.dataset.updates").trim());
    }

    private static int colours(BufferedImage image) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < image.getHeight() && seen.size() < MIN_COLOURS; y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                seen.add(image.getRGB(x, y) & 0xffffff);
            }
        }
        return seen.size();
    }

    private static int changedPixels(BufferedImage first, BufferedImage second) {
        int width = Math.min(first.getWidth(), second.getWidth());
        int height = Math.min(first.getHeight(), second.getHeight());
        int changed = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int a = first.getRGB(x, y);
                int b = second.getRGB(x, y);
                for (int shift = 0; shift < 24; shift += 8) {
                    if (Math.abs((a >> shift & 0xff) - (b >> shift & 0xff)) > PIXEL_TOLERANCE) {
                        changed++;
                        break;
                    }
                }
            }
        }
        return changed;
    }

    private static String quote(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
