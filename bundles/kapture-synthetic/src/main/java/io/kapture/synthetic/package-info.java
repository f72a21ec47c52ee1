/**
 * Helpers for tests of any bundle that consume frames of Kapture's synthetic camera: every synthetic frame
 * carries its sequence number as a machine-readable code, and {@link io.kapture.synthetic.SyntheticFrames} reads
 * it back, so a test can tell exactly which frame it got.
 */
@Export
@Version("1.0.0")
package io.kapture.synthetic;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
