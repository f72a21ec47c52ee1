/**
 * Helpers for tests of any bundle that consume frames of Kapture's synthetic camera: every synthetic frame
 * carries its sequence number as a machine-readable code, and {@link io.kapture.synthetic.SyntheticFrames} reads
 * it back, so a test can tell exactly which frame it got.
 *
 * <p>Not exported (no {@code @Export} here): no bundle decodes frames; the unit tests of
 * other bundles, the benchmarks and the soak test use it from the plain class path.
 */
package io.kapture.synthetic;
