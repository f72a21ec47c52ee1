package io.kapture.processor.recorder.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Storage retention's configuration, PID {@code io.kapture.storage.retention} (a file
 * {@code etc/io.kapture.storage.retention.cfg}). Every limit is off (0) until configured; a change applies at the
 * next pass.
 */
@ObjectClassDefinition(name = "Kapture storage retention",
        description = "Deletes the oldest recordings, event clips and snapshots in Kapture's storage directory"
                + " (kapture.storage.dir) to keep it within limits. Only files whose names Kapture gave are deleted,"
                + " never a file being written.")
@interface RetentionConfig {

    @AttributeDefinition(name = "Size limit (MB)", min = "0",
            description = "The oldest files go once Kapture's recordings and snapshots together pass this many"
                    + " megabytes (10^6 bytes); 0: no limit.")
    long max_size_mb() default 0;

    @AttributeDefinition(name = "Disk usage limit (%)", min = "0", max = "99",
            description = "The oldest files go while the disk holding the storage directory is fuller than this"
                    + " percentage (as df counts it); 0: no limit.")
    int max_disk_percent() default 0;

    @AttributeDefinition(name = "Age limit (days)", min = "0",
            description = "Files last written more than this many days ago go; 0: no limit.")
    int max_age_days() default 0;

    @AttributeDefinition(name = "Interval (seconds)", min = "1", max = "86400",
            description = "Seconds between retention passes, 1 to 86400.")
    int interval_seconds() default 60;
}
