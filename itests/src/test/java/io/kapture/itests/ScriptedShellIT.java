package io.kapture.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.UUID;

import javax.inject.Inject;

import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import io.kapture.api.SessionState;

/**
 * Failing {@code kapture:*} commands reach scripts: in every way of calling them (Karaf's {@code Session.execute},
 * OpenSSH's {@code ssh host 'command'}, the distribution's {@code bin/client}) the command's message comes out as
 * "Error executing command: ..." and the caller sees a failure (an exception, exit status 1), while a command that
 * works exits 0. Logins are set up as the README tells a user to: a key line in {@code etc/keys.properties}, a
 * password line {@code <user> = <password>,_g_:admingroup} in {@code etc/users.properties}, both added to the
 * running container's files (Karaf reads them at every login).
 *
 * <p>Threading contract: see {@link KaptureTestSupport}; client processes run one at a time, each waited for.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ScriptedShellIT extends KaptureTestSupport {

    /** Failing commands of issue 17 and a part of the message each must carry. */
    private static final Map<String, String> FAILING = Map.of(
            "kapture:start nosuchcamera", "No camera 'nosuchcamera'",
            "kapture:snapshot nosuchcamera f.jpg", "No camera 'nosuchcamera'",
            "kapture:formats /dev/nosuch", "/dev/nosuch");

    private static final String ERROR = "Error executing command: ";

    @Inject
    private SessionFactory sessionFactory;

    @Before
    public void awaitCommandsAndCamera() {
        await("kapture:formats registered").atMost(TIMEOUT)
                .until(() -> sessionFactory.getRegistry().getCommand("kapture", "formats") != null);
        awaitSession(SYNTHETIC_CAMERA, SessionState.RUNNING);
    }

    @Test
    public void sessionExecuteThrowsWithTheMessage() {
        FAILING.forEach((command, expected) -> {
            Exception failure = assertThrows(command, Exception.class,
                    () -> ShellOutput.of(command).run(sessionFactory));
            assertTrue(command + " failed with: " + failure, failure.getMessage().contains(expected));
        });
    }

    @Test
    public void sshExecExitsWithOneAndPrintsTheError() throws Exception {
        Path folder = Files.createTempDirectory("kapture-ssh-");
        Path key = RemoteShell.newKey(folder);
        String user = "script" + UUID.randomUUID().toString().substring(0, 8);
        append("keys.properties", user + " = " + RemoteShell.publicKeyBase64(key) + ",_g_:admingroup");
        RemoteShell shell = remoteShell();

        await("ssh login with the key").atMost(TIMEOUT)
                .until(() -> shell.ssh(key, user, "kapture:cameras").exitStatus() == 0);
        RemoteShell.Result working = shell.ssh(key, user, "kapture:cameras");
        assertTrue(working.output(), working.output().contains(SYNTHETIC_CAMERA));

        for (Map.Entry<String, String> failing : FAILING.entrySet()) {
            RemoteShell.Result result = shell.ssh(key, user, failing.getKey());
            assertEquals("exit status of ssh '" + failing.getKey() + "', which printed: " + result.output(), 1,
                    result.exitStatus());
            assertTrue(result.output(), result.output().contains(ERROR)
                    && result.output().contains(failing.getValue()));
        }
    }

    @Test
    public void binClientWithTheReadmesPasswordLineExitsWithOne() throws Exception {
        String user = "alice" + UUID.randomUUID().toString().substring(0, 8);
        String password = UUID.randomUUID().toString();
        RemoteShell shell = remoteShell();
        await("the SSH server").atMost(TIMEOUT).until(() -> shell.client(user, password, "kapture:cameras").output()
                .contains("No more authentication methods available"));
        RemoteShell.Result shippedUser = shell.client("karaf", "karaf", "kapture:cameras");
        assertEquals("no user is shipped, karaf/karaf logs in: " + shippedUser.output(), 1, shippedUser.exitStatus());

        // README, Security: "add a line alice = <password>,_g_:admingroup to etc/users.properties"
        append("users.properties", user + " = " + password + ",_g_:admingroup");

        RemoteShell.Result working = shell.client(user, password, "kapture:cameras");
        assertEquals("bin/client kapture:cameras printed: " + working.output(), 0, working.exitStatus());
        assertTrue(working.output(), working.output().contains(SYNTHETIC_CAMERA));

        for (Map.Entry<String, String> failing : FAILING.entrySet()) {
            RemoteShell.Result result = shell.client(user, password, failing.getKey());
            assertEquals("exit status of bin/client '" + failing.getKey() + "', which printed: " + result.output(),
                    1, result.exitStatus());
            assertTrue(result.output(), result.output().contains(ERROR)
                    && result.output().contains(failing.getValue()));
        }
    }

    private RemoteShell remoteShell() throws Exception {
        return new RemoteShell(System.getProperty("karaf.home"), configuredPort("org.apache.karaf.shell", "sshPort"));
    }

    /** Adds a line to a file under the container's etc/, as a user with an editor would. */
    private static void append(String file, String line) throws Exception {
        Path path = Path.of(System.getProperty("karaf.etc"), file);
        Files.writeString(path, System.lineSeparator() + line + System.lineSeparator(), StandardCharsets.ISO_8859_1,
                StandardOpenOption.APPEND);
    }
}
