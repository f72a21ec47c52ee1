/**
 * The recorder's progress for shells, web consoles and tests: the {@link io.kapture.processor.recorder.Recordings}
 * service lists what every configured recorder is writing, the video files kept, what retention deleted, the
 * storage disk's space ({@link io.kapture.processor.recorder.StorageSpace}, since 1.2), the bytes each recorder
 * wrote ({@link io.kapture.processor.recorder.RecordingProgress#bytesWritten()}, since 1.2), and
 * triggers event clips; {@link io.kapture.processor.recorder.RecordingEvents} names the EventAdmin topics and
 * properties of files begun and finished.
 */
@Export
@Version("1.2.0")
package io.kapture.processor.recorder;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
