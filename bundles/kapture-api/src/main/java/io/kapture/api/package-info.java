/**
 * Kapture's public API: frames, the listeners that receive them, the pool that recycles their memory and the
 * management views of capture sessions.
 */
@Export
@Version("1.4.0")
package io.kapture.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
