/**
 * Helpers for tests of any bundle that consume frames of Kapture's synthetic camera:
 * {@link io.kapture.synthetic.SyntheticCameras} gives its capture source provider outside OSGi, and every
 * synthetic frame carries its sequence number as a machine-readable code, which
 * {@link io.kapture.synthetic.SyntheticFrames} reads back, so a test can tell exactly which frame it got.
 *
 * <p>Not exported (no {@code @Export} here): no bundle decodes frames; kapture-testing, the unit tests of other
 * bundles, the benchmarks and the soak test use it from the plain class path.
 */
package io.kapture.synthetic;
