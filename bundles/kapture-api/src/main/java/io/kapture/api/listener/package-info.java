/**
 * Help for components that subscribe to frames with settings only known at run time (the camera comes from a
 * configuration, or each browser gets a listener of its own), and so register their
 * {@link io.kapture.api.FrameListener} themselves rather than as a component with static service properties.
 */
@Export
@Version("1.0.0")
package io.kapture.api.listener;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
