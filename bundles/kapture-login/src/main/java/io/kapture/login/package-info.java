/**
 * Logins of remote users against Karaf's JAAS realm, shared by every Kapture endpoint that opens to the network
 * (the web preview, the RTSP server): HTTP/RTSP Basic credentials, the JAAS login that checks them and tells the
 * user's roles, a per-address throttle of failed logins, a log of refusals that never holds a secret, and
 * counts of login outcomes per endpoint ({@link io.kapture.login.LoginStatistics}, a service each endpoint registers).
 */
@Export
@Version("1.1.0")
package io.kapture.login;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
