/**
 * Service provider interfaces: what a capture source (a V4L2 device, the synthetic camera) and a delivery
 * strategy implement, and what Kapture's engine hands them.
 */
@Export
@Version("1.2.0")
package io.kapture.api.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
