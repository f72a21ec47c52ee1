/**
 * Fixtures for the bundles' unit tests: {@link io.kapture.testing.TestFrame} (a frame with chosen metadata and
 * real handle rules), {@link io.kapture.testing.TestDriverBuffer} (a driver buffer a test fills),
 * {@link io.kapture.testing.SyntheticFeed} (frames of the synthetic camera),
 * {@link io.kapture.testing.RecordingRegistrar} (listeners registered without a framework),
 * {@link io.kapture.testing.FeedFixture} (registrar and feed of a processor's test),
 * {@link io.kapture.testing.ProcessorFixture} (the same with a storage root, for a file-writing processor),
 * {@link io.kapture.testing.StubCamera} (a camera whose state and figures a test sets),
 * {@link io.kapture.testing.ComponentConfig} (configuration annotations with their declared defaults),
 * {@link io.kapture.testing.ComponentDescriptors} (the descriptors bnd generates) and {@link io.kapture.testing.VideoProbe}
 * (what ffprobe decodes from a file or an RTSP URL). Used in test scope only; not a
 * bundle.
 */
package io.kapture.testing;
