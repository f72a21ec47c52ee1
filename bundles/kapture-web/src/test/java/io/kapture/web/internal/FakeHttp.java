package io.kapture.web.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Minimal request and response objects for driving the servlet without a container. The request answers the
 * few questions the preview and its gate ask (path, peer address, Host and Authorization headers); the response
 * records status, headers and body, and can be told to fail like a socket whose browser went away. Anything else
 * the servlet might call fails the test loudly. Each response is used by one thread at a time.
 */
final class FakeHttp {

    private FakeHttp() {
    }

    static HttpServletRequest request(String method, String pathInfo, String remoteAddress, String host) {
        return request(method, pathInfo, remoteAddress, host, null);
    }

    /** A request that also carries an {@code Authorization} header (null for none). */
    static HttpServletRequest request(String method, String pathInfo, String remoteAddress, String host,
            String authorization) {
        return (HttpServletRequest) Proxy.newProxyInstance(FakeHttp.class.getClassLoader(),
                new Class<?>[] { HttpServletRequest.class }, (proxy, invoked, arguments) -> switch (invoked.getName()) {
                    case "getMethod" -> method;
                    case "getPathInfo" -> pathInfo;
                    case "getRemoteAddr" -> remoteAddress;
                    case "getHeader" -> "Host".equalsIgnoreCase((String) arguments[0]) ? host
                            : "Authorization".equalsIgnoreCase((String) arguments[0]) ? authorization : null;
                    case "getContextPath" -> "";
                    case "getServletPath" -> "/kapture";
                    case "getProtocol" -> "HTTP/1.1";
                    case "toString" -> method + " " + pathInfo;
                    default -> throw new UnsupportedOperationException("the fake request has no " + invoked);
                });
    }

    /** A recorded response. */
    static final class Response {
        final Map<String, String> headers = new HashMap<>();
        final ByteArrayOutputStream body = new ByteArrayOutputStream();
        final AtomicInteger flushes = new AtomicInteger();
        volatile int status = 200;
        volatile String message;
        volatile String redirect;
        /** The body fails with an IOException once it holds more than this many bytes. */
        volatile long failAfterBytes = Long.MAX_VALUE;

        final HttpServletResponse servletResponse = (HttpServletResponse) Proxy.newProxyInstance(
                FakeHttp.class.getClassLoader(), new Class<?>[] { HttpServletResponse.class },
                (proxy, invoked, arguments) -> switch (invoked.getName()) {
                    case "setHeader", "addHeader" -> headers.put((String) arguments[0], (String) arguments[1]);
                    case "containsHeader" -> headers.containsKey((String) arguments[0]);
                    case "setContentType" -> headers.put("Content-Type", (String) arguments[0]);
                    case "setContentLength" -> headers.put("Content-Length", String.valueOf(arguments[0]));
                    case "sendError" -> {
                        status = (Integer) arguments[0];
                        message = arguments.length > 1 ? (String) arguments[1] : null;
                        yield null;
                    }
                    case "sendRedirect" -> {
                        status = 302;
                        redirect = (String) arguments[0];
                        yield null;
                    }
                    case "getOutputStream" -> output();
                    case "toString" -> "fake response";
                    default -> throw new UnsupportedOperationException("the fake response has no " + invoked);
                });

        String text() {
            return body.toString(StandardCharsets.UTF_8);
        }

        private ServletOutputStream output() {
            return new ServletOutputStream() {
                @Override
                public void write(int b) throws IOException {
                    write(new byte[] { (byte) b }, 0, 1);
                }

                @Override
                public void write(byte[] bytes, int offset, int length) throws IOException {
                    synchronized (body) {
                        if (body.size() + length > failAfterBytes) {
                            throw new IOException("Broken pipe (the fake browser went away)");
                        }
                        body.write(bytes, offset, length);
                    }
                }

                @Override
                public void flush() {
                    flushes.incrementAndGet();
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    throw new UnsupportedOperationException("the preview writes blocking");
                }
            };
        }
    }
}
