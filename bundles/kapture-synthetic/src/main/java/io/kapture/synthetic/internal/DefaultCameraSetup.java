package io.kapture.synthetic.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Optional;

import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives a fresh installation one camera to look at: if no camera (factory PID {@code io.kapture.camera}) is
 * configured, creates {@code io.kapture.camera~synthetic} on the synthetic device at 640x480 YUYV, 30 fps. It
 * decides once per framework and leaves a marker file, so a camera the user deleted does not come back.
 *
 * <p>Threading contract: {@link #run()} is called once per component activation; it is not meant to run
 * concurrently with itself.
 */
final class DefaultCameraSetup {
    static final String CAMERA_FACTORY_PID = "io.kapture.camera";
    static final String CAMERA_NAME = "synthetic";

    private static final Logger LOG = LoggerFactory.getLogger(DefaultCameraSetup.class);

    private final ConfigurationAdmin configurationAdmin;
    private final Optional<Path> marker;

    /**
     * @param marker the file recording that the decision was made; empty where the framework gives the bundle
     *               no data area (the check then runs at every activation)
     */
    DefaultCameraSetup(ConfigurationAdmin configurationAdmin, Optional<Path> marker) {
        this.configurationAdmin = configurationAdmin;
        this.marker = marker;
    }

    /** @return whether it created the default camera now */
    boolean run() {
        if (marker.isPresent() && Files.exists(marker.get())) {
            LOG.debug("default synthetic camera was already set up once ({} exists)", marker.get());
            return false;
        }
        try {
            boolean created = false;
            Configuration[] cameras = configurationAdmin.listConfigurations(
                    "(" + ConfigurationAdmin.SERVICE_FACTORYPID + "=" + CAMERA_FACTORY_PID + ")");
            if (cameras == null || cameras.length == 0) {
                Configuration camera = configurationAdmin.getFactoryConfiguration(CAMERA_FACTORY_PID, CAMERA_NAME, "?");
                if (camera.getProperties() == null) {
                    camera.update(defaults());
                    created = true;
                    LOG.info("no camera configured: created {} (synthetic, 640x480 YUYV at 30 fps)", camera.getPid());
                }
            }
            writeMarker();
            return created;
        } catch (IOException | InvalidSyntaxException e) {
            LOG.warn("could not set up the default synthetic camera ({}); configure a camera with factory PID {}"
                    + " instead", e.getMessage(), CAMERA_FACTORY_PID, e);
            return false;
        }
    }

    static Dictionary<String, Object> defaults() {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("device", SyntheticSourceProvider.DEFAULT_DEVICE);
        properties.put("width", 640);
        properties.put("height", 480);
        properties.put("pixel.format", "YUYV");
        properties.put("fps", 30.0);
        return properties;
    }

    private void writeMarker() throws IOException {
        if (marker.isPresent()) {
            Files.writeString(marker.get(), "The default camera " + CAMERA_FACTORY_PID + "~" + CAMERA_NAME
                    + " was set up once." + System.lineSeparator()
                    + "Delete this file to have it created again when no camera is configured."
                    + System.lineSeparator(), StandardCharsets.UTF_8);
        }
    }
}
