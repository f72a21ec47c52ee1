package io.kapture.web.internal;

import java.io.IOException;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * The access rule of the monitoring endpoints, the preview's rule: answer a request from another machine only when
 * {@code allow.remote} is set in {@code io.kapture.web}, otherwise only loopback requests naming a loopback host
 * ({@link LocalRequests}). Each endpoint calls it in one line, so that a general authentication filter can replace
 * it there.
 *
 * <p>Stateless; safe from any thread.
 */
final class LoopbackAccess {

    private LoopbackAccess() {
    }

    /** Whether to answer; if not, the request has been answered with 403 and the reason. */
    static boolean allows(boolean allowRemote, HttpServletRequest request, HttpServletResponse response,
            String endpoint) throws IOException {
        if (allowRemote || LocalRequests.isLocal(request.getRemoteAddr(), request.getHeader("Host"))) {
            return true;
        }
        response.sendError(HttpServletResponse.SC_FORBIDDEN, "Kapture's " + endpoint + " answers local requests"
                + " only (http://localhost/...); set allow.remote=true in configuration " + PreviewSettings.PID
                + " to allow others");
        return false;
    }
}
