/**
 * Motion events: the EventAdmin topics and event property names the motion detector publishes, for bundles that
 * subscribe to them with an {@code org.osgi.service.event.EventHandler}; and, since 1.1, the
 * {@link io.kapture.processor.motion.MotionStatistics} service with what every detector counted
 * ({@link io.kapture.processor.motion.MotionActivity}).
 */
@Export
@Version("1.1.0")
package io.kapture.processor.motion;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
