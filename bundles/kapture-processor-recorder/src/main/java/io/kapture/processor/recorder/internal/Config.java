package io.kapture.processor.recorder.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * One recorder's configuration: factory PID {@code io.kapture.processor.recorder}, one factory configuration per
 * recorded camera. Recording runs while the configuration exists; a change closes the current file and starts
 * a new one with the new settings.
 */
@ObjectClassDefinition(name = "Kapture recorder",
        description = "Records one camera's frames as MJPEG video in AVI files (MJPEG frames as they come, others"
                + " encoded as JPEG) or as H.264 in fragmented MP4 files, starting a new file at a size or duration"
                + " limit, in a folder inside Kapture's storage directory (framework property kapture.storage.dir, by"
                + " default ${karaf.data}/kapture).")
@interface Config {

    @AttributeDefinition(name = "Camera",
            description = "Name of the camera to record, as in its io.kapture.camera configuration. Required.")
    String camera();

    @AttributeDefinition(name = "Folder",
            description = "Folder for the video files, relative to the storage directory; created if missing. It"
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

    @AttributeDefinition(name = "Mode",
            description = "continuous: record all the time. event: record clips around motion (the"
                    + " io/kapture/motion events of this camera) and external triggers (the io/kapture/recorder/TRIGGER"
                    + " event, kapture:trigger), each beginning pre.seconds before its trigger.",
            options = { @Option(label = "continuous", value = "continuous"),
                @Option(label = "event", value = "event") })
    String mode() default "continuous";

    @AttributeDefinition(name = "Pre-roll (seconds)", min = "0", max = "60",
            description = "Event mode: seconds of frames before the trigger that a clip begins with, kept encoded in"
                    + " memory, 0 to 60.")
    int pre_seconds() default 5;

    @AttributeDefinition(name = "Post-roll (seconds)", min = "0", max = "3600",
            description = "Event mode: a clip ends this many seconds after the last activity (the end of motion, or"
                    + " the last external trigger), 0 to 3600.")
    int post_seconds() default 10;

    @AttributeDefinition(name = "Pre-roll memory (MB)", min = "1", max = "1024",
            description = "Event mode: the pre-roll ring holds at most this many megabytes of encoded frames; beyond"
                    + " it the oldest go first and the pre-roll gets shorter (counted in kapture:recordings), 1 to"
                    + " 1024.")
    int preroll_max_mb() default 32;

    @AttributeDefinition(name = "Format",
            description = "mjpeg: MJPEG in AVI files (every frame a JPEG; no encoder needed). h264: H.264 in"
                    + " fragmented MP4 files, encoded by the best-ranked H.264 encoder service (feature kapture-h264),"
                    + " or passed through from a camera that delivers H.264; a crash loses at most the last second.",
            options = { @Option(label = "mjpeg", value = "mjpeg"), @Option(label = "h264", value = "h264") })
    String format() default "mjpeg";

    @AttributeDefinition(name = "H.264 bitrate (kbit/s)", min = "10", max = "100000",
            description = "Format h264: the encoder's target bitrate in kilobits per second, 10 to 100000.")
    int h264_bitrate_kbps() default 2000;

    @AttributeDefinition(name = "H.264 keyframe interval (frames)", min = "1", max = "3600",
            description = "Format h264: frames from one keyframe to the next, 1 to 3600. Files and event clips begin"
                    + " at a keyframe, so a rotation waits for the next one (one is asked for at once).")
    int h264_keyframe_interval() default 30;

    @AttributeDefinition(name = "H.264 profile",
            description = "Format h264: baseline (plays everywhere), main or high, if the encoder offers it.",
            options = { @Option(label = "baseline", value = "baseline"), @Option(label = "main", value = "main"),
                @Option(label = "high", value = "high") })
    String h264_profile() default "baseline";
}
