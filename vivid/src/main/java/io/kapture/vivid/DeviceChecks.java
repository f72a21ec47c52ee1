package io.kapture.vivid;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.kapture.api.DeviceBusyException;
import io.kapture.api.PixelFormat;
import io.kapture.api.spi.ControlInfo;
import io.kapture.api.spi.DeviceInfo;
import io.kapture.api.spi.FormatDescription;
import io.kapture.api.spi.FormatRequest;
import io.kapture.api.spi.Negotiation;
import io.kapture.v4l2.V4l2CaptureSource;
import io.kapture.v4l2.V4l2Discovery;
import io.kapture.v4l2.V4l2Sources;
import io.kapture.v4l2.internal.V4l2SourceProvider;

/**
 * The checks of a device at rest, through Kapture's V4L2 source on vivid's capture node: what it says it is
 * (QUERYCAP), what it offers (enumeration, compared with v4l2-ctl), setting a format and frame rate, and
 * listing, setting and reading back a control (read back by Kapture and by v4l2-ctl).
 *
 * <p>Threading contract: each check runs on the caller's thread and opens and closes its own source.
 */
final class DeviceChecks {

    /** v4l2-ctl --list-ctrls: {@code name 0x00980900 (int) : min=0 max=255 ...}. */
    private static final Pattern LISTED_CONTROL = Pattern.compile("^\\s*(\\w+) 0x[0-9a-f]{8} \\((\\w+)\\)\\s*:.*$");
    /** The control types Kapture reads and sets as numbers. */
    private static final Set<String> NUMERIC_TYPES = Set.of("int", "bool", "menu", "intmenu", "int64", "button");

    private final String device;
    private final Path out;

    DeviceChecks(String device, Path out) {
        this.device = device;
        this.out = out;
    }

    /**
     * Kapture's discovery lists the guest's video nodes with QUERYCAP's answers: the device under test as a vivid
     * capture node, and vivid's other nodes (output, VBI, metadata, ...) as not capturing video; the V4L2
     * provider service (made as SCR makes it) handles the node and lists the same nodes.
     */
    String discovery() {
        List<DeviceInfo> devices = V4l2Discovery.system().devices();
        V4l2SourceProvider provider = Components.activate(V4l2SourceProvider.class, Map.of("hotplug", false));
        try {
            CheckFailure.require(provider.handles(device), "the V4L2 provider does not handle " + device);
            List<String> byProvider = provider.devices().stream().map(DeviceInfo::device).sorted().toList();
            List<String> byDiscovery = devices.stream().map(DeviceInfo::device).sorted().toList();
            CheckFailure.require(byProvider.equals(byDiscovery), "the provider lists " + byProvider
                    + ", discovery " + byDiscovery);
        } finally {
            Components.deactivate(provider);
        }
        DeviceInfo found = devices.stream().filter(d -> d.device().equals(device)).findFirst()
                .orElseThrow(() -> new CheckFailure(device + " not discovered; found " + devices));
        CheckFailure.require("vivid".equals(found.driver()) && found.capture(), device
                + " discovered as " + found + ", expected a vivid capture node");
        List<String> others = devices.stream().filter(d -> !d.device().equals(device))
                .map(d -> d.device() + (d.capture() ? " capture" : " other")).toList();
        return devices.size() + " nodes, the same through the V4L2 provider service: " + device
                + " vivid capture; " + others;
    }

    /** QUERYCAP through Kapture: vivid's names, a capture node that streams. */
    String queryCapabilities() {
        try (V4l2CaptureSource source = V4l2Sources.open(device)) {
            DeviceInfo info = source.info();
            CheckFailure.require("vivid".equals(info.driver()), "driver is '" + info.driver() + "', expected vivid");
            CheckFailure.require(info.bus().startsWith("platform:vivid"), "bus is '" + info.bus() + "'");
            CheckFailure.require(info.capture(), device + " is not reported as a capture device: " + info);
            CheckFailure.require(lowerCase(info.capabilities()).stream().anyMatch(c -> c.contains("capture")),
                    "capabilities lack video capture: " + info.capabilities());
            CheckFailure.require(lowerCase(info.capabilities()).stream().anyMatch(c -> c.contains("streaming")),
                    "capabilities lack streaming: " + info.capabilities());
            return info.driver() + " '" + info.card() + "' on " + info.bus() + " at " + source.path() + ", "
                    + info.capabilities();
        }
    }

    /** Every format, size and rate Kapture enumerates is what v4l2-ctl --list-formats-ext printed. */
    String enumeration() throws IOException {
        FormatListing reference = FormatListing.parse(Files.readAllLines(out.resolve("v4l2-ctl-formats.txt")));
        CheckFailure.require(!reference.formats().isEmpty(), "v4l2-ctl listed no formats");
        try (V4l2CaptureSource source = V4l2Sources.open(device)) {
            List<String> problems = FormatComparison.differences(reference, source.formats());
            CheckFailure.require(problems.isEmpty(), "Kapture's enumeration differs from v4l2-ctl's: " + problems);
        }
        return "same as v4l2-ctl --list-formats-ext: " + reference.summary();
    }

    /**
     * kapture:formats on a capturing camera (issue 17): while a source streams from the node, the provider lists
     * the same formats as before, on a handle of its own, whereas opening a second source is refused as busy.
     */
    String formatsWhileStreaming() throws InterruptedException {
        V4l2SourceProvider provider = Components.activate(V4l2SourceProvider.class, Map.of("hotplug", false));
        try (V4l2CaptureSource streaming = V4l2Sources.open(device)) {
            List<FormatDescription> idle = streaming.formats();
            streaming.negotiate(new FormatRequest(StreamChecks.WIDTH, StreamChecks.HEIGHT, PixelFormat.YUYV, 25));
            streaming.start(4);
            streaming.queue(streaming.dequeue(10, TimeUnit.SECONDS));
            List<FormatDescription> listed = provider.formats(device);
            CheckFailure.require(listed.equals(idle), "while streaming the provider lists " + listed.size()
                    + " formats, " + idle.size() + " when idle, or different ones");
            try {
                provider.open(device, Map.of()).close();
                throw new CheckFailure("a second source opened " + device + " while it streamed");
            } catch (DeviceBusyException expected) {
                long sizes = listed.stream().mapToLong(format -> format.sizes().size()).sum();
                return listed.size() + " formats and " + sizes + " sizes listed while streaming, as when idle; a "
                        + "second open is refused: " + expected.getMessage();
            }
        } finally {
            Components.deactivate(provider);
        }
    }

    /** Sets two formats and rates; each is what the driver then reports, read back by v4l2-ctl. */
    String formatAndRate() throws IOException, InterruptedException {
        StringBuilder seen = new StringBuilder();
        try (V4l2CaptureSource source = V4l2Sources.open(device)) {
            for (FormatRequest request : List.of(new FormatRequest(1280, 720, PixelFormat.YUYV, 10),
                    new FormatRequest(640, 480, PixelFormat.YUYV, 25))) {
                Negotiation negotiation = source.negotiate(request);
                CheckFailure.require(negotiation.adjustments().isEmpty(), "asked " + request + ", adjusted: "
                        + negotiation.adjustments());
                CheckFailure.require(negotiation.format().width() == request.width()
                        && negotiation.format().height() == request.height()
                        && negotiation.format().pixelFormat() == request.pixelFormat(),
                        "asked " + request + ", got " + negotiation.format());
                List<String> format = V4l2Ctl.run(device, "--get-fmt-video", "--get-parm");
                String size = request.width() + "/" + request.height();
                CheckFailure.require(V4l2Ctl.field(format, "Width/Height").equals(size),
                        "v4l2-ctl reads " + V4l2Ctl.field(format, "Width/Height") + " after Kapture set " + size);
                CheckFailure.require(V4l2Ctl.field(format, "Pixel Format").startsWith("'YUYV'"),
                        "v4l2-ctl reads pixel format " + V4l2Ctl.field(format, "Pixel Format"));
                double rate = Double.parseDouble(V4l2Ctl.field(format, "Frames per second").split(" ")[0]);
                CheckFailure.require(Math.abs(rate - request.framesPerSecond()) < 0.01
                        && Math.abs(negotiation.framesPerSecond() - request.framesPerSecond()) < 0.01,
                        "asked " + request.framesPerSecond() + " fps; Kapture says " + negotiation.framesPerSecond()
                        + ", v4l2-ctl reads " + rate);
                seen.append(seen.length() == 0 ? "" : ", ").append(negotiation.format()).append(" @ ")
                        .append(String.format(Locale.ROOT, "%.0f", rate)).append(" fps");
            }
            Negotiation odd = source.negotiate(new FormatRequest(1000, 700, PixelFormat.YUYV, 30));
            CheckFailure.require(!odd.adjustments().isEmpty(), "asking 1000x700, which vivid's webcam does not"
                    + " offer, gave " + odd.format() + " with no adjustment reported");
            seen.append("; 1000x700 became ").append(odd.format()).append(" (").append(odd.adjustments().size())
                    .append(" adjustments)");
        }
        return "set and read back by v4l2-ctl: " + seen;
    }

    /**
     * Kapture lists every numeric control v4l2-ctl lists; brightness set to a new value reads back the same
     * through Kapture and through v4l2-ctl, and is put back afterwards.
     */
    String controls() throws IOException, InterruptedException {
        Set<String> listed = new TreeSet<>();
        for (String line : V4l2Ctl.run(device, "--list-ctrls")) {
            Matcher m = LISTED_CONTROL.matcher(line);
            if (m.matches() && NUMERIC_TYPES.contains(m.group(2))) {
                listed.add(m.group(1));
            }
        }
        try (V4l2CaptureSource source = V4l2Sources.open(device)) {
            List<ControlInfo> controls = source.controls();
            Set<String> kapture = controls.stream().map(ControlInfo::name).collect(Collectors.toCollection(TreeSet::new));
            Set<String> missing = new TreeSet<>(listed);
            missing.removeAll(kapture);
            CheckFailure.require(missing.isEmpty(), "controls v4l2-ctl lists but Kapture does not: " + missing);
            ControlInfo brightness = controls.stream().filter(c -> c.name().equals("brightness")).findFirst()
                    .orElseThrow(() -> new CheckFailure("no brightness control among " + kapture));
            long wanted = brightness.value() == brightness.maximum() ? brightness.minimum() : brightness.value() + 1
                    + (brightness.maximum() - brightness.value()) / 2;
            source.control("brightness", wanted);
            try {
                long readBack = source.control("brightness");
                String byTool = V4l2Ctl.field(V4l2Ctl.run(device, "--get-ctrl=brightness"), "brightness");
                CheckFailure.require(readBack == wanted, "set brightness " + wanted + ", Kapture reads " + readBack);
                CheckFailure.require(byTool.equals(Long.toString(wanted)), "set brightness " + wanted
                        + ", v4l2-ctl reads " + byTool);
            } finally {
                source.control("brightness", brightness.value());
            }
            return controls.size() + " controls (all " + listed.size() + " numeric ones of v4l2-ctl); brightness "
                    + brightness.value() + " -> " + wanted + " read back by Kapture and v4l2-ctl, then restored";
        }
    }

    private static List<String> lowerCase(List<String> words) {
        return words.stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
    }
}
