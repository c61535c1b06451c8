package dev.keyway.integration.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;

/**
 * Algorithms come and go while the server component runs (issue 9, item 3). What a new
 * connection is offered follows the provider bundles; a running session keeps the algorithms
 * it started with, re-keys included; and the server half of a user authentication method is
 * never replaced by a later bundle unless the server is configured to allow it.
 *
 * <p>{@code chacha20-poly1305@openssh.com} is offered by the bouncycastle provider only, so it
 * shows that bundle's presence; {@code aes128-ctr} is offered by both crypto providers.
 */
class HotPlugTest {
    private static final String CHACHA = "chacha20-poly1305@openssh.com";
    private static final String BC_COMPONENT = "dev.keyway.provider.bouncycastle.BouncyCastleAlgorithmProvider";

    @TempDir
    Path dir;
    private ServerFiles files;
    private EmbeddedFelix felix;
    private ProbeClient client;

    /** A framework with Configuration Admin, the server component, the probe and these providers. */
    private void launch(String... providers) throws Exception {
        files = ServerFiles.create(dir);
        felix = EmbeddedFelix.launch(dir.resolve("felix-storage"), files.frameworkProperties());
        List<Path> jars = new ArrayList<>(FrameworkBundles.jars(List.of("org.apache.felix.configadmin")));
        jars.addAll(FrameworkBundles.serverWith(providers));
        jars.add(TestBundles.probe(dir));
        felix.installAndStart(jars);
        client = new ProbeClient(felix.bundle(TestBundles.PROBE), files.fingerprint());
        awaitLogin();
    }

    private void awaitLogin() throws InterruptedException {
        Eventually.until("the server component accepts a login",
                () -> client.logsIn(files.port(), ServerFiles.USER, ServerFiles.PASSWORD));
    }

    @AfterEach
    void stop() throws Exception {
        if (felix != null) {
            felix.close();
        }
    }

    private int connect(String ciphers) throws Exception {
        return client.connect(files.port(), ServerFiles.USER, ServerFiles.PASSWORD, ciphers);
    }

    /** The ciphers the server's KEXINIT offers to a new connection. */
    private List<String> ciphersOfferedNow() throws Exception {
        int session = connect("");
        try {
            return client.serverOffer(session, "cipher");
        } finally {
            client.close(session);
        }
    }

    @Test
    void aProviderBundleInstalledWhileTheServerRunsAppearsInTheNextKexinit() throws Exception {
        launch(FrameworkBundles.JCA, FrameworkBundles.USERAUTH);
        assertFalse(ciphersOfferedNow().contains(CHACHA), "no bouncycastle bundle yet");

        Bundle bouncyCastle = felix.context().installBundle(
                FrameworkBundles.jars(List.of(FrameworkBundles.BOUNCYCASTLE)).get(0).toUri().toString());
        bouncyCastle.start();

        assertTrue(ciphersOfferedNow().contains(CHACHA), "offered once the bundle runs");
        int session = connect("");
        try {
            assertEquals(CHACHA + " from bouncycastle", client.cipherAndProvider(session));
        } finally {
            client.close(session);
        }
    }

    @Test
    void aStoppedProviderLeavesTheNextKexinitButARunningSessionKeepsItThroughARekey() throws Exception {
        launch(FrameworkBundles.JCA, FrameworkBundles.BOUNCYCASTLE, FrameworkBundles.USERAUTH);
        int before = connect("");
        try {
            assertEquals(CHACHA + " from bouncycastle", client.cipherAndProvider(before));

            felix.bundle("dev.keyway.provider.bouncycastle").stop();

            assertFalse(ciphersOfferedNow().contains(CHACHA), "a new connection is no longer offered it");
            assertEquals("before\n", client.exec(before, "echo before"));
            assertEquals(2, client.rekey(before));
            assertTrue(client.serverOffer(before, "cipher").contains(CHACHA),
                    "the re-exchange's KEXINIT comes from the snapshot the session started with");
            assertEquals(CHACHA + " from bouncycastle", client.cipherAndProvider(before));
            assertEquals("after\n", client.exec(before, "echo after"));
        } finally {
            client.close(before);
        }
        felix.bundle("dev.keyway.provider.bouncycastle").start();
        assertTrue(ciphersOfferedNow().contains(CHACHA), "offered again once the bundle is started again");
    }

    @Test
    void whenThePreferredProviderOfANameStopsTheNextSessionUsesTheOther() throws Exception {
        launch(FrameworkBundles.JCA, FrameworkBundles.BOUNCYCASTLE, FrameworkBundles.USERAUTH);
        assertEquals("jca", client.providerNow("CIPHER", "aes128-ctr"), "jca's priority 200 beats bouncycastle's 100");
        int first = connect("aes128-ctr");
        assertEquals("aes128-ctr from jca", client.cipherAndProvider(first));
        client.close(first);

        felix.bundle("dev.keyway.provider.jca").stop();

        assertEquals("bouncycastle", client.providerNow("CIPHER", "aes128-ctr"));
        int second = connect("aes128-ctr");
        try {
            assertEquals("aes128-ctr from bouncycastle", client.cipherAndProvider(second));
            assertEquals("served\n", client.exec(second, "echo served"));
        } finally {
            client.close(second);
        }
    }

    @Test
    void aServiceRankingGivenByConfigurationAdminOutranksThePriority() throws Exception {
        launch(FrameworkBundles.JCA, FrameworkBundles.BOUNCYCASTLE, FrameworkBundles.USERAUTH);
        configurationAdmin().update(BC_COMPONENT, Map.of("service.ranking", 300));

        Eventually.until("bouncycastle's component re-registered with service.ranking 300",
                () -> client.providerNow("CIPHER", "aes128-ctr").equals("bouncycastle"));
        int session = connect("aes128-ctr");
        try {
            assertEquals("aes128-ctr from bouncycastle", client.cipherAndProvider(session));
        } finally {
            client.close(session);
        }
    }

    @Test
    void aLaterBundleRankedHigherDoesNotReplaceTheServersPasswordCheckUnlessAllowed() throws Exception {
        launch(FrameworkBundles.JCA, FrameworkBundles.USERAUTH);
        felix.installAndStart(List.of(TestBundles.rogue(dir)));
        assertEquals("rogue", client.providersNow().get(0), "its password method is the source's now");

        assertFalse(client.logsIn(files.port(), ServerFiles.USER, "rogue-backdoor"),
                "the server keeps the password method it started with");
        assertTrue(client.logsIn(files.port(), ServerFiles.USER, ServerFiles.PASSWORD),
                "whose check is the password file's");

        configurationAdmin().update("dev.keyway.server", Map.of("keyway.server.allowPluggedAuthMethods", true));
        Eventually.until("the server, restarted with its new configuration, lets the rogue method in",
                () -> client.logsIn(files.port(), ServerFiles.USER, "rogue-backdoor"));
    }

    private ConfigurationAdmin configurationAdmin() throws Exception {
        return new ConfigurationAdmin(felix.context(), felix.bundle("org.apache.felix.configadmin"));
    }
}
