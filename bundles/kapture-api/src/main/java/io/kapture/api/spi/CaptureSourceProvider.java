package io.kapture.api.spi;

import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Discovers and opens capture devices of one kind: V4L2 nodes, synthetic cameras, ... Registered as a service;
 * a camera's {@code device} setting picks the provider that {@link #handles} it.
 *
 * <p>Thread-safety: every method may be called from any thread.
 */
@ConsumerType
public interface CaptureSourceProvider {

    /** Service property: the kind of devices, for example {@code v4l2} or {@code synthetic}. */
    String TYPE = "kapture.source.type";

    /** The kind of devices this provider opens, as in {@link #TYPE}. */
    String type();

    /** Whether this provider opens the given device name ({@code /dev/video0}, {@code synthetic}, ...). */
    boolean handles(String device);

    /** Devices present now. */
    List<DeviceInfo> devices();

    /**
     * Opens a device. The caller must {@link CaptureSource#close()} it.
     *
     * @param device  a name this provider {@link #handles}
     * @param options the camera's whole configuration, for provider-specific settings (for example the
     *                synthetic camera's {@code synthetic.pattern}); unknown keys are ignored
     * @throws io.kapture.api.DeviceLostException if there is no such device
     * @throws io.kapture.api.DeviceBusyException if the device is in use
     */
    CaptureSource open(String device, Map<String, ?> options);

    /**
     * The formats a device offers, for listing them ({@code kapture:formats}). Unlike {@link #open}, this must
     * answer while a stream owns the device, since listing needs no buffers; a provider whose {@link #open}
     * refuses a busy device overrides it. By default the device is opened, asked and closed.
     *
     * @param device a name this provider {@link #handles}
     * @throws io.kapture.api.DeviceLostException if there is no such device
     * @since 1.1
     */
    default List<FormatDescription> formats(String device) {
        try (CaptureSource source = open(device, Map.of())) {
            return source.formats();
        }
    }
}
