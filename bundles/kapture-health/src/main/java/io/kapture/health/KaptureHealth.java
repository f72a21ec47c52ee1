package io.kapture.health;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Evaluates the node's health now. Registered by the kapture-health bundle, configured by PID {@value #PID}.
 *
 * <p>Thread-safety: {@link #evaluate()} may be called from any number of threads at once.
 */
@ProviderType
public interface KaptureHealth {

    /** The configuration PID of the tolerances. */
    String PID = "io.kapture.health";

    /** Checks every camera, listener and the storage directory against the configured tolerances. */
    HealthReport evaluate();
}
