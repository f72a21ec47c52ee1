/**
 * Fixtures for the bundles' unit tests: {@link io.kapture.testing.TestFrame} (a frame with chosen metadata and
 * real handle rules), {@link io.kapture.testing.SyntheticFeed} (frames of the synthetic camera) and
 * {@link io.kapture.testing.RecordingRegistrar} (listeners registered without a framework). Used in test scope
 * only; not a bundle.
 */
package io.kapture.testing;
