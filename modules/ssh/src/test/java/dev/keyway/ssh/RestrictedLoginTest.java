package dev.keyway.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyway.api.AlgorithmRegistry;
import dev.keyway.api.auth.LoginRestrictions;
import dev.keyway.api.auth.PublicKeyAuthenticator;
import dev.keyway.api.keys.PublicKeyBlob;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A login's {@link LoginRestrictions} held to as sshd(8) holds a session to its
 * {@code authorized_keys} line: the forced command in place of exec, shell and subsystem with
 * SSH_ORIGINAL_COMMAND, no terminal without pty, the login's variables over the client's. The
 * authenticator learns the client's address. Keyway client, Keyway server, 127.0.0.1.
 */
class RestrictedLoginTest {
    private static final KeyPair HOST_KEY = SshSessionTest.ed25519();
    private static final KeyPair USER_KEY = SshSessionTest.ed25519();
    private static final String REPORT = "#report";
    private static final Map<String, LoginRestrictions> LOGINS = Map.of(
            "forced", login("echo \"forced, asked for [${SSH_ORIGINAL_COMMAND-nothing}]\"", true, Map.of()),
            "reported", login(REPORT, false, Map.of()),
            "nopty", login(null, false, Map.of()),
            "env", login(null, true, Map.of("LC_KEYWAY", "login", "KEYWAY_LOGIN", "yes")));
    private static final List<InetSocketAddress> CLIENTS = new CopyOnWriteArrayList<>();
    private static SshServer server;
    private static int port;
    private static SshClient client;

    private static LoginRestrictions login(String command, boolean pty, Map<String, String> environment) {
        return new LoginRestrictions(command, pty, false, false, false, environment, List.of(), List.of());
    }

    /** Logs in the user key with the restrictions of its user name; records who asked from where. */
    private static final class Authenticator implements PublicKeyAuthenticator {
        private final byte[] userBlob = PublicKeyBlob.encode(USER_KEY.getPublic());

        @Override
        public boolean isAuthorized(String userName, PublicKey key) {
            return false; // the server must ask with the client's address
        }

        @Override
        public Optional<LoginRestrictions> authorize(String userName, PublicKey key, InetSocketAddress address) {
            CLIENTS.add(address);
            return Arrays.equals(PublicKeyBlob.encode(key), userBlob) ? Optional.ofNullable(LOGINS.get(userName))
                    : Optional.empty();
        }
    }

    @BeforeAll
    static void start() throws IOException {
        SystemShell shell = new SystemShell();
        server = SshServer.builder().registry(AlgorithmRegistry.loadDefault()).hostKeys(List.of(HOST_KEY))
                .publicKeyAuthenticator(new Authenticator())
                .execHandler(context -> context.command().equals(REPORT) ? report(context) : shell.run(context))
                .shellHandler(context -> {
                    context.stdout().write("the shell handler\n".getBytes(StandardCharsets.UTF_8));
                    return 0;
                })
                .subsystemHandler("rot13", SystemShell.subsystem("tr a-z n-za-m"))
                .subsystemHandler("named", context -> 0)
                .build();
        port = server.start().getPort();
        client = SshClient.builder().registry(AlgorithmRegistry.loadDefault())
                .hostKeyVerifier(SshSessionTest.expecting(HOST_KEY)).timeout(SshSessionTest.LIMIT)
                .environment("LC_KEYWAY", "client").build();
    }

    /** What a handler sees of the login: the restrictions and the client's own command. */
    private static int report(CommandContext context) throws IOException {
        String seen = "pty " + context.restrictions().pty() + ", original " + context.originalCommand().orElse("-")
                + ", variable " + context.environment().get(CommandContext.ORIGINAL_COMMAND) + "\n";
        context.stdout().write(seen.getBytes(StandardCharsets.UTF_8));
        return 0;
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private static ClientSession connect(String user) throws IOException {
        return client.connect("127.0.0.1", port, user, Credentials.keyPairs(USER_KEY));
    }

    /** What the command printed, once it ended with status 0. */
    private static String output(RemoteProcess p) throws Exception {
        p.getOutputStream().close();
        String out = SshSessionTest.readAll(p.getInputStream());
        assertEquals(0, p.waitFor(SshSessionTest.LIMIT), out);
        return out;
    }

    @Test
    void theAuthenticatorLearnsTheClientsAddress() throws Exception {
        CLIENTS.clear();
        try (ClientSession s = connect("env")) {
            assertTrue(s.isOpen());
        }
        assertFalse(CLIENTS.isEmpty());
        for (InetSocketAddress a : CLIENTS) {
            assertEquals("127.0.0.1", a.getAddress().getHostAddress());
            assertTrue(a.getPort() > 0 && a.getPort() != port, a.toString());
        }
    }

    @Test
    void aForcedCommandRunsInPlaceOfExecShellAndSubsystem() throws Exception {
        try (ClientSession s = connect("forced")) {
            assertEquals("forced, asked for [ls /]\n", output(s.exec("ls /")));
            assertEquals("forced, asked for [nothing]\n", output(s.shell()));
            // A subsystem's original command is the command line it runs, as sshd_config's Subsystem.
            assertEquals("forced, asked for [tr a-z n-za-m]\n", output(s.subsystem("rot13")));
            assertEquals("forced, asked for [named]\n", output(s.subsystem("named")));
            IOException refused = assertThrows(IOException.class, () -> s.subsystem("nosuch"));
            assertTrue(refused.getMessage().contains("refused the subsystem nosuch request"), refused.getMessage());
        }
    }

    @Test
    void theHandlerSeesTheRestrictionsAndTheClientsCommand() throws Exception {
        try (ClientSession s = connect("reported")) {
            assertEquals("pty false, original echo hi, variable echo hi\n", output(s.exec("echo hi")));
            assertEquals("pty false, original -, variable null\n", output(s.shell()));
        }
    }

    @Test
    void withoutPtyTheTerminalIsRefusedAndTheCommandRunsWithoutOne() throws Exception {
        try (ClientSession s = connect("nopty")) {
            RemoteProcess p = s.exec("tty; echo \"status $?\"", Terminal.of("xterm", 80, 24));
            assertFalse(p.hasTerminal());
            assertEquals("not a tty\nstatus 1\n", output(p));
        }
    }

    @Test
    void theLoginsVariablesReachTheCommandOverTheClients() throws Exception {
        try (ClientSession s = connect("env")) {
            assertEquals("login yes\n", output(s.exec("echo \"$LC_KEYWAY $KEYWAY_LOGIN\"")));
        }
    }
}
