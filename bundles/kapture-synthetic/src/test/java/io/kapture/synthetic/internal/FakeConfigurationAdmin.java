package io.kapture.synthetic.internal;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.TreeMap;

import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Just enough of ConfigurationAdmin for the default camera: factory configurations by name, listing by factory
 * PID. Built from dynamic proxies, so calls the setup should not make fail loudly. Not thread-safe.
 */
final class FakeConfigurationAdmin {
    final Map<String, Dictionary<String, Object>> stored = new TreeMap<>();
    boolean failing;

    ConfigurationAdmin admin() {
        return (ConfigurationAdmin) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ConfigurationAdmin.class}, (proxy, method, args) -> {
                    if (failing) {
                        throw new IOException("configuration store unavailable");
                    }
                    return switch (method.getName()) {
                        case "listConfigurations" -> list((String) args[0]);
                        case "getFactoryConfiguration" -> {
                            if (args.length != 3 || !"?".equals(args[2])) {
                                throw new AssertionError("expected getFactoryConfiguration(pid, name, \"?\")");
                            }
                            yield configuration(args[0] + "~" + args[1], (String) args[0]);
                        }
                        default -> throw new AssertionError("unexpected call " + method.getName());
                    };
                });
    }

    void put(String factoryPid, String name, Map<String, Object> properties) {
        Dictionary<String, Object> dictionary = new Hashtable<>(properties);
        dictionary.put(ConfigurationAdmin.SERVICE_FACTORYPID, factoryPid);
        stored.put(factoryPid + "~" + name, dictionary);
    }

    private Configuration[] list(String filter) {
        String prefix = "(" + ConfigurationAdmin.SERVICE_FACTORYPID + "=";
        if (!filter.startsWith(prefix) || !filter.endsWith(")")) {
            throw new AssertionError("unexpected filter " + filter);
        }
        String factoryPid = filter.substring(prefix.length(), filter.length() - 1);
        Configuration[] matches = stored.entrySet().stream()
                .filter(entry -> factoryPid.equals(entry.getValue().get(ConfigurationAdmin.SERVICE_FACTORYPID)))
                .map(entry -> configuration(entry.getKey(), factoryPid))
                .toArray(Configuration[]::new);
        return matches.length == 0 ? null : matches;
    }

    private Configuration configuration(String pid, String factoryPid) {
        return (Configuration) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Configuration.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getPid" -> pid;
                    case "getFactoryPid" -> factoryPid;
                    case "getProperties" -> stored.get(pid);
                    case "update" -> {
                        @SuppressWarnings("unchecked")
                        Dictionary<String, Object> properties = new Hashtable<>((Map<String, Object>) toMap(
                                (Dictionary<String, Object>) args[0]));
                        properties.put(ConfigurationAdmin.SERVICE_FACTORYPID, factoryPid);
                        stored.put(pid, properties);
                        yield null;
                    }
                    case "delete" -> {
                        stored.remove(pid);
                        yield null;
                    }
                    default -> throw new AssertionError("unexpected call " + method.getName());
                });
    }

    private static Map<String, Object> toMap(Dictionary<String, Object> dictionary) {
        Map<String, Object> map = new TreeMap<>();
        for (String key : Collections.list(dictionary.keys())) {
            map.put(key, dictionary.get(key));
        }
        return map;
    }
}
