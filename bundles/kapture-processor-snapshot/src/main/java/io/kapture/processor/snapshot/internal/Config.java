package io.kapture.processor.snapshot.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * One scheduled snapshot's configuration: factory PID {@code io.kapture.processor.snapshot}, one factory
 * configuration per camera (or several per camera, for different folders or intervals). A change restarts it.
 */
@ObjectClassDefinition(name = "Kapture scheduled snapshot",
        description = "Saves a frame of one camera every N seconds as an image file in a folder inside Kapture's"
                + " storage directory (framework property kapture.storage.dir, by default ${karaf.data}/kapture),"
                + " keeping the newest ones.")
@interface Config {

    @AttributeDefinition(name = "Camera",
            description = "Name of the camera to take snapshots of, as in its io.kapture.camera configuration."
                    + " Required.")
    String camera();

    @AttributeDefinition(name = "Interval (seconds)", min = "1", max = "86400",
            description = "Seconds between two snapshots, 1 to 86400. The first is taken with the first frame.")
    int interval_seconds() default 60;

    @AttributeDefinition(name = "Folder",
            description = "Folder for the image files, relative to the storage directory; created if missing."
                    + " It must stay inside the storage directory: '..' leading out, absolute paths elsewhere and"
                    + " symbolic links pointing out are refused.")
    String folder() default "snapshots";

    @AttributeDefinition(name = "Format", options = { @Option(label = "JPEG", value = "jpeg"),
            @Option(label = "PNG", value = "png") },
            description = "jpeg (small; MJPEG cameras' frames are saved as they come) or png (lossless).")
    String format() default "jpeg";

    @AttributeDefinition(name = "JPEG quality", min = "0.0", max = "1.0",
            description = "Quality of JPEG files encoded from uncompressed frames, 0.0 (smallest) to 1.0 (best).")
    double jpeg_quality() default 0.85;

    @AttributeDefinition(name = "Retention", min = "0",
            description = "How many of this camera's snapshots to keep in the folder; older ones are deleted"
                    + " after each new one. 0 keeps all. Other files in the folder are never touched.")
    int retention() default 100;
}
