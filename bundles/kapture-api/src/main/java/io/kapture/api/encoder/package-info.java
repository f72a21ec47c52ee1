/**
 * Video encoding: raw frames in, encoded access units out. Encoders are {@link io.kapture.api.encoder.VideoEncoderFactory}
 * services, so more can be plugged in (a software encoder, a V4L2 memory-to-memory one); consumers such as the RTSP
 * server choose among them by service ranking and by what each accepts. H.264 helpers (Annex B splitting, parameter
 * sets, pass-through of cameras that deliver H.264 themselves, the choice among the registered encoders by ranking)
 * live here too, so every consumer treats H.264 alike.
 */
@Export
@Version("1.1.0")
package io.kapture.api.encoder;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
