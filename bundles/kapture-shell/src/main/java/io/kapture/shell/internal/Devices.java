package io.kapture.shell.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.kapture.api.CaptureSession;
import io.kapture.api.DeviceBusyException;
import io.kapture.api.SessionState;
import io.kapture.api.spi.CaptureSource;
import io.kapture.api.spi.CaptureSourceProvider;
import io.kapture.api.spi.DeviceInfo;
import io.kapture.api.spi.FormatDescription;

/**
 * Capture devices as the shell sees them: discovered through every {@link CaptureSourceProvider}, named either
 * directly ({@code /dev/video0}, {@code synthetic}) or through a configured camera, and opened just long enough
 * for one piece of work, or reached through a running camera's session for its controls.
 *
 * <p>Threading contract: holds immutable snapshots of the provider and camera lists; safe from any thread. Each
 * {@link #withSource} call opens and closes its own source on the calling thread.
 */
public final class Devices {

    /** A device and the kind of provider that found it. */
    public record Discovered(String type, DeviceInfo info) {
    }

    private final List<CaptureSourceProvider> providers;
    private final Cameras cameras;

    public Devices(List<CaptureSourceProvider> providers, Cameras cameras) {
        this.providers = providers.stream().sorted(Comparator.comparing(CaptureSourceProvider::type)).toList();
        this.cameras = cameras;
    }

    /**
     * Every device every provider finds now, sorted by kind and name. A provider that fails to list its devices
     * is reported to {@code problems} and skipped, so one broken provider does not hide the others.
     */
    public List<Discovered> discover(Consumer<String> problems) {
        List<Discovered> found = new ArrayList<>();
        for (CaptureSourceProvider provider : providers) {
            try {
                provider.devices().forEach(info -> found.add(new Discovered(provider.type(), info)));
            } catch (RuntimeException e) {
                problems.accept("The " + provider.type() + " provider could not list its devices: "
                        + Errors.describe(e));
            }
        }
        found.sort(Comparator.comparing(Discovered::type).thenComparing(d -> d.info().device()));
        return found;
    }

    /**
     * Whether the device is present now: a provider handles it and lists it, by its name or one of its stable
     * names. A provider that cannot list its devices counts as not knowing, so the device is taken as present.
     */
    public boolean present(String device) {
        Optional<CaptureSourceProvider> provider = providers.stream().filter(p -> p.handles(device)).findFirst();
        if (provider.isEmpty()) {
            return false;
        }
        try {
            return provider.get().devices().stream()
                    .anyMatch(info -> info.device().equals(device) || info.stableNames().contains(device));
        } catch (RuntimeException cannotList) {
            return true;
        }
    }

    /** The device a name stands for: a configured camera's device, or else the name itself. */
    public String resolve(String deviceOrCamera) {
        return cameras.find(deviceOrCamera).map(CaptureSession::device).orElse(deviceOrCamera);
    }

    /**
     * The provider that opens this device.
     *
     * @throws IllegalArgumentException naming the installed providers, if none handles it
     */
    public CaptureSourceProvider providerFor(String device) {
        return providers.stream().filter(provider -> provider.handles(device)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(noProviderMessage(device)));
    }

    /**
     * Opens the device (or the device of the camera) of that name, runs {@code work} on it and closes it on every
     * path. A busy device is reported with the camera that holds it, if it is one of ours.
     */
    public <T> T withSource(String deviceOrCamera, Function<CaptureSource, T> work) {
        String device = resolve(deviceOrCamera);
        CaptureSource source = open(device);
        try {
            return work.apply(source);
        } finally {
            source.close();
        }
    }

    /**
     * The formats of the device (or the device of the camera) of that name. Providers list them without taking
     * the device, so a device a camera captures from answers too.
     */
    public List<FormatDescription> formats(String deviceOrCamera) {
        String device = resolve(deviceOrCamera);
        CaptureSourceProvider provider = providerFor(device);
        try {
            return provider.formats(device);
        } catch (DeviceBusyException e) {
            throw new IllegalStateException(busyMessage(device, e), e);
        }
    }

    /**
     * Runs {@code work} on the controls of a device or camera: a running camera's through its session, which acts
     * on the device its stream holds open (a V4L2 device cannot be opened a second time); anything else (a device,
     * a camera that does not run) on the device opened for the call, as {@link #withSource} does.
     */
    public <T> T withControls(String deviceOrCamera, Function<ControlTarget, T> work) {
        Optional<CaptureSession> running = cameras.find(deviceOrCamera)
                .filter(session -> session.state() == SessionState.RUNNING);
        if (running.isPresent()) {
            return work.apply(ControlTarget.of(running.get()));
        }
        return withSource(deviceOrCamera, source -> work.apply(ControlTarget.of(source)));
    }

    private CaptureSource open(String device) {
        CaptureSourceProvider provider = providerFor(device);
        try {
            return provider.open(device, Map.of());
        } catch (DeviceBusyException e) {
            throw new IllegalStateException(busyMessage(device, e), e);
        }
    }

    /**
     * Why a device is busy: one of our cameras holds it (named, with the command that frees it, and not the
     * driver's own advice, which says to stop "that one" too), or else whatever the provider said.
     */
    private String busyMessage(String device, DeviceBusyException e) {
        List<String> users = cameras.all().stream().filter(session -> session.device().equals(device))
                .map(CaptureSession::camera).toList();
        if (users.isEmpty()) {
            return "Device " + device + " is busy: " + Errors.describe(e);
        }
        return "Device " + device + " is busy: camera " + String.join(", ", users) + " is configured for it; stop it "
                + "first with kapture:stop " + users.get(0);
    }

    private String noProviderMessage(String device) {
        if (providers.isEmpty()) {
            return "No capture source provider handles device '" + device
                    + "': none is installed (kapture-synthetic handles 'synthetic', kapture-v4l2 handles /dev/ nodes).";
        }
        String installed = providers.stream().map(CaptureSourceProvider::type).collect(Collectors.joining(", "));
        return "No capture source provider handles device '" + device + "'. Installed providers: " + installed
                + (cameras.names().isEmpty() ? "" : ". Cameras: " + String.join(", ", cameras.names()));
    }
}
