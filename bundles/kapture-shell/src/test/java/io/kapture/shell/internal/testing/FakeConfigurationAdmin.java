package io.kapture.shell.internal.testing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.framework.Constants;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Configuration Admin holding configurations in memory, listing them with real LDAP filters (osgi.core's own
 * filter implementation) and counting updates.
 *
 * <p>Threading contract: copy-on-write list; configured by the test before use.
 */
public final class FakeConfigurationAdmin implements ConfigurationAdmin {

    public final List<FakeConfiguration> configurations = new CopyOnWriteArrayList<>();

    /** Adds a factory configuration {@code factoryPid~name} with these properties. */
    public FakeConfiguration addFactoryConfiguration(String factoryPid, String name, Dictionary<String,
            Object> properties) {
        FakeConfiguration configuration = new FakeConfiguration(factoryPid + "~" + name, factoryPid, properties);
        configurations.add(configuration);
        return configuration;
    }

    @Override
    public Configuration[] listConfigurations(String filter) throws InvalidSyntaxException {
        Filter parsed = filter == null ? null : FrameworkUtil.createFilter(filter);
        List<Configuration> found = new ArrayList<>();
        for (FakeConfiguration configuration : configurations) {
            if (parsed == null || parsed.match(configuration.withIdentity())) {
                found.add(configuration);
            }
        }
        return found.isEmpty() ? null : found.toArray(new Configuration[0]);
    }

    @Override
    public Configuration createFactoryConfiguration(String factoryPid) {
        throw new UnsupportedOperationException("the shell never creates configurations");
    }

    @Override
    public Configuration createFactoryConfiguration(String factoryPid, String location) {
        throw new UnsupportedOperationException("the shell never creates configurations");
    }

    @Override
    public Configuration getConfiguration(String pid, String location) {
        throw new UnsupportedOperationException("the shell only lists configurations");
    }

    @Override
    public Configuration getConfiguration(String pid) {
        throw new UnsupportedOperationException("the shell only lists configurations");
    }

    @Override
    public Configuration getFactoryConfiguration(String factoryPid, String name, String location) {
        throw new UnsupportedOperationException("the shell only lists configurations");
    }

    @Override
    public Configuration getFactoryConfiguration(String factoryPid, String name) {
        throw new UnsupportedOperationException("the shell only lists configurations");
    }

    /** One configuration; {@link #updates} counts calls of update(Dictionary). */
    public static final class FakeConfiguration implements Configuration {
        private final String pid;
        private final String factoryPid;
        private volatile Dictionary<String, Object> properties;
        public volatile int updates;

        FakeConfiguration(String pid, String factoryPid, Dictionary<String, Object> properties) {
            this.pid = pid;
            this.factoryPid = factoryPid;
            this.properties = properties;
        }

        Dictionary<String, Object> withIdentity() {
            Hashtable<String, Object> all = new Hashtable<>();
            if (properties != null) {
                for (String key : Collections.list(properties.keys())) {
                    all.put(key, properties.get(key));
                }
            }
            all.put(Constants.SERVICE_PID, pid);
            all.put(ConfigurationAdmin.SERVICE_FACTORYPID, factoryPid);
            return all;
        }

        @Override
        public String getPid() {
            return pid;
        }

        @Override
        public Dictionary<String, Object> getProperties() {
            return properties;
        }

        @Override
        public void update(Dictionary<String, ?> newProperties) {
            Hashtable<String, Object> copy = new Hashtable<>();
            for (String key : Collections.list(newProperties.keys())) {
                copy.put(key, newProperties.get(key));
            }
            properties = copy;
            updates++;
        }

        @Override
        public String getFactoryPid() {
            return factoryPid;
        }

        @Override
        public Dictionary<String, Object> getProcessedProperties(ServiceReference<?> reference) {
            return properties;
        }

        @Override
        public void delete() throws IOException {
            throw new UnsupportedOperationException("the shell never deletes configurations");
        }

        @Override
        public void update() {
            throw new UnsupportedOperationException("the shell updates with properties");
        }

        @Override
        public boolean updateIfDifferent(Dictionary<String, ?> newProperties) {
            throw new UnsupportedOperationException("the shell updates with properties");
        }

        @Override
        public void setBundleLocation(String location) {
            throw new UnsupportedOperationException("the shell never binds configurations");
        }

        @Override
        public String getBundleLocation() {
            return null;
        }

        @Override
        public long getChangeCount() {
            return updates;
        }

        @Override
        public void addAttributes(ConfigurationAttribute... attributes) {
            throw new UnsupportedOperationException("the shell never sets attributes");
        }

        @Override
        public Set<ConfigurationAttribute> getAttributes() {
            return Set.of();
        }

        @Override
        public void removeAttributes(ConfigurationAttribute... attributes) {
            throw new UnsupportedOperationException("the shell never sets attributes");
        }
    }
}
