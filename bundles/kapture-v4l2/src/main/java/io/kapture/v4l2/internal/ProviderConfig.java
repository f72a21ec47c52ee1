package io.kapture.v4l2.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the V4L2 capture source provider (PID {@code io.kapture.v4l2}). */
@ObjectClassDefinition(name = "Kapture V4L2 source provider",
        description = "Finds and opens V4L2 cameras for Kapture cameras whose device starts with /dev/.")
@interface ProviderConfig {

    @AttributeDefinition(name = "Device folder",
            description = "Folder of the video nodes and of v4l/by-id and v4l/by-path; names starting with /dev/"
                    + " are looked up under it. Change only to point Kapture at a test tree.")
    String dev_root() default "/dev";

    @AttributeDefinition(name = "sysfs", description = "Where sysfs is mounted; used for names of nodes that"
            + " cannot be opened.")
    String sys_root() default "/sys";

    @AttributeDefinition(name = "Hot-plug",
            description = "Watch the device folder (inotify) so that cameras plugged in or out are noticed at once.")
    boolean hotplug() default true;
}
