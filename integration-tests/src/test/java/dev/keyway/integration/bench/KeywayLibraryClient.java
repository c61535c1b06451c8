package dev.keyway.integration.bench;

import dev.keyway.api.AlgorithmCategory;
import dev.keyway.keys.PrivateKeyFile;
import dev.keyway.ssh.ClientSession;
import dev.keyway.ssh.Credentials;
import dev.keyway.ssh.RemoteProcess;
import dev.keyway.ssh.SshClient;
import dev.keyway.transport.AlgorithmPolicy;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keyway's {@link SshClient}, the library, in this JVM: one client (one network thread) per
 * choice of algorithms, kept for the whole run so that it is warm when timed. It trusts the
 * ed25519 host keys of the benchmark's servers only.
 */
final class KeywayLibraryClient implements BenchClient {
    static final Duration LIMIT = Duration.ofSeconds(30);
    private static final int PIECE = 64 * 1024;

    private final KeyPair key;
    private final Set<String> hostKeyFingerprints;
    private final Map<Crypto, SshClient> clients = new ConcurrentHashMap<>();

    KeywayLibraryClient(BenchServers servers) throws Exception {
        this.key = PrivateKeyFile.read(servers.userKey());
        this.hostKeyFingerprints = Set.copyOf(servers.all().stream().map(Target::hostKeyFingerprint).toList());
    }

    @Override
    public String name() {
        return "keyway-library";
    }

    /** Connects and logs in; the caller closes the session. */
    ClientSession connect(Target target, Crypto crypto) throws Exception {
        SshClient client = clients.computeIfAbsent(crypto, c -> SshClient.builder().policy(policy(c)).timeout(LIMIT)
                .hostKeyVerifier(k -> k.keyType().equals("ssh-ed25519") && hostKeyFingerprints.contains(k.fingerprint()))
                .build());
        return client.connect("127.0.0.1", target.port(), System.getProperty("user.name"), Credentials.keyPairs(key));
    }

    private static AlgorithmPolicy policy(Crypto crypto) {
        AlgorithmPolicy p = AlgorithmPolicy.defaults().with(AlgorithmCategory.HOST_KEY, "ssh-ed25519");
        if (crypto.kex() != null) {
            p = p.with(AlgorithmCategory.KEY_EXCHANGE, crypto.kex());
        }
        if (crypto.cipher() != null) {
            p = p.with(AlgorithmCategory.CIPHER, crypto.cipher());
        }
        return crypto.mac() == null ? p : p.with(AlgorithmCategory.MAC, crypto.mac());
    }

    @Override
    public void upload(Target target, Crypto crypto, long bytes) throws Exception {
        String count = Bounded.call(Bounded.transferLimit(bytes), () -> {
            try (ClientSession session = connect(target, crypto); RemoteProcess wc = session.exec("wc -c")) {
                byte[] zeros = new byte[PIECE];
                try (OutputStream in = wc.getOutputStream()) {
                    for (long left = bytes; left > 0; left -= zeros.length) {
                        in.write(zeros, 0, (int) Math.min(zeros.length, left));
                    }
                }
                String printed = new String(wc.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
                wc.waitFor(LIMIT);
                return printed;
            }
        });
        if (!count.equals(Long.toString(bytes))) {
            throw new IllegalStateException("wc -c counted " + count + ", not " + bytes);
        }
    }

    @Override
    public void download(Target target, Crypto crypto, long bytes) throws Exception {
        long read = Bounded.call(Bounded.transferLimit(bytes), () -> {
            try (ClientSession session = connect(target, crypto);
                    RemoteProcess head = session.exec("head -c " + bytes + " /dev/zero")) {
                head.getOutputStream().close();
                long n = count(head.getInputStream());
                head.waitFor(LIMIT);
                return n;
            }
        });
        if (read != bytes) {
            throw new IllegalStateException("read " + read + " bytes, not " + bytes);
        }
    }

    @Override
    public void runTrue(Target target, Crypto crypto) throws Exception {
        int status = Bounded.call(LIMIT, () -> {
            try (ClientSession session = connect(target, crypto); RemoteProcess t = session.exec("true")) {
                t.getOutputStream().close();
                t.getInputStream().readAllBytes();
                return t.waitFor(LIMIT);
            }
        });
        if (status != 0) {
            throw new IllegalStateException("true exited " + status);
        }
    }

    /** Reads to the end, counting. */
    static long count(InputStream in) throws java.io.IOException {
        byte[] buffer = new byte[PIECE];
        long n = 0;
        for (int r; (r = in.read(buffer)) >= 0; ) {
            n += r;
        }
        return n;
    }

    @Override
    public boolean inThisJvm() {
        return true;
    }

    @Override
    public void close() {
        clients.values().forEach(SshClient::close);
        clients.clear();
    }
}
