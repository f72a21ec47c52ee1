package io.kapture.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;

import javax.servlet.http.HttpServletResponseWrapper;

import org.junit.jupiter.api.Test;

import io.kapture.health.HealthProblem;
import io.kapture.health.HealthReport;

class HealthServletTest {

    /** A fake response, plus the status set with setStatus, which the fake does not record. */
    private static final class Recorded {
        final FakeHttp.Response response = new FakeHttp.Response();
        int status = 200;
        final HttpServletResponseWrapper wrapper = new HttpServletResponseWrapper(response.servletResponse) {
            @Override
            public void setStatus(int code) {
                status = code;
            }
        };
    }

    private static Recorded get(HealthServlet servlet, String remote, String host) throws IOException {
        Recorded recorded = new Recorded();
        servlet.doGet(FakeHttp.request("GET", null, remote, host), recorded.wrapper);
        return recorded;
    }

    @Test
    void answers200WhenHealthy() throws IOException {
        HealthServlet servlet = new HealthServlet(() -> new HealthReport(5, 1, 1, List.of()));
        Recorded recorded = get(servlet, "127.0.0.1", "127.0.0.1:8181");
        assertEquals(200, recorded.status);
        assertEquals("application/json; charset=utf-8", recorded.response.headers.get("Content-Type"));
        assertEquals("{\"status\":\"UP\",\"time\":5,\"cameras\":1,\"running\":1,\"problems\":[]}",
                recorded.response.text());
    }

    @Test
    void answers503NamingEachFailingCheck() throws IOException {
        HealthServlet servlet = new HealthServlet(() -> new HealthReport(5, 2, 1, List.of(
                new HealthProblem(HealthProblem.CHECK_CAMERA_STATE, "cam0", "camera is FAILED: gone"),
                new HealthProblem(HealthProblem.CHECK_STORAGE, "/data", "1.0 % free"))));
        Recorded recorded = get(servlet, "::1", "[::1]:8181");
        assertEquals(503, recorded.status);
        assertEquals("{\"status\":\"DOWN\",\"time\":5,\"cameras\":2,\"running\":1,\"problems\":["
                + "{\"check\":\"camera-state\",\"subject\":\"cam0\",\"reason\":\"camera is FAILED: gone\"},"
                + "{\"check\":\"storage-free\",\"subject\":\"/data\",\"reason\":\"1.0 % free\"}]}",
                recorded.response.text());
    }
}
