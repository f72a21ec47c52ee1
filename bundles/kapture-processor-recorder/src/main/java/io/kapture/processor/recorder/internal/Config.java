package io.kapture.processor.recorder.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One recorder's configuration: factory PID {@code io.kapture.processor.recorder}, one factory configuration per
 * recorded camera. Recording runs while the configuration exists; a change closes the current file and starts
 * a new one with the new settings.
 */
@ObjectClassDefinition(name = "Kapture recorder",
        description = "Records one camera's frames as MJPEG video in AVI files (MJPEG frames as they come, others"
                + " encoded as JPEG), starting a new file at a size or duration limit, in a folder inside Kapture's"
                + " storage directory (framework property kapture.storage.dir, by default ${karaf.data}/kapture).")
@interface Config {

    @AttributeDefinition(name = "Camera",
            description = "Name of the camera to record, as in its io.kapture.camera configuration. Required.")
    String camera();

    @AttributeDefinition(name = "Folder",
            description = "Folder for the AVI files, relative to the storage directory; created if missing. It"
                    + " must stay inside the storage directory: '..' leading out, absolute paths elsewhere and"
                    + " symbolic links pointing out are refused.")
    String folder() default "recordings";

    @AttributeDefinition(name = "Rotate at size (MB)", min = "1", max = "2000",
            description = "A file is closed and the next one started before it would grow beyond this many"
                    + " megabytes (10^6 bytes), 1 to 2000.")
    int rotate_size_mb() default 512;

    @AttributeDefinition(name = "Rotate after (seconds)", min = "0", max = "86400",
            description = "A file is closed and the next one started once it spans this many seconds of capture"
                    + " time; 0 rotates by size only.")
    int rotate_duration_seconds() default 600;

    @AttributeDefinition(name = "JPEG quality", min = "0.0", max = "1.0",
            description = "Quality of frames encoded from uncompressed cameras, 0.0 (smallest) to 1.0 (best)."
                    + " MJPEG cameras' frames are recorded unchanged.")
    double jpeg_quality() default 0.8;
}
