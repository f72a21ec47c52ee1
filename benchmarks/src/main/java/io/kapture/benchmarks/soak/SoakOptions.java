package io.kapture.benchmarks.soak;

import java.util.List;
import java.util.Locale;

/**
 * The soak's command line: {@code --cameras N --subscribers M --minutes D} and the tuning below, each with a
 * default that makes a plain run meaningful on a 2-core gateway. Unknown options and bad values are refused with
 * a message naming the option and its valid values.
 *
 * <p>Immutable; safe from any thread.
 *
 * @param cameras         synthetic cameras streaming at once
 * @param subscribers     listeners per camera
 * @param minutes         how long to run; a line is printed once a minute
 * @param width           frame width
 * @param height          frame height
 * @param fps             frames per second per camera; 0 = as fast as the machine can
 * @param churnSeconds    every this many seconds one camera is stopped and started and one listener resubscribed,
 *                        round robin, so that stream and subscriber life cycles are soaked too; 0 = never
 * @param sampleSeconds   seconds between printed samples (60 = once a minute; smaller for quick trials)
 * @param deliveries      delivery strategies given to the cameras in turn
 */
record SoakOptions(int cameras, int subscribers, double minutes, int width, int height, double fps,
        int churnSeconds, int sampleSeconds, List<String> deliveries) {

    static final String USAGE = "usage: java -cp benchmarks/target/benchmarks.jar io.kapture.benchmarks.soak.Soak"
            + " [--cameras 4] [--subscribers 4] [--minutes 30] [--width 320] [--height 240] [--fps 200]"
            + " [--churn-seconds 20] [--sample-seconds 60] [--delivery pool,zerocopy,copy]";

    static SoakOptions parse(String... args) {
        int cameras = 4;
        int subscribers = 4;
        double minutes = 30;
        int width = 320;
        int height = 240;
        double fps = 200;
        int churn = 20;
        int sample = 60;
        List<String> deliveries = List.of("pool", "zerocopy", "copy");
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--help") || option.equals("-h")) {
                throw new IllegalArgumentException(USAGE);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option + " needs a value; " + USAGE);
            }
            String value = args[++i];
            switch (option) {
                case "--cameras" -> cameras = whole(option, value, 1, 64);
                case "--subscribers" -> subscribers = whole(option, value, 1, 64);
                case "--minutes" -> minutes = decimal(option, value, 0.05, 60 * 24 * 30);
                case "--width" -> width = whole(option, value, 16, 4096);
                case "--height" -> height = whole(option, value, 16, 4096);
                case "--fps" -> fps = decimal(option, value, 0, 10_000);
                case "--churn-seconds" -> churn = whole(option, value, 0, 86_400);
                case "--sample-seconds" -> sample = whole(option, value, 1, 3_600);
                case "--delivery" -> deliveries = deliveries(value);
                default -> throw new IllegalArgumentException("unknown option " + option + "; " + USAGE);
            }
        }
        return new SoakOptions(cameras, subscribers, minutes, width, height, fps, churn, sample, deliveries);
    }

    private static List<String> deliveries(String value) {
        List<String> names = List.of(value.toLowerCase(Locale.ROOT).split(","));
        for (String name : names) {
            if (!List.of("pool", "zerocopy", "copy").contains(name)) {
                throw new IllegalArgumentException("--delivery takes a comma-separated list of pool, zerocopy and "
                        + "copy, was '" + value + "'");
            }
        }
        return names;
    }

    private static int whole(String option, String value, int min, int max) {
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below with the valid range
        }
        throw new IllegalArgumentException(option + " must be a whole number from " + min + " to " + max + ", was '"
                + value + "'");
    }

    private static double decimal(String option, String value, double min, double max) {
        try {
            double parsed = Double.parseDouble(value.trim());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below with the valid range
        }
        throw new IllegalArgumentException(option + " must be a number from " + min + " to " + max + ", was '"
                + value + "'");
    }
}
