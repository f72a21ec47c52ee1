/**
 * The node's health: one verdict over every camera, listener and the storage directory, evaluated by the
 * {@link io.kapture.health.KaptureHealth} service, which {@code /kapture/health} and {@code kapture:health} both
 * ask, so that a load balancer and an operator at the console always see the same answer.
 */
@Export
@Version("1.0.0")
package io.kapture.health;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
