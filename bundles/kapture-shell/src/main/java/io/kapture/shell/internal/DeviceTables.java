package io.kapture.shell.internal;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.karaf.shell.support.table.ShellTable;

import io.kapture.api.PixelFormat;
import io.kapture.api.spi.DeviceInfo;
import io.kapture.api.spi.FormatDescription;
import io.kapture.api.spi.FormatDescription.FrameSize;

/**
 * The tables of {@code kapture:devices} and {@code kapture:formats}.
 *
 * <p>Threading contract: stateless; safe from any thread.
 */
public final class DeviceTables {

    private DeviceTables() {
    }

    /** One row per device. */
    public static void printDevices(List<Devices.Discovered> devices, PrintStream out) {
        ShellTable table = new ShellTable();
        table.column("Device");
        table.column("Type");
        table.column("Driver");
        table.column("Card");
        table.column("Bus");
        table.column("Capture");
        table.column("Stable names");
        table.emptyTableText("No capture devices found (is a capture source provider installed?).");
        for (Devices.Discovered device : devices) {
            DeviceInfo info = device.info();
            table.addRow().addContent(info.device(), device.type(), info.driver(), info.card(), info.bus(),
                    info.capture() ? "yes" : "no",
                    info.stableNames().isEmpty() ? Figures.NONE : String.join(", ", info.stableNames()));
        }
        table.print(out);
    }

    /**
     * One row per pixel format and frame size with the frame rates offered at it. The Kapture column names the
     * {@code pixel.format} value to configure, or {@code -} for a format Kapture cannot take.
     */
    public static void printFormats(String device, List<FormatDescription> formats, PrintStream out) {
        ShellTable table = new ShellTable();
        table.column("Fourcc");
        table.column("Kapture");
        table.column("Description");
        table.column("Size").alignRight();
        table.column("Frame rates (fps)");
        table.emptyTableText("Device " + device + " offers no formats.");
        for (FormatDescription format : formats) {
            String kapture = known(format.fourcc()).map(PixelFormat::name).orElse(Figures.NONE);
            if (format.sizes().isEmpty()) {
                table.addRow().addContent(format.fourccString(), kapture, format.description(), Figures.NONE,
                        Figures.NONE);
            }
            for (FrameSize size : format.sizes()) {
                table.addRow().addContent(format.fourccString(), kapture, format.description(),
                        size.width() + "x" + size.height(), rates(size.framesPerSecond()));
            }
        }
        table.print(out);
    }

    private static Optional<PixelFormat> known(int fourcc) {
        for (PixelFormat format : PixelFormat.values()) {
            if (format.fourcc() == fourcc) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    private static String rates(List<Double> framesPerSecond) {
        if (framesPerSecond.isEmpty()) {
            return Figures.NONE;
        }
        return framesPerSecond.stream().map(fps -> fps == Math.rint(fps) ? Long.toString(fps.longValue())
                : String.format(Locale.ROOT, "%.3f", fps).replaceAll("0+$", "")).collect(Collectors.joining(", "));
    }
}
