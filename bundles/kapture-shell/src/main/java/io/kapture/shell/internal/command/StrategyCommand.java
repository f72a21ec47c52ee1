package io.kapture.shell.internal.command;

import java.io.IOException;
import java.util.SortedSet;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

import io.kapture.api.CameraConfiguration;
import io.kapture.api.CaptureSession;
import io.kapture.shell.internal.CameraConfigurations;
import io.kapture.shell.internal.Figures;
import io.kapture.shell.internal.ServiceLookup;
import io.kapture.shell.internal.completer.StrategyCompleter;

/**
 * {@code kapture:strategy <camera> [name]}: shows the delivery strategy a camera uses or switches it. A switch is
 * written to the camera's configuration through Configuration Admin, so it persists (Karaf saves it to the
 * camera's {@code .cfg} file) and the engine applies it like any configuration change.
 *
 * <p>Threading contract: see {@link KaptureCommand}.
 */
@Service
@Command(scope = "kapture", name = "strategy",
        description = "Shows or switches a camera's delivery strategy",
        detailedDescription = "Without a strategy, shows the one in use and the registered ones (copy, pool, "
                + "zerocopy, ...), and why the engine delivers with another than configured (zero-copy on a device "
                + "that cannot lend its buffers is delivered with pool). With one, writes it to the camera's configuration through "
                + "Configuration Admin: the change persists and the engine applies it like any "
                + "configuration update.")
public class StrategyCommand extends CameraCommand {

    @Argument(index = 1, name = "strategy", description = "The delivery strategy to switch to")
    @Completion(StrategyCompleter.class)
    String strategy;

    @Reference(optional = true)
    ConfigurationAdmin configurationAdmin;

    @Override
    protected void run(ServiceLookup services) throws IOException {
        CaptureSession session = session(services);
        SortedSet<String> registered = services.deliveryStrategies();
        if (strategy == null) {
            System.out.println(camera + " delivers with " + Figures.delivery(session) + ". Registered strategies: "
                    + (registered.isEmpty() ? "none" : String.join(", ", registered)));
            session.deliveryFallback().ifPresent(why -> System.out.println(camera + ": " + why));
            return;
        }
        if (!registered.contains(strategy)) {
            throw new IllegalArgumentException("Unknown delivery strategy '" + strategy + "'. "
                    + (registered.isEmpty() ? "No delivery strategies are registered; install kapture-delivery."
                            : "Registered strategies: " + String.join(", ", registered)));
        }
        CameraConfigurations configurations = new CameraConfigurations(configurationAdmin);
        Configuration configuration = configurations.find(camera, services.configurationPid(camera));
        if (CameraConfigurations.get(configuration, CameraConfiguration.DELIVERY).filter(strategy::equals)
                .isPresent()) {
            System.out.println(camera + " is already configured to deliver with " + strategy + " (configuration "
                    + configuration.getPid() + " unchanged)");
            return;
        }
        Object previous = configurations.set(configuration, CameraConfiguration.DELIVERY, strategy)
                .orElse(session.delivery());
        System.out.println(camera + ": delivery " + previous + " -> " + strategy + " (configuration "
                + configuration.getPid() + " updated)");
    }
}
