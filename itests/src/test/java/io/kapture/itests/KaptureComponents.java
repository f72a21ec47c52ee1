package io.kapture.itests;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

/**
 * Looks at Kapture's bundles and Declarative Services components the way {@code scr:list} would, and says in
 * words what is not running. A delayed component that is merely satisfied gets its service fetched, so that its
 * activation really runs (and a failing constructor shows as a failed activation); {@link #release()} gives those
 * services back.
 *
 * <p>Threading contract: used by one test thread at a time.
 */
final class KaptureComponents {

    /** The bundles the distribution must run. */
    static final List<String> EXPECTED_BUNDLES = List.of(
            "io.kapture.kapture-api",
            "io.kapture.kapture-pool",
            "io.kapture.kapture-delivery",
            "io.kapture.kapture-engine",
            "io.kapture.kapture-synthetic",
            "io.kapture.kapture-v4l2",
            "io.kapture.kapture-convert",
            "io.kapture.kapture-processor-stats",
            "io.kapture.kapture-processor-snapshot",
            "io.kapture.kapture-processor-motion",
            "io.kapture.kapture-processor-recorder",
            "io.kapture.kapture-web",
            "io.kapture.kapture-shell");

    private final BundleContext context;
    private final List<ServiceReference<?>> fetched = new ArrayList<>();
    private final List<String> names = new ArrayList<>();

    KaptureComponents(BundleContext context) {
        this.context = context;
    }

    static boolean isKapture(Bundle bundle) {
        String name = bundle.getSymbolicName();
        return name != null && name.startsWith("io.kapture.");
    }

    static Optional<Bundle> bundle(BundleContext context, String symbolicName) {
        return Arrays.stream(context.getBundles())
                .filter(bundle -> symbolicName.equals(bundle.getSymbolicName()))
                .findFirst();
    }

    /** Expected bundles that are missing or not active, in words; empty when all run. */
    static List<String> inactiveBundles(BundleContext context) {
        List<String> problems = new ArrayList<>();
        for (String name : EXPECTED_BUNDLES) {
            Optional<Bundle> bundle = bundle(context, name);
            if (bundle.isEmpty()) {
                problems.add(name + " is not installed");
            } else if (bundle.get().getState() != Bundle.ACTIVE) {
                problems.add(name + " is " + bundleState(bundle.get().getState()));
            }
        }
        return problems;
    }

    /**
     * Components of Kapture bundles that are not active, in words; empty when all are. Satisfied delayed
     * components are activated first by fetching their services.
     */
    List<String> inactive() throws InvalidSyntaxException {
        ServiceComponentRuntime runtime = context.getService(context.getServiceReference(ServiceComponentRuntime.class));
        Bundle[] kapture = Arrays.stream(context.getBundles()).filter(KaptureComponents::isKapture)
                .toArray(Bundle[]::new);
        for (ComponentDescriptionDTO description : runtime.getComponentDescriptionDTOs(kapture)) {
            for (ComponentConfigurationDTO configuration : runtime.getComponentConfigurationDTOs(description)) {
                if (configuration.state == ComponentConfigurationDTO.SATISFIED) {
                    activate(configuration);
                }
            }
        }
        List<String> problems = new ArrayList<>();
        names.clear();
        for (ComponentDescriptionDTO description : runtime.getComponentDescriptionDTOs(kapture)) {
            names.add(description.name);
            if (description.factory != null) {
                continue;
            }
            if (!runtime.isComponentEnabled(description)) {
                problems.add(description.name + " is disabled");
                continue;
            }
            Collection<ComponentConfigurationDTO> configurations = runtime.getComponentConfigurationDTOs(description);
            if (configurations.isEmpty() && !"require".equals(description.configurationPolicy)) {
                problems.add(description.name + " has no instance");
            }
            for (ComponentConfigurationDTO configuration : configurations) {
                if (configuration.state != ComponentConfigurationDTO.ACTIVE) {
                    problems.add(describe(configuration));
                }
            }
        }
        if (names.isEmpty()) {
            problems.add("no Kapture components at all");
        }
        return problems;
    }

    /** Names of the components seen by the last {@link #inactive()}. */
    List<String> names() {
        return List.copyOf(names);
    }

    /** Gives back the services fetched to activate delayed components. */
    void release() {
        fetched.forEach(context::ungetService);
        fetched.clear();
    }

    private void activate(ComponentConfigurationDTO configuration) throws InvalidSyntaxException {
        ServiceReference<?>[] references =
                context.getAllServiceReferences(null, "(component.id=" + configuration.id + ")");
        if (references == null) {
            return;
        }
        for (ServiceReference<?> reference : references) {
            if (context.getService(reference) != null) {
                fetched.add(reference);
            }
        }
    }

    private static String describe(ComponentConfigurationDTO configuration) {
        StringBuilder text = new StringBuilder(configuration.description.name).append(" is ")
                .append(componentState(configuration.state));
        for (UnsatisfiedReferenceDTO reference : configuration.unsatisfiedReferences) {
            text.append("; reference ").append(reference.name).append(" unsatisfied (target ")
                    .append(reference.target).append(')');
        }
        if (configuration.failure != null) {
            text.append("; ").append(configuration.failure);
        }
        return text.toString();
    }

    private static String componentState(int state) {
        return switch (state) {
            case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION -> "waiting for its configuration";
            case ComponentConfigurationDTO.UNSATISFIED_REFERENCE -> "missing references";
            case ComponentConfigurationDTO.SATISFIED -> "satisfied";
            case ComponentConfigurationDTO.ACTIVE -> "active";
            case ComponentConfigurationDTO.FAILED_ACTIVATION -> "failed to activate";
            default -> "in state " + state;
        };
    }

    private static String bundleState(int state) {
        return switch (state) {
            case Bundle.INSTALLED -> "installed but not resolved";
            case Bundle.RESOLVED -> "resolved but not started";
            case Bundle.STARTING -> "starting";
            case Bundle.STOPPING -> "stopping";
            case Bundle.UNINSTALLED -> "uninstalled";
            default -> "in state " + state;
        };
    }
}
