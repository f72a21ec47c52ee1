package io.kapture.web.internal;

/**
 * The one setting of {@code io.kapture.web} the monitoring endpoints read; {@link Config} describes it (and the
 * preview's other settings) to metatype.
 */
@interface RemoteAccessConfig {

    /** Whether to answer requests from other machines. */
    boolean allow_remote() default false;
}
