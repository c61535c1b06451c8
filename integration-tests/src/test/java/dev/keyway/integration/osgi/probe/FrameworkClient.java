package dev.keyway.integration.osgi.probe;

import dev.keyway.api.AlgorithmCategory;
import dev.keyway.api.AlgorithmRegistry;
import dev.keyway.api.AlgorithmSource;
import dev.keyway.ssh.Credentials;
import dev.keyway.ssh.RemoteProcess;
import dev.keyway.ssh.SshClient;
import dev.keyway.transport.AlgorithmPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

/**
 * A Keyway client inside the framework, in a bundle the test builds from this package: it
 * imports Keyway's packages from the framework's bundles and gets its algorithms from the
 * {@code AlgorithmSource} service of {@code dev.keyway.osgi}, as an embedder would. The test
 * calls these static methods by reflection, with {@code java.*} types only, since its own
 * copies of Keyway's classes are not the framework's.
 */
public final class FrameworkClient {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Map<Integer, ProbeSession> SESSIONS = new ConcurrentHashMap<>();
    private static final AtomicInteger NUMBERS = new AtomicInteger();

    private FrameworkClient() {
    }

    /**
     * Logs in to 127.0.0.1:{@code port} with a password, checking the host key's SHA-256
     * fingerprint, offering only {@code ciphers} when not empty (OpenSSH's Ciphers syntax).
     *
     * @return the session's number for the other methods
     * @throws IOException when the login or the connection fails
     */
    public static int connect(int port, String fingerprint, String user, String password, String ciphers)
            throws IOException {
        AlgorithmRegistry algorithms = source().snapshot();
        AlgorithmPolicy policy = ciphers.isEmpty() ? AlgorithmPolicy.defaults()
                : AlgorithmPolicy.defaults().with(AlgorithmCategory.CIPHER, ciphers);
        ProbeSession probe = new ProbeSession(algorithms);
        SshClient client = SshClient.builder()
                .registry(algorithms)
                .policy(policy)
                .hostKeyVerifier(key -> key.fingerprint().equals(fingerprint))
                .transportObserver(probe::observe)
                .timeout(WAIT)
                .build();
        try {
            probe.open(client, client.connect("127.0.0.1", port, user, Credentials.password(password.toCharArray())));
        } catch (IOException | RuntimeException e) {
            client.close();
            throw e;
        }
        int number = NUMBERS.incrementAndGet();
        SESSIONS.put(number, probe);
        return number;
    }

    /** The names the server's latest KEXINIT offered for key exchange ({@code kex}) or ciphers ({@code cipher}). */
    public static List<String> serverOffer(int session, String field) {
        return SESSIONS.get(session).serverOffer(field);
    }

    /** The cipher client to server, and the provider that served it in the snapshot the session was built from. */
    public static String cipherAndProvider(int session) {
        ProbeSession probe = SESSIONS.get(session);
        String cipher = probe.session().algorithms().cipherClientToServer();
        return cipher + " from " + probe.algorithms().providerName(AlgorithmCategory.CIPHER, cipher).orElse("?");
    }

    /** Runs {@code command} and returns its standard output, once it exited 0. */
    public static String exec(int session, String command) throws IOException, InterruptedException, TimeoutException {
        try (RemoteProcess p = SESSIONS.get(session).session().exec(command)) {
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = p.waitFor(WAIT);
            if (status != 0) {
                throw new IOException(command + " exited " + status);
            }
            return out;
        }
    }

    /** Asks for a key re-exchange and waits until it is done; returns how many exchanges the session has had. */
    public static int rekey(int session) throws InterruptedException, TimeoutException {
        ProbeSession probe = SESSIONS.get(session);
        int before = probe.keyExchanges();
        probe.session().rekey();
        return probe.awaitKeyExchangesAbove(before, WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    public static void close(int session) {
        ProbeSession probe = SESSIONS.remove(session);
        if (probe != null) {
            probe.close();
        }
    }

    /** Which provider serves a name in the framework's {@code AlgorithmSource} now. */
    public static String providerNow(String category, String name) {
        return source().snapshot().providerName(AlgorithmCategory.valueOf(category), name).orElse("none");
    }

    /** The providers of the framework's {@code AlgorithmSource} now, first the one that wins a name they share. */
    public static List<String> providersNow() {
        return source().snapshot().providers().stream().map(p -> p.name()).toList();
    }

    /** The framework's {@code AlgorithmSource} service of {@code dev.keyway.osgi}. */
    static AlgorithmSource source() {
        BundleContext context = FrameworkUtil.getBundle(FrameworkClient.class).getBundleContext();
        try {
            ServiceReference<AlgorithmSource> ref = context.getServiceReferences(AlgorithmSource.class, "(keyway.source=osgi)")
                    .stream().findFirst().orElseThrow(() -> new IllegalStateException("no AlgorithmSource service"));
            return context.getService(ref);
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
