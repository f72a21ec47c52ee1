package io.kapture.web.internal;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.Logger;
import org.slf4j.helpers.MessageFormatter;

/**
 * An SLF4J logger that keeps every WARN line it is given, formatted as a log would show it, so tests can check
 * what reaches the log (and what never does). Other levels and questions fail the test loudly. Thread-safe.
 */
final class RecordingLogger {

    final List<String> lines = new CopyOnWriteArrayList<>();

    final Logger logger = (Logger) Proxy.newProxyInstance(RecordingLogger.class.getClassLoader(),
            new Class<?>[] { Logger.class }, (proxy, method, arguments) -> {
                if (method.getName().equals("warn") && arguments.length == 2 && arguments[1] instanceof Object[] values) {
                    lines.add(MessageFormatter.arrayFormat((String) arguments[0], values).getMessage());
                    return null;
                }
                if (method.getName().equals("toString")) {
                    return "recording logger";
                }
                throw new UnsupportedOperationException("the recording logger has no " + method);
            });
}
