package io.kapture.shell.internal.command;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

import io.kapture.health.HealthProblem;
import io.kapture.health.HealthReport;
import io.kapture.health.KaptureHealth;

/**
 * {@code kapture:health}: the verdict of {@link KaptureHealth}, the same one {@code /kapture/health} serves.
 * Prints {@code UP} and the cameras running, or a table of the failing checks and then fails, so that a script
 * over ssh or {@code bin/client} gets a non-zero status exactly when the health URL would answer 503. {@code --json}
 * prints the report as the URL serves it.
 *
 * <p>Threading contract: Karaf makes a new instance for every execution and runs it on the session's command
 * thread; the service is looked up and given back within the execution.
 */
@Service
@Command(scope = "kapture", name = "health", description = "Checks that every camera runs at its rate, listeners"
        + " keep up and storage has room; fails when a check fails")
public class HealthCommand implements Action {

    @Reference
    BundleContext context;

    @Option(name = "--json", description = "Print the report as /kapture/health serves it")
    boolean json;

    @Override
    public Object execute() {
        ServiceReference<KaptureHealth> reference = context.getServiceReference(KaptureHealth.class);
        KaptureHealth health = reference == null ? null : context.getService(reference);
        if (health == null) {
            throw new IllegalStateException("The health service is not running: install feature kapture-health"
                    + " (bundle io.kapture.kapture-health)");
        }
        try {
            print(health.evaluate(), json, System.out);
            return null;
        } finally {
            context.ungetService(reference);
        }
    }

    /**
     * Prints the report; a failing one ends in an exception whose message counts and names the failing checks.
     */
    static void print(HealthReport report, boolean json, PrintStream out) {
        if (json) {
            out.println(report.toJson());
        } else if (report.healthy()) {
            out.println("UP: " + report.running() + " of " + report.cameras() + " cameras running, every check"
                    + " passes");
        } else {
            ShellTable table = new ShellTable();
            table.column("Check");
            table.column("Subject");
            table.column("Reason").maxSize(100).wrap();
            for (HealthProblem problem : report.problems()) {
                table.addRow().addContent(problem.check(), problem.subject(), problem.reason());
            }
            out.println("DOWN: " + report.running() + " of " + report.cameras() + " cameras running");
            table.print(out);
        }
        if (!report.healthy()) {
            throw new IllegalStateException("Kapture is unhealthy: " + report.problems().size() + " failing "
                    + (report.problems().size() == 1 ? "check" : "checks") + " ("
                    + String.join(", ", report.problems().stream()
                            .map(problem -> problem.check() + " " + problem.subject()).toList()) + ")");
        }
    }
}
