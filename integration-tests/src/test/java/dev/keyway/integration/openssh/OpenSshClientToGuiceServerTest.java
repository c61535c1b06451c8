package dev.keyway.integration.openssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.AbstractModule;
import dev.keyway.api.AlgorithmCategory;
import dev.keyway.api.auth.PublicKeyAuthenticator;
import dev.keyway.integration.guice.CountingProvider;
import dev.keyway.integration.guice.GuiceServer;
import dev.keyway.keys.AuthorizedKeys;
import dev.keyway.keys.AuthorizedKeysAuthenticator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OpenSSH's {@code ssh} logs in to a server a Guice application built, to which a
 * {@link CountingProvider} was added through the multibinder: told to use that provider's
 * cipher and MAC ({@code Ciphers=}, {@code MACs=}, as {@code -c} and {@code -m}), ssh
 * negotiates them, and the provider, not the built-in one, serves both directions of the
 * session. The host key and the user's {@code authorized_keys} are files ssh-keygen made, read
 * through the Guice bindings.
 */
class OpenSshClientToGuiceServerTest {
    private static final Deadline.Limit LIMIT = Deadline.Limit.ofSeconds(30);

    @TempDir
    static Path dir;
    private static OpenSshInstallation openSsh;
    private static final CountingProvider counting = new CountingProvider();
    private static GuiceServer server;
    private static Path userKey;
    private static Path knownHosts;

    @BeforeAll
    static void start() throws Exception {
        openSsh = OpenSshInstallation.require();
        OpenSshHostKey hostKey = openSsh.generateHostKey(dir, "ed25519");
        // The user's key is made the same way, in a folder of its own.
        userKey = openSsh.generateHostKey(Files.createDirectory(dir.resolve("user")), "ed25519").privateKeyFile();
        AuthorizedKeys authorized = AuthorizedKeys.read(Path.of(userKey + ".pub"));
        server = GuiceServer.start(hostKey.privateKeyFile(), counting, new AbstractModule() {
            @Override
            protected void configure() {
                bind(PublicKeyAuthenticator.class).toInstance(AuthorizedKeysAuthenticator.of(authorized));
            }
        });
        knownHosts = dir.resolve("known_hosts");
        String publicLine = Files.readString(Path.of(hostKey.privateKeyFile() + ".pub"), StandardCharsets.US_ASCII);
        Files.writeString(knownHosts, "[127.0.0.1]:" + server.port() + " " + publicLine, StandardCharsets.US_ASCII);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** Runs {@code ssh -vvv ... true} with the user's key and these options, and returns its log. */
    private static String ssh(String... options) throws Exception {
        List<String> all = new ArrayList<>(List.of("IdentityFile=" + userKey, "IdentitiesOnly=yes",
                "PreferredAuthentications=publickey"));
        all.addAll(List.of(options));
        try (OpenSshClientRun ssh = OpenSshClientRun.start(openSsh, dir, server.port(), knownHosts, all)) {
            BoundedProcess.Result r = ssh.await(LIMIT.start());
            assertEquals(0, r.exitCode(), r.output());
            return r.output();
        }
    }

    @Test
    void sshToldToUseTheProvidersNamesIsServedByIt() throws Exception {
        long encrypted = counting.encryptCalls();
        long decrypted = counting.decryptCalls();
        long macs = counting.macCalls();
        String log = ssh("Ciphers=" + CountingProvider.CIPHER, "MACs=" + CountingProvider.MAC);
        String chosen = "cipher: " + CountingProvider.CIPHER + " MAC: " + CountingProvider.MAC;
        assertTrue(log.contains("kex: server->client " + chosen), log);
        assertTrue(log.contains("kex: client->server " + chosen), log);
        assertEquals(CountingProvider.NAME, server.providerOf(AlgorithmCategory.CIPHER, CountingProvider.CIPHER));
        assertEquals(CountingProvider.NAME, server.providerOf(AlgorithmCategory.MAC, CountingProvider.MAC));
        assertTrue(counting.encryptCalls() > encrypted, "the provider encrypted nothing ssh received");
        assertTrue(counting.decryptCalls() > decrypted, "the provider decrypted nothing ssh sent");
        assertTrue(counting.macCalls() > macs, "the provider computed no MAC");
    }

    /** Left to its defaults ssh picks ChaCha20-Poly1305, which the provider lacks: it does no work. */
    @Test
    void sshLeftToItsDefaultsDoesNotUseTheProvider() throws Exception {
        long before = counting.encryptCalls() + counting.decryptCalls() + counting.macCalls();
        String log = ssh();
        assertTrue(log.contains("kex: server->client cipher: chacha20-poly1305@openssh.com"), log);
        assertEquals(before, counting.encryptCalls() + counting.decryptCalls() + counting.macCalls());
    }
}
