package dev.keyway.integration.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyway.integration.openssh.BoundedProcess;
import dev.keyway.integration.openssh.Deadline;
import dev.keyway.integration.openssh.OpenSshClientRun;
import dev.keyway.integration.openssh.OpenSshInstallation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

/**
 * Keyway in Apache Felix: the bundles the build made resolve and start beside Felix SCR and
 * Bouncy Castle, each provider bundle registers its {@code AlgorithmProvider} service, and the
 * server component of {@code dev.keyway.osgi} serves a real session over 127.0.0.1, to a
 * Keyway client inside the framework and to OpenSSH's {@code ssh} outside it.
 */
class FelixSessionTest {
    @TempDir
    static Path dir;
    private static ServerFiles files;
    private static EmbeddedFelix felix;
    private static ProbeClient client;

    @BeforeAll
    static void launch() throws Exception {
        files = ServerFiles.create(dir);
        felix = EmbeddedFelix.launch(dir.resolve("felix-storage"), files.frameworkProperties());
        List<Path> jars = new ArrayList<>(FrameworkBundles.serverWith(
                FrameworkBundles.JCA, FrameworkBundles.BOUNCYCASTLE, FrameworkBundles.USERAUTH));
        jars.add(TestBundles.probe(dir));
        felix.installAndStart(jars);
        client = new ProbeClient(felix.bundle(TestBundles.PROBE), files.fingerprint());
        Eventually.until("the server component accepts a login",
                () -> client.logsIn(files.port(), ServerFiles.USER, ServerFiles.PASSWORD));
    }

    @AfterAll
    static void stop() throws Exception {
        if (felix != null) {
            felix.close();
        }
    }

    @Test
    void everyBundleIsActive() {
        List<String> notActive = Arrays.stream(felix.context().getBundles())
                .filter(b -> b.getState() != Bundle.ACTIVE)
                .map(b -> b.getSymbolicName() + " in state " + b.getState()).toList();
        assertEquals(List.of(), notActive);
    }

    @Test
    void eachProviderBundleRegistersItsProviderAsAService() throws Exception {
        ServiceReference<?>[] providers = felix.context()
                .getAllServiceReferences("dev.keyway.api.spi.AlgorithmProvider", null);
        List<String> from = Arrays.stream(providers).map(r -> r.getBundle().getSymbolicName()).sorted().toList();
        assertEquals(List.of("dev.keyway.provider.bouncycastle", "dev.keyway.provider.jca",
                "dev.keyway.provider.userauth"), from);
        assertEquals(1, felix.context().getAllServiceReferences("dev.keyway.api.AlgorithmSource", "(keyway.source=osgi)").length);
    }

    @Test
    void aKeywayClientInsideTheFrameworkRunsACommandOnTheServerComponent() throws Exception {
        int session = client.connect(files.port(), ServerFiles.USER, ServerFiles.PASSWORD, "");
        try {
            assertEquals("hello from felix\n", client.exec(session, "echo hello from felix"));
            assertEquals(2, client.rekey(session), "a re-exchange, the second key exchange of the session");
            assertEquals("still here\n", client.exec(session, "echo still here"));
        } finally {
            client.close(session);
        }
    }

    @Test
    void openSshLogsInToTheServerComponent() throws Exception {
        OpenSshInstallation openSsh = OpenSshInstallation.require();
        try (OpenSshClientRun ssh = OpenSshClientRun.start(openSsh, dir, files.port(), files.knownHosts(),
                List.of("IdentityFile=" + files.userKey(), "IdentitiesOnly=yes", "PasswordAuthentication=no"))) {
            BoundedProcess.Result result = ssh.await(Deadline.Limit.ofSeconds(30).start());
            assertEquals(0, result.exitCode(), result.output());
            assertTrue(result.output().contains("Authenticated to 127.0.0.1"), result.output());
        }
    }
}
