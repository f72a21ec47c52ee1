package io.kapture.synthetic.internal;

import java.io.File;
import java.util.Optional;

import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the default synthetic camera on a fresh installation once ConfigurationAdmin is there (see
 * {@link DefaultCameraSetup}), unless configuration {@value #PID} says {@code enabled=false}.
 *
 * <p>Threading contract: all work happens in the constructor, on SCR's activation thread; the component
 * provides no service and keeps no state.
 */
@Component(configurationPid = DefaultSyntheticCamera.PID)
@Designate(ocd = DefaultSyntheticCamera.Config.class)
public final class DefaultSyntheticCamera {
    static final String PID = "io.kapture.synthetic.default";
    static final String MARKER_FILE = "default-camera-created";

    private static final Logger LOG = LoggerFactory.getLogger(DefaultSyntheticCamera.class);

    @ObjectClassDefinition(id = PID, name = "Kapture default synthetic camera",
            description = "Creates camera io.kapture.camera~synthetic (640x480 YUYV, 30 fps, synthetic device)"
                    + " once, on a fresh installation with no camera configured.")
    @interface Config {
        @AttributeDefinition(name = "Enabled",
                description = "Whether to create the default synthetic camera when no camera is configured."
                        + " It is created at most once per installation; a deleted camera is not recreated.")
        boolean enabled() default true;
    }

    @Activate
    public DefaultSyntheticCamera(BundleContext context, @Reference ConfigurationAdmin configurationAdmin,
            Config config) {
        if (!config.enabled()) {
            LOG.debug("default synthetic camera disabled by {}", PID);
            return;
        }
        File marker = context.getDataFile(MARKER_FILE);
        new DefaultCameraSetup(configurationAdmin, Optional.ofNullable(marker).map(File::toPath)).run();
    }
}
