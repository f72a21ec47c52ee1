/**
 * Hot-plug notifications from the V4L2 provider, for bundles that want to know when cameras come and go:
 * register a {@link io.kapture.v4l2.hotplug.V4l2DeviceListener} as an OSGi service. This is the one part of
 * kapture-v4l2 a bundle builds on; the binding itself ({@code io.kapture.v4l2}, {@code io.kapture.v4l2.structs})
 * is private to the bundle.
 */
@Export
@Version("1.0.0")
package io.kapture.v4l2.hotplug;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
