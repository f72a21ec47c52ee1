/**
 * Where Kapture's bundles may write files (snapshots, recordings): one storage directory, named by the framework
 * property {@code kapture.storage.dir}, that configured folders must stay inside, and the names of the files a
 * camera's frames become.
 */
@Export
@Version("1.0.0")
package io.kapture.api.storage;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
