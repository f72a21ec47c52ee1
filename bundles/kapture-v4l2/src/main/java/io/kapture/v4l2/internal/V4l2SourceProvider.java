package io.kapture.v4l2.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.kapture.api.spi.CaptureSource;
import io.kapture.api.spi.CaptureSourceProvider;
import io.kapture.api.spi.DeviceArrivalListener;
import io.kapture.api.spi.DeviceInfo;
import io.kapture.api.spi.FormatDescription;
import io.kapture.v4l2.Libc;
import io.kapture.v4l2.LinuxLibc;
import io.kapture.v4l2.V4l2DeviceWatcher;
import io.kapture.v4l2.V4l2Discovery;
import io.kapture.v4l2.V4l2Sources;
import io.kapture.v4l2.hotplug.V4l2DeviceListener;

/**
 * The V4L2 {@link CaptureSourceProvider}: handles device names starting with {@code /dev/}, resolves stable
 * names ({@code /dev/v4l/by-id/...}) to the current node at every open, so that the engine's periodic re-open
 * finds a camera that came back under another node, and keeps {@link #devices()} current with a
 * {@link V4l2DeviceWatcher}, forwarding hot-plug changes to every {@link V4l2DeviceListener} service and a node's
 * arrival to every {@link DeviceArrivalListener} service (the engine's cameras, which reopen their device at once).
 *
 * <p>Bundle stop: sources this provider opened and that are still open when it deactivates are closed, so no
 * descriptor or mapping outlives the bundle. Threading: every method may be called from any thread; the
 * listeners are a copy-on-write list, the open sources a concurrent set.
 */
@Component(service = CaptureSourceProvider.class, property = CaptureSourceProvider.TYPE + "=v4l2",
        configurationPid = "io.kapture.v4l2")
@Designate(ocd = ProviderConfig.class)
public final class V4l2SourceProvider implements CaptureSourceProvider {

    private static final Logger LOG = LoggerFactory.getLogger(V4l2SourceProvider.class);
    private static final String DEV = "/dev/";

    private final Libc libc;
    private final Path devRoot;
    private final DeviceNodeCheck nodeCheck;
    private final V4l2Discovery discovery;
    private final V4l2DeviceWatcher watcher;
    private final List<V4l2DeviceListener> listeners = new CopyOnWriteArrayList<>();
    private final List<DeviceArrivalListener> arrivals = new CopyOnWriteArrayList<>();
    private final Set<CaptureSource> open = ConcurrentHashMap.newKeySet();

    @Activate
    public V4l2SourceProvider(ProviderConfig config) {
        this(LinuxLibc.get(), Path.of(config.dev_root()), Path.of(config.sys_root()), config.hotplug(),
                DeviceNumbers.STAT);
    }

    /** With the device numbers of the nodes given by {@code numbers}: the simulation's nodes are plain files. */
    V4l2SourceProvider(Libc libc, Path devRoot, Path sysRoot, boolean hotplug, DeviceNumbers numbers) {
        this.libc = libc;
        this.devRoot = devRoot;
        this.nodeCheck = new DeviceNodeCheck(devRoot, sysRoot, numbers);
        this.discovery = new V4l2Discovery(libc, devRoot, sysRoot);
        this.watcher = hotplug ? new V4l2DeviceWatcher(discovery) : null;
        if (watcher != null) {
            watcher.addListener(new Forwarder());
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addListener(V4l2DeviceListener listener) {
        listeners.add(listener);
    }

    void removeListener(V4l2DeviceListener listener) {
        listeners.remove(listener);
    }

    /** Cameras waiting for their device: told when a node appears or its stable names change, to reopen at once. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addArrivalListener(DeviceArrivalListener listener) {
        arrivals.add(listener);
    }

    void removeArrivalListener(DeviceArrivalListener listener) {
        arrivals.remove(listener);
    }

    @Deactivate
    void deactivate() {
        if (watcher != null) {
            watcher.close();
        }
        for (CaptureSource source : open) {
            LOG.warn("closing {}, still open at deactivation", source);
            source.close();
        }
        open.clear();
    }

    @Override
    public String type() {
        return "v4l2";
    }

    @Override
    public boolean handles(String device) {
        return device != null && (device.startsWith(DEV) || device.startsWith(devRoot + "/"));
    }

    @Override
    public List<DeviceInfo> devices() {
        return watcher != null ? watcher.devices() : discovery.devices();
    }

    /**
     * {@inheritDoc}
     *
     * <p>The device must lead (following links) to a V4L2 character device inside the device folder; anything
     * else is refused before it is opened, see {@link DeviceNodeCheck}.
     *
     * @throws IllegalArgumentException if the device is not a V4L2 node in the device folder (the message says
     *                                  what it is instead)
     */
    @Override
    public CaptureSource open(String device, Map<String, ?> options) {
        Path node = checkedNode(device);
        V4l2Source source = (V4l2Source) V4l2Sources.open(libc, node.toString());
        try {
            OptionControls.apply(source, options);
        } catch (RuntimeException e) {
            source.close();
            throw e;
        }
        open.add(source);
        source.onClose(() -> open.remove(source));
        return source;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Enumerates on a handle of its own without the ownership probe {@link #open} makes, so a device a camera
     * streams from lists its formats too. The device is checked as {@link #open} checks it.
     */
    @Override
    public List<FormatDescription> formats(String device) {
        Path node = checkedNode(device);
        return V4l2Source.formatsOf(libc, node.toString());
    }

    /** The node a device name leads to, refused unless it is a V4L2 node in the device folder. */
    private Path checkedNode(String device) {
        if (!handles(device)) {
            throw new IllegalArgumentException("the V4L2 provider opens devices starting with /dev/, not '" + device
                    + "'");
        }
        return nodeCheck.check(device, Path.of(underRoot(device)));
    }

    /** {@code /dev/x} under the configured device folder: itself unless a test tree is configured. */
    private String underRoot(String device) {
        if (device.startsWith(DEV) && !devRoot.equals(Path.of("/dev"))) {
            return devRoot.resolve(device.substring(DEV.length())).toString();
        }
        return device;
    }

    /**
     * Passes the watcher's changes to the registered listener services, and a node's appearance or change to the
     * arrival listeners (the engine's cameras). Each call is isolated: one failing listener does not keep the
     * change from the others.
     */
    private final class Forwarder implements V4l2DeviceListener {
        @Override
        public void deviceAdded(DeviceInfo device) {
            each(listeners, listener -> listener.deviceAdded(device));
            arrived(device);
        }

        @Override
        public void deviceRemoved(DeviceInfo device) {
            each(listeners, listener -> listener.deviceRemoved(device));
        }

        @Override
        public void deviceChanged(DeviceInfo device) {
            each(listeners, listener -> listener.deviceChanged(device));
            arrived(device);
        }

        /** A node its driver does not answer for (no permission yet, going away) cannot be reopened: not told. */
        private void arrived(DeviceInfo device) {
            if (!device.driver().isEmpty()) {
                each(arrivals, listener -> listener.deviceArrived(device));
            }
        }

        private <L> void each(List<L> targets, Consumer<L> call) {
            for (L target : targets) {
                try {
                    call.accept(target);
                } catch (RuntimeException e) {
                    LOG.warn("device listener {} failed", target, e);
                }
            }
        }
    }
}
