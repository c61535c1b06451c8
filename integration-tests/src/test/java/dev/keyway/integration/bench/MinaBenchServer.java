package dev.keyway.integration.bench;

import dev.keyway.integration.openssh.KeywayServerProcess;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.apache.sshd.common.keyprovider.FileKeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.config.keys.AuthorizedKeysAuthenticator;

/**
 * The Apache MINA SSHD server of the benchmark, a program of its own so that it runs in a JVM of
 * its own, as sshd and {@code keyway server} do: MINA's default server on 127.0.0.1, with the
 * host key file and {@code authorized_keys} file given (any user name) and {@link ShellCommand}
 * for {@code exec}. It prints {@code listening on 127.0.0.1:PORT} as {@code keyway server}
 * does, then serves until it is stopped (SIGTERM). Not the interop tests' {@code
 * MinaServerForPeers}: that one keeps every session that completed a key exchange, which
 * thousands of benchmark connections must not pay for.
 */
public final class MinaBenchServer {
    private MinaBenchServer() {
    }

    /** {@code HOSTKEYFILE AUTHORIZEDKEYSFILE}. */
    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: MinaBenchServer HOSTKEYFILE AUTHORIZEDKEYSFILE");
            System.exit(2);
        }
        Path hostKey = Path.of(args[0]);
        Path authorizedKeys = Path.of(args[1]);
        SshServer server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(new FileKeyPairProvider(hostKey));
        server.setPublickeyAuthenticator(new AuthorizedKeysAuthenticator(authorizedKeys));
        server.setCommandFactory((channel, command) -> new ShellCommand(command));
        server.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.stop(true);
            } catch (Exception ignored) {
                // The JVM is ending anyway.
            }
            stopped.countDown();
        }));
        System.out.println("listening on 127.0.0.1:" + server.getPort());
        stopped.await();
    }

    /** Starts this program on this JVM with this JVM's class path and waits until it listens. */
    static KeywayServerProcess start(Path hostKey, Path authorizedKeys) throws Exception {
        Process p = new ProcessBuilder(List.of(BenchOptions.thisJava().resolve("bin/java").toString(),
                "-cp", System.getProperty("java.class.path"), MinaBenchServer.class.getName(),
                hostKey.toString(), authorizedKeys.toString())).redirectErrorStream(true).start();
        try {
            return KeywayServerProcess.awaitListening(p);
        } catch (Exception | Error e) {
            p.destroyForcibly();
            throw e;
        }
    }
}
